/**
 * Where and why a JSON text is invalid: a small recursive-descent checker run only after JSON.parse has failed,
 * because some engines' messages give no position. Iterative over nesting depth would not matter here: the
 * input already failed to parse, and depth is capped.
 */
/** Nesting the text checks allow at all; deeper than LIMITS.depth is still reported, by path, after parsing. */
export const MAX_TEXT_DEPTH = 1000;

/**
 * Where the text nests brackets deeper than MAX_TEXT_DEPTH, found in one pass before JSON.parse would build
 * every level (ten million levels fit in 20 MB).
 */
export function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_TEXT_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

export function jsonErrorAt(text: string): { offset: number; message: string } {
  let i = 0;
  const fail = (message: string): never => {
    throw { offset: i, message };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const what = () => (i >= text.length ? 'the end of the text' : `"${text[i]}"`);
  const value = (depth: number): void => {
    if (depth > MAX_TEXT_DEPTH) fail(`nested more than ${MAX_TEXT_DEPTH.toLocaleString('en-US')} levels deep`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a double-quoted property name, found ${what()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ":" after a property name, found ${what()}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        fail(`expected "," or "}" in an object, found ${what()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail('a trailing comma before "]" is not allowed in JSON');
          continue;
        }
        if (text[i] === ']') return void i++;
        fail(`expected "," or "]" in a list, found ${what()}`);
      }
    }
    if (c === '"') return string();
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (lit) return void (i += lit[0].length);
    fail(`expected a value, found ${what()}`);
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') escape();
      else if (text.charCodeAt(i) < 0x20) fail('a line break or control character inside a string');
      else i++;
    }
    if (i >= text.length) fail('a string is not closed');
    i++;
  };
  const escape = () => {
    const c = text[i + 1];
    if (c === undefined) return void fail('a string is not closed');
    if ('"\\/bfnrt'.includes(c)) return void (i += 2);
    if (c === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return void (i += 6);
    const shown = (c === 'u' ? text.slice(i, i + 6) : text.slice(i, i + 2)).replace(/[\u0000-\u001f"]/g, '?');
    fail(`invalid escape ${shown} in a string (JSON allows only \\" \\\\ \\/ \\b \\f \\n \\r \\t, and \\u with 4 hex digits)`);
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail(`unexpected ${what()} after the end of the document`);
    return { offset: i, message: 'invalid JSON' };
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'offset' in e) return e as { offset: number; message: string };
    throw e;
  }
}
