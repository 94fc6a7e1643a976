import { jsonTextLength } from '../../core/jsonSize.ts';
import type { Trace } from '../../core/journey.ts';
import type { Message } from '../../core/model.ts';

/**
 * The message of a Task's call. Its size is the JSON text of its body, measured the first time a callee reads
 * it: most callees (a function invoked synchronously, a table) never do, while SQS and SNS bill by it.
 */
export class CallMessage implements Message {
  readonly attributes = null;
  readonly records = null;
  readonly key = -1;
  readonly poison = false;
  private measuredKB = -1;

  constructor(
    readonly id: number,
    readonly createdAt: number,
    readonly body: unknown,
    /** A sampled execution's journey: the callee records its hops on it (null for most calls). */
    readonly trace: Trace | null,
  ) {}

  get sizeKB(): number {
    if (this.measuredKB < 0) this.measuredKB = Math.max(0.001, jsonTextLength(this.body ?? null) / 1024);
    return this.measuredKB;
  }

  set sizeKB(kb: number) {
    this.measuredKB = kb;
  }
}
