import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { loadExampleList, openExample } from '../../commands/examples.ts';
import { appStore } from '../../store/index.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { QueryBoundary } from '../common/QueryBoundary.tsx';

/** The examples dialog: every example scenario with its name and one line, loaded when it first opens. */
function ExamplesList({ onClose }: { onClose: () => void }) {
  const [opening, setOpening] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['examples'], queryFn: () => loadExampleList(), staleTime: Infinity });

  const choose = async (file: string) => {
    setOpening(file);
    const ok = await openExample(appStore, file);
    setOpening(null);
    if (ok) onClose();
  };

  return (
    <ModalDialog
      name="examples"
      title="Examples"
      subtitle="Opening one replaces the canvas; undo brings your work back."
      onClose={onClose}
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
  );
}

export function ExamplesDialog({ onClose }: { onClose: () => void }) {
  return (
    <QueryBoundary>
      <ExamplesList onClose={onClose} />
    </QueryBoundary>
  );
}
