/**
 * Where a problem sits in a JSON text: the line of the value its path names (e.g. `States.Charge.Retry[0]
 * .BackoffRate`), or of the nearest enclosing value the text has. jsonc-parser gives the offsets; this module is
 * loaded only with the code editor, never in the initial bundle.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export interface LineProblem {
  /** 1-based. */
  line: number;
  path: string;
  message: string;
}

/** The 1-based line of each problem (path relative to the text's root), in line order; a syntax error first. */
export function problemLines(text: string, problems: readonly { path: string; message: string }[]): LineProblem[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const e = errors[0];
    return [{ line: lineAt(text, e.offset), path: '', message: `not valid JSON here: ${describeError(printParseErrorCode(e.error))}` }];
  }
  if (!root) return [];
  return problems
    .map((p) => ({ line: lineAt(text, locate(root, p.path).offset), path: p.path, message: p.message }))
    .sort((a, b) => a.line - b.line);
}

/** The deepest node of `root` along a dotted path whose keys may themselves hold dots or spaces ("Large order?"). */
export function locate(root: Node, path: string): Node {
  let node = root;
  let rest = path;
  while (rest !== '') {
    if (node.type === 'array') {
      const m = /^\[(\d+)\]\.?/.exec(rest);
      const child = m ? node.children?.[Number(m[1])] : undefined;
      if (!m || !child) return node;
      node = child;
      rest = rest.slice(m[0].length);
      continue;
    }
    if (node.type !== 'object') return node;
    // The longest key that the rest of the path starts with, followed by its end, '.' or '['.
    let best: Node | undefined;
    let bestKey = '';
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0]?.value as string | undefined;
      if (key === undefined || key.length <= bestKey.length || !rest.startsWith(key)) continue;
      const after = rest.charAt(key.length);
      if (after === '' || after === '.' || after === '[') {
        best = prop;
        bestKey = key;
      }
    }
    if (!best) return node;
    // Point at the key itself (its line is where the reader looks), then go on into the value.
    const value = best.children?.[1];
    rest = rest.slice(bestKey.length).replace(/^\./, '');
    if (!value || rest === '') return best;
    node = value;
  }
  return node;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function describeError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
