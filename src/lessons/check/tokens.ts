/**
 * Tokens of the check language (docs/lessons.md "Checks"). Positions are 1-based character columns, as
 * people count them in a message ("at 14").
 */
export type Token =
  | { type: 'number'; value: number; text: string; pos: number }
  /** A metric path: `Users.Throttled.Sum`, `cost.monthly`, `Flow."State:Large order?:Entered".Sum`. */
  | { type: 'path'; segments: string[]; text: string; pos: number }
  | { type: 'keyword'; value: 'and' | 'or' | 'not'; text: string; pos: number }
  | { type: 'op'; value: Operator; text: string; pos: number }
  | { type: 'end'; text: ''; pos: number };

export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type Arithmetic = '+' | '-' | '*' | '/';
export type Operator = Comparison | Arithmetic | '(' | ')';

export class CheckSyntaxError extends Error {
  constructor(
    readonly pos: number,
    message: string,
  ) {
    super(`at ${pos}: ${message}`);
  }
}

/** A check is one line a person writes; longer text is refused before it is read. */
export const MAX_CHECK_LENGTH = 2000;

const KEYWORDS = new Set(['and', 'or', 'not']);
const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=']);
const ONE_CHAR_OPS = new Set(['<', '>', '+', '-', '*', '/', '(', ')']);
/** Words people bring from other languages, and what to write instead. */
const INSTEAD: Record<string, string> = { '&&': 'and', '||': 'or', '!': 'not', '=': '==', '<>': '!=', '=<': '<=', '=>': '>=' };

const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameStart = (c: string) => /[A-Za-z_]/.test(c);
/** Characters of a name segment. A node id may hold `-`; a later segment (metric, statistic) may not, so `a.b.Sum-1` subtracts. */
const isNameChar = (c: string, first: boolean) => /[A-Za-z0-9_:]/.test(c) || (first && c === '-');

export function tokenize(text: string): Token[] {
  if (text.length > MAX_CHECK_LENGTH) throw new CheckSyntaxError(1, `a check may be at most ${MAX_CHECK_LENGTH} characters; this one has ${text.length}`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const pos = i + 1;
    const two = text.slice(i, i + 2);
    if (INSTEAD[two] && !TWO_CHAR_OPS.has(two)) throw new CheckSyntaxError(pos, `unknown operator "${two}"; write ${INSTEAD[two]}`);
    if (TWO_CHAR_OPS.has(two)) {
      tokens.push({ type: 'op', value: two as Operator, text: two, pos });
      i += 2;
    } else if (INSTEAD[c]) {
      throw new CheckSyntaxError(pos, `unknown operator "${c}"; write ${INSTEAD[c]}`);
    } else if (ONE_CHAR_OPS.has(c)) {
      tokens.push({ type: 'op', value: c as Operator, text: c, pos });
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      i = readNumber(text, i, tokens);
    } else if (isNameStart(c) || c === '"') {
      i = readPath(text, i, tokens);
    } else {
      throw new CheckSyntaxError(pos, `unexpected character ${JSON.stringify(c)}; expected a number, a metric such as Users.Throttled.Sum, or an operator`);
    }
  }
  tokens.push({ type: 'end', text: '', pos: text.length + 1 });
  return tokens;
}

/** `40`, `0.5`, `1_000`, `2.5e3`, `1%` (= 0.01). */
function readNumber(text: string, start: number, tokens: Token[]): number {
  const m = /^(?:\d[\d_]*)?(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?/.exec(text.slice(start));
  let raw = m ? m[0] : '';
  let end = start + raw.length;
  if (raw.endsWith('_') || raw.includes('__')) throw new CheckSyntaxError(start + 1, `"${raw}" is not a number: "_" may only stand between digits`);
  let value = Number(raw.replaceAll('_', ''));
  if (text[end] === '%') {
    value /= 100;
    raw += '%';
    end++;
  }
  if (!Number.isFinite(value)) throw new CheckSyntaxError(start + 1, `"${raw}" is not a finite number`);
  const next = text[end] ?? '';
  if (isNameStart(next) || isDigit(next) || next === '.') {
    throw new CheckSyntaxError(end + 1, `unexpected ${JSON.stringify(next)} after the number ${raw}; numbers have no units (figures are in the metric's own unit: ms, s, USD, count)`);
  }
  tokens.push({ type: 'number', value, text: raw, pos: start + 1 });
  return end;
}

function readPath(text: string, start: number, tokens: Token[]): number {
  const segments: string[] = [];
  let i = start;
  for (;;) {
    const segStart = i;
    if (text[i] === '"') {
      const [value, end] = readQuoted(text, i);
      segments.push(value);
      i = end;
    } else {
      const first = segments.length === 0;
      while (i < text.length && isNameChar(text[i], first)) i++;
      if (i === segStart) {
        const found = i < text.length ? JSON.stringify(text[i]) : 'the end';
        throw new CheckSyntaxError(i + 1, `expected a name after "." (a metric or a statistic, or one in double quotes), found ${found}`);
      }
      segments.push(text.slice(segStart, i));
    }
    if (text[i] !== '.') break;
    i++;
  }
  const raw = text.slice(start, i);
  const word = segments.length === 1 && text[start] !== '"' ? segments[0] : undefined;
  if (word !== undefined && KEYWORDS.has(word.toLowerCase())) {
    tokens.push({ type: 'keyword', value: word.toLowerCase() as 'and' | 'or' | 'not', text: raw, pos: start + 1 });
  } else {
    tokens.push({ type: 'path', segments, text: raw, pos: start + 1 });
  }
  return i;
}

/** A double-quoted segment; `\"` and `\\` stand for themselves. Returns the value and the index after the closing quote. */
function readQuoted(text: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (value === '') throw new CheckSyntaxError(start + 1, 'an empty name in quotes ""; expected a node, metric or statistic name');
      return [value, i + 1];
    }
    if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 2;
    } else {
      value += c;
      i++;
    }
  }
  throw new CheckSyntaxError(start + 1, 'a quoted name is not closed; expected a closing "');
}
