/**
 * A token bucket refilled continuously: `capacity` tokens at most, `ratePerSecond` added per second, starting
 * full. Used for API Gateway's stage and account throttles and Lambda's scaling and request-rate limits.
 */
export class TokenBucket {
  tokens: number;
  private ratePerMs: number;
  private last = 0;

  constructor(
    public capacity: number,
    ratePerSecond: number,
  ) {
    this.tokens = capacity;
    this.ratePerMs = ratePerSecond / 1000;
  }

  /** Changes the limits (live edit); tokens above the new capacity are dropped. */
  configure(capacity: number, ratePerSecond: number, now: number): void {
    this.refill(now);
    this.capacity = capacity;
    this.ratePerMs = ratePerSecond / 1000;
    if (this.tokens > capacity) this.tokens = capacity;
  }

  refill(now: number): void {
    if (now > this.last) {
      const t = this.tokens + (now - this.last) * this.ratePerMs;
      this.tokens = t < this.capacity ? t : this.capacity;
      this.last = now;
    }
  }

  /** True when a whole token is available at `now` (without taking it). */
  has(now: number): boolean {
    this.refill(now);
    return this.tokens >= 1;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
