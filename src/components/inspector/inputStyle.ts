/** Classes shared by the inspector's inputs; the border turns red while the input holds an error. */
export const inputClass =
  'w-full rounded-md border bg-white px-2.5 py-1.5 text-sm text-slate-900 tabular-nums shadow-xs outline-none placeholder:text-slate-400 focus:ring-2 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-500';

export function inputTone(error: string | null | undefined): string {
  return error
    ? 'border-red-400 focus:border-red-500 focus:ring-red-200 dark:border-red-500 dark:focus:ring-red-900'
    : 'border-slate-300 focus:border-sky-500 focus:ring-sky-200 dark:border-slate-700 dark:focus:ring-sky-900';
}
