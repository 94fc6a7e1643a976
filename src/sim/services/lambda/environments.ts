/**
 * Idle on-demand execution environments, as the times they were last used, oldest first (a ring buffer).
 * Reuse takes the most recently used (newest) one; reaping removes the oldest ones idle longer than the
 * idle lifetime (docs/aws-behaviour.md, Lambda "idle environment lifetime"). No event per environment.
 */
export class IdleEnvironments {
  private buf = new Float64Array(64);
  private head = 0;
  size = 0;

  push(lastUsed: number): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = lastUsed;
    this.size++;
  }

  /** Last-used time of the newest idle environment (call only when size > 0). */
  newest(): number {
    return this.buf[(this.head + this.size - 1) & (this.buf.length - 1)];
  }

  /** Takes the newest idle environment for reuse. */
  takeNewest(): void {
    this.size--;
  }

  /** Removes environments last used before `cutoff`; returns how many. */
  reapBefore(cutoff: number): number {
    let n = 0;
    const mask = this.buf.length - 1;
    while (this.size > 0 && this.buf[this.head] < cutoff) {
      this.head = (this.head + 1) & mask;
      this.size--;
      n++;
    }
    return n;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  private grow(): void {
    const old = this.buf;
    const mask = old.length - 1;
    const next = new Float64Array(old.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = old[(this.head + i) & mask];
    this.buf = next;
    this.head = 0;
  }
}
