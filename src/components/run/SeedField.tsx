import { useState } from 'react';

/** The seed box: a new whole number resets the run with it (Enter or leaving the field). */
export function SeedField({ seed, onApply }: { seed: number; onApply: (seed: number) => void }) {
  const [text, setText] = useState(String(seed));
  // A seed set from outside replaces the text, adjusted while rendering rather than in an effect.
  const [shownSeed, setShownSeed] = useState(seed);
  if (shownSeed !== seed) {
    setShownSeed(seed);
    setText(String(seed));
  }
  const valid = /^\d{1,15}$/.test(text.trim());
  const apply = () => {
    if (!valid) return;
    const v = Number(text.trim());
    if (v !== seed) onApply(v);
  };
  return (
    <label className="flex items-center gap-1.5 text-sm text-slate-600 max-[1399px]:hidden dark:text-slate-300">
      {/* Narrower screens (a 1280 px projector) edit the seed in the scenario inspector; the word goes first. */}
      <span className="max-[1535px]:sr-only">Seed</span>
      <input
        data-testid="run-seed"
        inputMode="numeric"
        aria-invalid={!valid}
        title={valid ? 'Random seed: the same seed gives the same run' : 'The seed must be a whole number of 0 or more'}
        className={[
          'w-16 rounded-md border bg-white px-2 py-1 text-sm tabular-nums dark:bg-slate-800 dark:text-slate-100',
          valid ? 'border-slate-300 dark:border-slate-600' : 'border-red-500 outline-red-500',
        ].join(' ')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') setText(String(seed));
        }}
      />
    </label>
  );
}
