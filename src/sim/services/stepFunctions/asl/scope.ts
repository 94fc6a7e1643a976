/**
 * Cancellation scopes: the execution, each Parallel branch and each Map iteration owns one. Cancelling a scope
 * (a timeout, a failed sibling branch, an abort) cancels its pending timers and tasks and every scope inside
 * it; callbacks check `cancelled` before they act. Pending work is held as Cancellable objects (a host's timer
 * handle, a task attempt, a child scope), so registering one makes no closure.
 */
import type { Cancellable } from './types.ts';

export class Scope implements Cancellable {
  cancelled = false;
  // An array: a scope rarely holds more than a few pending timers and tasks (a Map: its running iterations).
  // A finished item leaves a hole (null) rather than a splice; holes at the end are trimmed, and the rest are
  // squeezed out once they are most of the array (a Map whose first iteration outlives thousands of others).
  private pending: (Cancellable | null)[] | null = null;
  private holes = 0;
  private readonly parent: Scope | null;

  constructor(parent?: Scope) {
    this.parent = parent ?? null;
    parent?.add(this);
  }

  /** Cancels `item` when the scope is cancelled (at once if it already is); `remove` it once it is done. */
  add(item: Cancellable): void {
    if (this.cancelled) {
      item.cancel();
      return;
    }
    if (this.pending === null) this.pending = [item];
    else this.pending.push(item);
  }

  remove(item: Cancellable): void {
    const pending = this.pending;
    if (!pending) return;
    const at = pending.lastIndexOf(item);
    if (at < 0) return;
    pending[at] = null;
    this.holes++;
    while (pending.length > 0 && pending[pending.length - 1] === null) {
      pending.pop();
      this.holes--;
    }
    if (this.holes > 16 && this.holes * 2 > pending.length) {
      this.pending = pending.filter((p) => p !== null);
      this.holes = 0;
    }
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const pending = this.pending;
    this.pending = null;
    if (pending) for (const item of pending) item?.cancel();
    this.parent?.remove(this);
  }

  /** The scope finished normally: its parent forgets it. */
  close(): void {
    this.parent?.remove(this);
  }
}
