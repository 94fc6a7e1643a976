import { CheckSyntaxError, tokenize, type Arithmetic, type Comparison, type Token } from './tokens.ts';

/**
 * The check language's grammar (docs/lessons.md "Checks"), lowest precedence first:
 *   check      = or
 *   or         = and ("or" and)*
 *   and        = not ("and" not)*
 *   not        = "not" not | comparison
 *   comparison = sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?   -- must compare, unless it is a (check)
 *   sum        = product (("+" | "-") product)*
 *   product    = unary (("*" | "/") unary)*
 *   unary      = "-" unary | number | path | "(" or ")"
 * A check is true or false; figures are numbers. Mixing them up is a syntax error with its position.
 */
export type NumberExpr =
  | { type: 'number'; value: number; text: string; pos: number }
  | { type: 'path'; segments: string[]; text: string; pos: number }
  | { type: 'negate'; operand: NumberExpr; pos: number }
  | { type: 'arithmetic'; op: Arithmetic; left: NumberExpr; right: NumberExpr; pos: number };

export type BoolExpr =
  | { type: 'compare'; op: Comparison; left: NumberExpr; right: NumberExpr; pos: number; text: string }
  | { type: 'and' | 'or'; left: BoolExpr; right: BoolExpr; pos: number }
  | { type: 'not'; operand: BoolExpr; pos: number };

type Expr = NumberExpr | BoolExpr;

/** Parentheses nested deeper than this are refused (no person writes them; the stack stays small). */
export const MAX_NESTING = 40;

const COMPARISONS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);
const isBool = (e: Expr): e is BoolExpr => e.type === 'compare' || e.type === 'and' || e.type === 'or' || e.type === 'not';

export type ParseResult = { ok: true; check: BoolExpr } | { ok: false; pos: number; message: string };

export function parseCheck(text: string): ParseResult {
  try {
    const parser = new Parser(text, tokenize(text));
    return { ok: true, check: parser.check() };
  } catch (e) {
    if (e instanceof CheckSyntaxError) return { ok: false, pos: e.pos, message: e.message };
    throw e;
  }
}

function describe(t: Token): string {
  if (t.type === 'end') return 'the end of the check';
  return `"${t.text}"`;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private get t(): Token {
    return this.tokens[this.i];
  }

  check(): BoolExpr {
    if (this.t.type === 'end') throw new CheckSyntaxError(this.t.pos, 'the check is empty; expected a comparison such as Users.Throttled.Sum == 0');
    const start = this.t.pos;
    const e = this.requireCheck(this.or(), start);
    const after = this.tokens[this.i];
    if (after.type !== 'end') throw new CheckSyntaxError(after.pos, `expected "and", "or" or the end of the check, found ${describe(after)}`);
    return e;
  }

  private or(): Expr {
    const start = this.t.pos;
    let left = this.and();
    while (this.isKeyword('or')) {
      const pos = this.t.pos;
      const l = this.requireCheck(left, start);
      this.i++;
      const rightStart = this.t.pos;
      left = { type: 'or', left: l, right: this.requireCheck(this.and(), rightStart), pos };
    }
    return left;
  }

  private and(): Expr {
    const start = this.t.pos;
    let left = this.not();
    while (this.isKeyword('and')) {
      const pos = this.t.pos;
      const l = this.requireCheck(left, start);
      this.i++;
      const rightStart = this.t.pos;
      left = { type: 'and', left: l, right: this.requireCheck(this.not(), rightStart), pos };
    }
    return left;
  }

  private not(): Expr {
    if (this.isKeyword('not')) {
      const pos = this.t.pos;
      this.i++;
      this.enter(pos);
      const operandStart = this.t.pos;
      const operand = this.requireCheck(this.not(), operandStart);
      this.depth--;
      return { type: 'not', operand, pos };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const start = this.t.pos;
    const left = this.sum();
    const t = this.t;
    if (t.type === 'op' && COMPARISONS.has(t.value)) {
      const l = this.number(left, `the left side of "${t.text}"`);
      this.i++;
      const right = this.number(this.sum(), `the right side of "${t.text}"`);
      if (this.t.type === 'op' && COMPARISONS.has(this.t.value)) {
        throw new CheckSyntaxError(this.t.pos, `comparisons do not chain: write a < b and b < c, found a second "${this.t.text}"`);
      }
      const text = this.source.slice(start - 1, this.t.pos - 1).trim();
      return { type: 'compare', op: t.value as Comparison, left: l, right, pos: t.pos, text };
    }
    return left;
  }

  private sum(): Expr {
    let left: Expr = this.product();
    while (this.t.type === 'op' && (this.t.value === '+' || this.t.value === '-')) {
      const op = this.t.value;
      const pos = this.t.pos;
      const l = this.number(left, `the left side of "${op}"`);
      this.i++;
      left = { type: 'arithmetic', op, left: l, right: this.number(this.product(), `the right side of "${op}"`), pos };
    }
    return left;
  }

  private product(): Expr {
    let left: Expr = this.unary();
    while (this.t.type === 'op' && (this.t.value === '*' || this.t.value === '/')) {
      const op = this.t.value;
      const pos = this.t.pos;
      const l = this.number(left, `the left side of "${op}"`);
      this.i++;
      left = { type: 'arithmetic', op, left: l, right: this.number(this.unary(), `the right side of "${op}"`), pos };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.t;
    if (t.type === 'op' && t.value === '-') {
      this.i++;
      this.enter(t.pos);
      const operand = this.number(this.unary(), 'the operand of "-"');
      this.depth--;
      return { type: 'negate', operand, pos: t.pos };
    }
    if (t.type === 'number' || t.type === 'path') {
      this.i++;
      return t.type === 'number' ? { type: 'number', value: t.value, text: t.text, pos: t.pos } : { type: 'path', segments: t.segments, text: t.text, pos: t.pos };
    }
    if (t.type === 'op' && t.value === '(') {
      this.i++;
      this.enter(t.pos);
      const inner = this.or();
      if (!(this.t.type === 'op' && this.t.value === ')')) throw new CheckSyntaxError(this.t.pos, `expected ")" to close the "(" at ${t.pos}, found ${describe(this.t)}`);
      this.i++;
      this.depth--;
      return inner;
    }
    throw new CheckSyntaxError(t.pos, `expected a number, a metric such as Users.Throttled.Sum, "-" or "(", found ${describe(t)}`);
  }

  private enter(pos: number): void {
    if (++this.depth > MAX_NESTING) throw new CheckSyntaxError(pos, `nested more than ${MAX_NESTING} deep (parentheses, "not" or "-")`);
  }

  /** A figure where a check (true or false) belongs: the comparison is missing. */
  private requireCheck(e: Expr, start: number): BoolExpr {
    if (isBool(e)) return e;
    const figure = this.source.slice(start - 1, this.t.pos - 1).trim();
    throw new CheckSyntaxError(this.t.pos, `expected a comparison (==, !=, <, <=, >, >=) after ${figure}, found ${describe(this.t)}`);
  }

  private number(e: Expr, where: string): NumberExpr {
    if (isBool(e)) throw new CheckSyntaxError(e.pos, `expected a figure as ${where}, found a check (true or false)`);
    return e;
  }

  private isKeyword(word: 'and' | 'or' | 'not'): boolean {
    return this.t.type === 'keyword' && this.t.value === word;
  }
}
