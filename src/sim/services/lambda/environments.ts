import { NumberDeque } from '../../core/deque.ts';

/**
 * Idle on-demand execution environments, as the times they were last used, oldest first (a ring buffer).
 * Reuse takes the most recently used (newest) one; reaping removes the oldest ones idle longer than the
 * idle lifetime (docs/aws-behaviour.md, Lambda "idle environment lifetime"). No event per environment.
 */
export class IdleEnvironments {
  private readonly lastUsed = new NumberDeque(64);

  get size(): number {
    return this.lastUsed.size;
  }

  push(lastUsed: number): void {
    this.lastUsed.pushBack(lastUsed);
  }

  /** Last-used time of the newest idle environment (call only when size > 0). */
  newest(): number {
    return this.lastUsed.peekBack();
  }

  /** Takes the newest idle environment for reuse. */
  takeNewest(): void {
    this.lastUsed.popBack();
  }

  /** Removes environments last used before `cutoff`; returns how many. */
  reapBefore(cutoff: number): number {
    let n = 0;
    const q = this.lastUsed;
    while (q.size > 0 && q.peekFront() < cutoff) {
      q.popFront();
      n++;
    }
    return n;
  }

  clear(): void {
    this.lastUsed.clear();
  }
}
