/** A check's figure as the panel shows it: `$12.35` for costs, `11,896` for counts, `0.0213` for small ratios. */
export function figureText(path: string, value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (path.startsWith('cost.') || path.endsWith('.Cost.Sum')) return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2 })}`;
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumSignificantDigits: Math.abs(value) < 1 ? 3 : Math.max(3, Math.ceil(Math.log10(Math.abs(value))) + 1) });
}
