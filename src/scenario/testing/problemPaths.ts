/** Reading problem paths back, so fuzz tests can check that every problem names a place in the input. */

/** Splits a problem path into keys; throws if it is not of the form a.b[3]["odd key"]. */
export function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const re = /(?:^|\.)([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m || (m[1] !== undefined && m.index === 0 && at !== 0)) throw new Error(`bad path ${path} at ${at}`);
    keys.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string)));
    at = re.lastIndex;
  }
  return keys;
}

/** True when every key but the last names an existing own property (the last may be a missing required key). */
export function parentExists(root: unknown, keys: (string | number)[]): boolean {
  let v = root;
  for (const k of keys.slice(0, -1)) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, k)) return false;
    v = Object.getOwnPropertyDescriptor(v, k)?.value;
  }
  return true;
}
