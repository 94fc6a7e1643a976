import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog over the app: a dimmed backdrop (a click on it closes), Escape closes, focus moves in, a header
 * with the title, a line under it and a close button. `name` gives the test id (`<name>-dialog`) and the title's id.
 */
export function ModalDialog(props: {
  name: string;
  title: ReactNode;
  subtitle?: ReactNode;
  onClose: () => void;
  /** Size and layout of the panel, e.g. "max-h-[75vh] max-w-2xl". */
  panelClassName: string;
  /** Room above the panel. */
  backdropClassName?: string;
  children: ReactNode;
}) {
  const { name, onClose } = props;
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Captured before the canvas's shortcuts, so Escape closes the dialog without also clearing the selection.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    panel.current?.focus();
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div
      className={`fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 dark:bg-black/60 ${props.backdropClassName ?? 'p-4 pt-16'}`}
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${name}-title`}
        tabIndex={-1}
        data-testid={`${name}-dialog`}
        className={`flex w-full flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl outline-none dark:border-slate-700 dark:bg-slate-900 ${props.panelClassName}`}
      >
        <header className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3 dark:border-slate-700">
          <div>
            <h2 id={`${name}-title`} className="text-lg font-semibold text-slate-900 dark:text-slate-50">
              {props.title}
            </h2>
            {props.subtitle && <p className="text-sm text-slate-500 dark:text-slate-400">{props.subtitle}</p>}
          </div>
          <button type="button" aria-label="Close" onClick={onClose} className="rounded-md px-2 py-1 text-lg text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800">
            ✕
          </button>
        </header>
        {props.children}
      </div>
    </div>
  );
}

/** A header button that opens a dialog: an icon, and its label from 1536 px up. */
export function DialogButton(props: { name: string; label: string; title: string; icon: ReactNode; open: boolean; onOpen: () => void; className?: string }) {
  return (
    <button
      type="button"
      data-testid={`${props.name}-open`}
      aria-haspopup="dialog"
      aria-expanded={props.open}
      title={props.title}
      aria-label={props.label}
      onClick={props.onOpen}
      className={`inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800 ${props.className ?? ''}`}
    >
      {props.icon}
      <span className="dialog-button__label hidden 2xl:inline">{props.label}</span>
    </button>
  );
}
