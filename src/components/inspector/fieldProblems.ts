/** The problems inside one field's value, with paths relative to it. */
export function problemsWithin(problems: readonly { path: string; message: string }[] | undefined, fieldPath: string): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const p of problems ?? []) {
    if (p.path === fieldPath) out.push({ path: '', message: p.message });
    else if (p.path.startsWith(`${fieldPath}.`)) out.push({ path: p.path.slice(fieldPath.length + 1), message: p.message });
    else if (p.path.startsWith(`${fieldPath}[`)) out.push({ path: p.path.slice(fieldPath.length), message: p.message });
  }
  return out;
}

/** A validator path with quoted keys (`States.A["Retry[0]"].BackoffRate`) written with dots, as the service's checks write it. */
export function plainPath(path: string): string {
  return path.replace(/\["((?:[^"\\]|\\.)*)"\]/g, (_, key: string) => `.${JSON.parse(`"${key}"`) as string}`);
}
