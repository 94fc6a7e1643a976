import { Fragment, type ReactNode } from 'react';

/** Label, unit, assumption badge, the input, a one-line help, the range hint and the error, for one field. */
export function FieldRow(props: {
  path: string;
  label: string;
  help?: string;
  hint?: string;
  assumption?: boolean;
  error?: string | null;
  htmlFor?: string;
  children: ReactNode;
}) {
  const { path, label, help, hint, assumption, error, htmlFor, children } = props;
  return (
    <div className="flex flex-col gap-1" data-field={path}>
      <div className="flex items-baseline gap-2">
        <label htmlFor={htmlFor} className="shrink-0 text-[13px] font-medium whitespace-nowrap text-slate-800 dark:text-slate-100">
          {label}
        </label>
        {assumption && (
          <span
            className="shrink-0 rounded bg-amber-100 px-1 text-[10px] font-semibold tracking-wide text-amber-800 uppercase dark:bg-amber-900/60 dark:text-amber-200"
            title="AWS publishes no figure for this: the value is the simulation's assumption."
          >
            assumption
          </span>
        )}
        {hint && (
          // Wraps between its parts (range · default) when the label leaves too little room, never inside one.
          <span className="ml-auto min-w-0 text-right text-[11px] leading-tight text-slate-400 dark:text-slate-500" data-testid="field-hint">
            {hint.split(' · ').map((part, i) => (
              <Fragment key={i}>
                {i > 0 && ' · '}
                <span className="whitespace-nowrap">{part}</span>
              </Fragment>
            ))}
          </span>
        )}
      </div>
      {children}
      {error ? (
        <p role="alert" data-testid={`field-error-${path}`} className="text-xs font-medium text-red-600 dark:text-red-400">
          {/^[A-Z]/.test(error) ? error : `${label} ${error}`}
        </p>
      ) : (
        help && <p className="text-xs leading-snug text-slate-500 dark:text-slate-400">{help}</p>
      )}
    </div>
  );
}
