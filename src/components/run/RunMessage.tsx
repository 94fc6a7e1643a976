import { useState } from 'react';
import { nodePath } from '../../scenario/index.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { viewBridge } from '../../commands/viewBridge.ts';
import { revealFieldWhenShown } from '../inspector/revealField.ts';

/**
 * What the run controls have to say (a refused scenario, a live edit kept back, why a run stopped), over the top
 * of the canvas so it never covers the inspector it points to. A problem at a node's field offers Show, which
 * opens that field and brings the node into view; × hides the message until it changes.
 */
export function RunMessage() {
  const stopped = useAppStore((s) => s.run.stopped);
  const message = useAppStore((s) => s.run.message);
  const problemPath = useAppStore((s) => s.run.problems[0]?.path ?? null);
  const at = problemPath !== null ? nodePath(problemPath) : null;
  const node = useAppStore((s) => (at ? (s.doc.nodes[at.index]?.id ?? null) : null));
  const readOnly = useAppStore((s) => s.readOnly);
  const text = stopped ?? message?.text ?? null;
  const [hidden, setHidden] = useState<string | null>(null);
  if (text === null || text === hidden) return null;
  const error = stopped !== null || message?.tone === 'error';
  const show = stopped === null && at !== null && node !== null && !readOnly;
  return (
    <div
      role="status"
      data-testid="run-message"
      className={`absolute inset-x-3 top-3 z-30 mx-auto flex max-w-2xl items-start gap-2 rounded-md border py-1.5 pr-1.5 pl-3 text-sm shadow-md ${
        error
          ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200'
          : 'border-slate-200 bg-white text-slate-700 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200'
      }`}
    >
      <p className="min-w-0 flex-1 py-0.5 break-words">{text}</p>
      {show && (
        <button
          type="button"
          data-testid="run-message-show"
          onClick={() => {
            if (node === null || at === null) return;
            appStore.getState().inspectNode(node);
            revealFieldWhenShown(at.rest);
            // After the inspector has opened (the canvas may have narrowed), bring the node into view.
            requestAnimationFrame(() => requestAnimationFrame(() => viewBridge.showNode(node)));
          }}
          className="shrink-0 rounded px-2 py-0.5 font-semibold underline-offset-2 hover:underline focus-visible:outline-2"
          title="Open this setting in the inspector"
        >
          Show
        </button>
      )}
      <button
        type="button"
        data-testid="run-message-close"
        aria-label="Hide this message"
        onClick={() => setHidden(text)}
        className="shrink-0 rounded px-1.5 py-0.5 leading-none opacity-70 hover:opacity-100 focus-visible:outline-2"
      >
        ×
      </button>
    </div>
  );
}
