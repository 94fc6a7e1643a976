import type { Catalog } from './catalog.ts';
import { jsonErrorAt, MAX_TEXT_DEPTH, tooDeepAt } from './jsonErrorAt.ts';
import { LIMITS } from './types.ts';
import { validateScenario, type ValidationResult } from './validate.ts';

/** "20 MB": a byte limit in the units people see in file managers. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Parses scenario text (a file, a paste). A syntax error names the line and column, because that is what a
 * person can find in an editor. Text longer than LIMITS.textBytes, or nested deeper than MAX_TEXT_DEPTH, is
 * refused before it is parsed.
 */
export function parseScenarioText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  // Each UTF-16 unit is at least one UTF-8 byte, so longer text is certainly over the limit.
  if (text.length > LIMITS.textBytes)
    return { ok: false, message: `the text is ${megabytes(text.length)} or more; a scenario may be at most ${megabytes(LIMITS.textBytes)}` };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = tooDeepAt(body);
  if (deep !== undefined) return { ok: false, message: `the text nests more than ${MAX_TEXT_DEPTH.toLocaleString('en-US')} levels deep ${at(body, deep)}` };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    if (body.trim() === '') return { ok: false, message: 'not valid JSON: the text is empty' };
    const { offset, message } = jsonErrorAt(body);
    return { ok: false, message: `not valid JSON ${at(body, offset)}: ${message}` };
  }
}

/** "at line 3, column 9" for an offset into the text. */
function at(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `at line ${line}, column ${offset - lineStart + 1}`;
}

/**
 * Text to a validated scenario in one step (file open, paste, import): a JSON syntax error comes back as a
 * problem at the document root with its line and column.
 */
export function loadScenarioText(text: string, catalog?: Catalog): ValidationResult {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { ok: false, problems: [{ path: '', message: parsed.message }] };
  return validateScenario(parsed.value, catalog);
}
