/** A JSONata field holds `{% expression %}`; this test needs no library (jsonataEval.ts compiles it). */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}');
}
