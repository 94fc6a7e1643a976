/**
 * What a rule target receives (docs/aws-behaviour.md "EventBridge: rules"): the event (default), a constant
 * `Input` (JSON text), the part at `InputPath`, or an `InputTransformer` (InputPathsMap names values of the event;
 * InputTemplate places them with <name>; <aws.events.event> is the whole event).
 *
 * Paths are the simple JSONPath AWS examples use: `$`, `$.detail`, `$.detail.order-id` (dotted keys only).
 * A placeholder inside quotes ("<id>") takes a string's characters; elsewhere it takes the value's JSON. A path
 * that is not in the event gives null. A template that is not JSON after substitution is sent as a string.
 */

const PATH = /^\$((\.[A-Za-z0-9_@:-]+)*)$/;
const PLACEHOLDER = /<([A-Za-z0-9_.-]+)>/g;

type InputSettings = { Input?: string; InputPath?: string; InputTransformer?: { InputPathsMap?: Record<string, string>; InputTemplate: string } };

function pathProblem(path: string): string | null {
  return PATH.test(path) ? null : `"${path}" is not a path like $.detail.orderId`;
}

/** The first problem with a target's input settings, as [property, message], or null. */
export function inputProblem(s: InputSettings): [string, string] | null {
  if (s.Input !== undefined) {
    try {
      JSON.parse(s.Input);
    } catch {
      return ['Input', 'must be valid JSON text, e.g. {"job": "nightly"}'];
    }
  }
  if (s.InputPath !== undefined) {
    const p = pathProblem(s.InputPath);
    if (p) return ['InputPath', p];
  }
  if (s.InputTransformer !== undefined) {
    const map = s.InputTransformer.InputPathsMap ?? {};
    const names = Object.keys(map);
    if (names.length > 100) return ['InputTransformer.InputPathsMap', 'at most 100 names'];
    for (const name of names) {
      const p = pathProblem(map[name]);
      if (p) return [`InputTransformer.InputPathsMap.${name}`, p];
    }
    for (const m of s.InputTransformer.InputTemplate.matchAll(PLACEHOLDER)) {
      const name = m[1];
      if (!Object.hasOwn(map, name) && !name.startsWith('aws.events.'))
        return ['InputTransformer.InputTemplate', `<${name}> is not a name of InputPathsMap (${names.join(', ') || 'none'})`];
    }
  }
  return null;
}

function read(event: unknown, path: string): unknown {
  const keys = path === '$' ? [] : path.slice(2).split('.');
  let at: unknown = event;
  for (const k of keys) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, k)) return null;
    at = (at as Record<string, unknown>)[k];
  }
  return at;
}

/** Compiles a target's input settings once; the result maps an event to what the target receives. */
export function compileInput(s: InputSettings): (event: Record<string, unknown>) => unknown {
  if (s.Input !== undefined) {
    const constant: unknown = JSON.parse(s.Input);
    return () => constant;
  }
  if (s.InputPath !== undefined) {
    const path = s.InputPath;
    return (event) => read(event, path);
  }
  if (s.InputTransformer !== undefined) {
    const map = s.InputTransformer.InputPathsMap ?? {};
    const template = s.InputTransformer.InputTemplate;
    return (event) => {
      const text = template.replace(PLACEHOLDER, (whole: string, name: string, offset: number) => {
        const value = name === 'aws.events.event' || name === 'aws.events.event.json' ? event : Object.hasOwn(map, name) ? read(event, map[name]) : undefined;
        if (value === undefined) return whole;
        const quoted = template[offset - 1] === '"' && template[offset + whole.length] === '"';
        if (quoted && typeof value === 'string') return JSON.stringify(value).slice(1, -1);
        return JSON.stringify(value);
      });
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    };
  }
  return (event) => event;
}
