import { useRef, useState } from 'react';
import { FieldRow } from './FieldRow.tsx';
import { inputClass, inputTone } from './inputStyle.ts';

/**
 * The node's name (its id): checked as the user types, renamed only when the name is allowed, so edges
 * and results keep pointing at a valid node.
 */
export function NameField(props: { name: string; check: (next: string) => string | null; rename: (next: string, session: string) => void }) {
  const { name, check, rename } = props;
  const [text, setText] = useState(name);
  // One focus of the box is one undo step, however many letters are typed.
  const session = useRef(0);
  const [error, setError] = useState<string | null>(null);
  // A rename from outside (undo) replaces the text, adjusted while rendering rather than in an effect.
  const [shownName, setShownName] = useState(name);
  if (shownName !== name) {
    setShownName(name);
    setText(name);
    setError(null);
  }
  return (
    <FieldRow path="id" label="Name" help="The node's name in the scenario, the charts and the results." error={error} htmlFor="field-id">
      <input
        id="field-id"
        data-testid="field-id"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={!!error}
        className={`${inputClass} ${inputTone(error)} font-medium`}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const problem = check(next);
          setError(problem);
          if (!problem) rename(next, `rename:${session.current}`);
        }}
        onFocus={() => void session.current++}
        onBlur={() => {
          if (error) return;
          setText(name);
        }}
      />
    </FieldRow>
  );
}
