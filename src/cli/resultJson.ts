/**
 * JSON for the result file: two-space indentation, keys in the order the result document defines them
 * (so two runs with the same seed give the same bytes), and number arrays (series) and small flat objects
 * (a metric's statistics) on one line each so a person can read the file.
 */
export function resultJson(value: unknown): string {
  return `${write(value, '')}\n`;
}

function write(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean' || x === null))
      return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    return `[\n${v.map((x) => inner + write(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.length <= 8 && entries.every(([, x]) => x === null || typeof x !== 'object'))
    return `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`).join(', ')} }`;
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner)}`).join(',\n')}\n${indent}}`;
}
