/**
 * The syntax of intrinsic function calls (`States.Format('{}', $.name)`): what definition checks need when a
 * scenario opens. Their implementations (intrinsics.ts) load only with the Step Functions model.
 */
import { StatesError, StatesErrors, type Json } from './errors.ts';

export type Arg =
  | { kind: 'literal'; value: Json }
  | { kind: 'path'; path: string }
  | { kind: 'call'; name: string; args: Arg[] };

/** The intrinsic functions AWS documents that the simulation runs (intrinsics.test.ts holds intrinsics.ts to it). */
export const SUPPORTED_INTRINSICS: readonly string[] = [
  'States.Format',
  'States.StringToJson',
  'States.JsonToString',
  'States.Array',
  'States.ArrayPartition',
  'States.ArrayContains',
  'States.ArrayRange',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayUnique',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.JsonMerge',
  'States.MathRandom',
  'States.MathAdd',
  'States.StringSplit',
  'States.UUID',
];
const SUPPORTED = new Set(SUPPORTED_INTRINSICS);

const parsed = new Map<string, Arg>();

/** Parses a call once (cached); throws a message naming the position of a syntax error. */
export function parseIntrinsic(expression: string): Arg {
  const cached = parsed.get(expression);
  if (cached) return cached;
  const parser = new Parser(expression);
  const call = parser.call();
  parser.skipSpace();
  if (parser.pos !== expression.length) parser.error('unexpected text after the closing parenthesis');
  if (parsed.size < 10_000) parsed.set(expression, call);
  return call;
}

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  error(message: string): never {
    throw new StatesError(StatesErrors.IntrinsicFailure, `Invalid intrinsic '${this.text}' at ${this.pos}: ${message}`);
  }

  skipSpace(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  call(): Arg {
    const match = /^States\.[A-Za-z0-9]+/.exec(this.text.slice(this.pos));
    if (!match) this.error('expected a function name such as States.Format');
    const name = match[0];
    if (!SUPPORTED.has(name)) this.error(`${name} is not a supported intrinsic function`);
    this.pos += name.length;
    if (this.text[this.pos] !== '(') this.error(`expected '(' after ${name}`);
    this.pos++;
    const args: Arg[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ')') {
      this.pos++;
      return { kind: 'call', name, args };
    }
    for (;;) {
      this.skipSpace();
      args.push(this.argument());
      this.skipSpace();
      const ch = this.text[this.pos++];
      if (ch === ')') return { kind: 'call', name, args };
      if (ch !== ',') this.error(`expected ',' or ')' in the arguments of ${name}`);
    }
  }

  argument(): Arg {
    const rest = this.text.slice(this.pos);
    if (rest.startsWith("'")) return this.stringLiteral();
    if (rest.startsWith('States.')) return this.call();
    if (rest.startsWith('$')) return { kind: 'path', path: this.pathText() };
    const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(rest);
    if (!literal) return this.error('expected a string in single quotes, a number, a path or a function');
    this.pos += literal[0].length;
    return { kind: 'literal', value: JSON.parse(literal[0]) as Json };
  }

  private stringLiteral(): Arg {
    let out = '';
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos++];
      if (ch === '\\') out += this.text[this.pos++] ?? '';
      else if (ch === "'") return { kind: 'literal', value: out };
      else out += ch;
    }
    return this.error('a string literal is not closed');
  }

  private pathText(): string {
    const start = this.pos;
    let depth = 0;
    let quote: string | null = null;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '[' || ch === '(') depth++;
      else if ((ch === ']' || ch === ')') && depth > 0) depth--;
      else if ((ch === ',' || ch === ')') && depth === 0) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos).trim();
  }
}
