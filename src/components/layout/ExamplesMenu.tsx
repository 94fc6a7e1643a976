import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { loadExampleList, openExample } from '../../commands/examples.ts';
import { appStore } from '../../store/index.ts';

const BookIcon = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
    <path d="M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2zM4 21V5M8 7h7" />
  </svg>
);

/** The "Examples" button and its dialog: every example scenario with its name and one line, loaded on open. */
export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const [opening, setOpening] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['examples'], queryFn: () => loadExampleList(), enabled: open, staleTime: Infinity });
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    panel.current?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const choose = async (file: string) => {
    setOpening(file);
    const ok = await openExample(appStore, file);
    setOpening(null);
    if (ok) setOpen(false);
  };

  return (
    <>
      <button
        type="button"
        data-testid="examples-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Examples: open a ready-made architecture"
        aria-label="Examples"
        onClick={() => setOpen(true)}
        className="inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <BookIcon />
        <span className="hidden 2xl:inline">Examples</span>
      </button>
      {open && (
        <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-4 pt-20 dark:bg-black/60" onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}>
          <div
            ref={panel}
            role="dialog"
            aria-modal="true"
            aria-labelledby="examples-title"
            tabIndex={-1}
            data-testid="examples-dialog"
            className="flex max-h-[75vh] w-full max-w-2xl flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl outline-none dark:border-slate-700 dark:bg-slate-900"
          >
            <header className="flex items-center justify-between border-b border-slate-200 px-5 py-3 dark:border-slate-700">
              <div>
                <h2 id="examples-title" className="text-lg font-semibold text-slate-900 dark:text-slate-50">
                  Examples
                </h2>
                <p className="text-sm text-slate-500 dark:text-slate-400">Opening one replaces the canvas; undo brings your work back.</p>
              </div>
              <button type="button" aria-label="Close" onClick={() => setOpen(false)} className="rounded-md px-2 py-1 text-lg text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800">
                ✕
              </button>
            </header>
            <div className="overflow-y-auto p-2">
              {list.isPending && <p className="p-4 text-sm text-slate-500 dark:text-slate-400">Loading examples…</p>}
              {list.isError && (
                <p role="alert" className="p-4 text-sm text-red-600 dark:text-red-400">
                  The examples could not be loaded: {list.error instanceof Error ? list.error.message : String(list.error)}
                </p>
              )}
              {list.data?.length === 0 && <p className="p-4 text-sm text-slate-500 dark:text-slate-400">There are no examples in this build.</p>}
              <ul className="flex flex-col gap-1">
                {list.data?.map((ex) => (
                  <li key={ex.file}>
                    <button
                      type="button"
                      data-testid={`example-${ex.file}`}
                      disabled={opening !== null}
                      onClick={() => void choose(ex.file)}
                      className="flex w-full flex-col items-start gap-0.5 rounded-lg px-3 py-2.5 text-left hover:bg-sky-50 focus-visible:bg-sky-50 focus-visible:outline-none disabled:opacity-60 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
                    >
                      <span className="text-[15px] font-semibold text-slate-900 dark:text-slate-50">
                        {ex.name}
                        {opening === ex.file && <span className="ml-2 text-sm font-normal text-slate-500">opening…</span>}
                      </span>
                      <span className="text-sm text-slate-600 dark:text-slate-300">{ex.description}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
