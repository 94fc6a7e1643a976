/**
 * EventBridge's wildcard operator ("Wildcard matching" in the event-pattern reference): `*` matches any run of
 * characters, `\*` a literal asterisk, `\\` a literal backslash; consecutive `*` and any other escape are
 * refused. Matched without regular expressions, so a pattern with many `*` cannot backtrack exponentially.
 */
export interface Wildcard {
  /** The literal pieces between the unescaped `*`; one piece means no `*` at all. */
  readonly pieces: readonly string[];
}

/** Parses a wildcard; returns the problem as a sentence fragment instead of a Wildcard when it is invalid. */
export function compileWildcard(text: string): Wildcard | string {
  const pieces: string[] = [];
  let piece = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      const next = text[i + 1];
      if (next !== '*' && next !== '\\')
        return `a backslash may only escape * or \\ (at character ${i + 1} of "${text}")`;
      piece += next;
      i++;
    } else if (ch === '*') {
      if (text[i + 1] === '*') return `consecutive * are not allowed (at character ${i + 1} of "${text}")`;
      pieces.push(piece);
      piece = '';
    } else piece += ch;
  }
  pieces.push(piece);
  return { pieces };
}

export function matchesWildcard(w: Wildcard, s: string): boolean {
  const pieces = w.pieces;
  const n = pieces.length;
  if (n === 1) return s === pieces[0];
  const first = pieces[0];
  const last = pieces[n - 1];
  if (s.length < first.length + last.length || !s.startsWith(first) || !s.endsWith(last)) return false;
  // Leftmost placement of each middle piece is optimal for `*`-only globs: it leaves the most room after it.
  let at = first.length;
  const end = s.length - last.length;
  for (let i = 1; i < n - 1; i++) {
    const p = pieces[i];
    const found = s.indexOf(p, at);
    if (found < 0 || found + p.length > end) return false;
    at = found + p.length;
  }
  return true;
}
