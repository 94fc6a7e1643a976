import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { loadExampleList, openExample } from '../../commands/examples.ts';
import { appStore } from '../../store/index.ts';
import { DialogButton, ModalDialog } from '../common/ModalDialog.tsx';

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
  const close = useCallback(() => setOpen(false), []);

  const choose = async (file: string) => {
    setOpening(file);
    const ok = await openExample(appStore, file);
    setOpening(null);
    if (ok) setOpen(false);
  };

  return (
    <>
      <DialogButton name="examples" label="Examples" title="Examples: open a ready-made architecture" icon={<BookIcon />} open={open} onOpen={() => setOpen(true)} />
      {open && (
        <ModalDialog
          name="examples"
          title="Examples"
          subtitle="Opening one replaces the canvas; undo brings your work back."
          onClose={close}
          panelClassName="max-h-[75vh] max-w-2xl"
          backdropClassName="p-4 pt-20"
        >
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
        </ModalDialog>
      )}
    </>
  );
}
