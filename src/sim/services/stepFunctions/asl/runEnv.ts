/**
 * What the expressions of one state run see (the context object is built only if one reads it), and the
 * payload size rule (aws-behaviour.md, Step Functions, "data" row: at most 256 KB between states).
 */
import { jsonBytesAtMost } from '../../../core/jsonSize.ts';
import type { StateEnv } from './dataFlow.ts';
import type { Json, JsonObject } from './errors.ts';
import type { Execution, StateRun } from './execution.ts';
import type { AslHost } from './types.ts';

export const PAYLOAD_LIMIT_BYTES = 256 * 1024;

/** What expressions of one state run see; the context object is built only if one reads it. */
export class RunEnv implements StateEnv {
  readonly raw: Json;
  readonly variables: Record<string, Json>;
  readonly random: AslHost['random'];
  readonly nowMs: number;
  readonly jsonata: boolean;
  private built: JsonObject | undefined;

  constructor(private readonly exec: Execution, private readonly run: StateRun, private readonly extra: JsonObject | undefined) {
    this.raw = run.raw;
    this.variables = run.frame.variables;
    this.random = exec.host.random;
    this.nowMs = exec.epochMs + exec.host.now();
    this.jsonata = run.jsonata;
  }

  get context(): JsonObject {
    return (this.built ??= this.exec.contextFor(this.run, this.extra));
  }
}

/**
 * The UTF-8 size of the JSON text when it is over the limit. Within the limit the figure is only known to be
 * within it too: an upper bound counted from lengths, or the text's length, whichever settles it first.
 */
export function payloadBytes(value: Json): number {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return 0;
  const atMost = jsonBytesAtMost(value);
  if (atMost <= PAYLOAD_LIMIT_BYTES) return atMost;
  const text = JSON.stringify(value) ?? '';
  if (text.length * 3 <= PAYLOAD_LIMIT_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}
