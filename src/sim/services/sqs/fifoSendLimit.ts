/**
 * The FIFO SendMessage limit (docs/aws-behaviour.md "FIFO": 300 calls/s per action, more in high-throughput
 * mode) as a token bucket holding one second of calls.
 */
export class FifoSendLimit {
  private tokens = Infinity;
  private at = 0;

  take(now: number, ratePerSecond: number): boolean {
    this.tokens = Math.min(ratePerSecond, this.tokens + ((now - this.at) * ratePerSecond) / 1000);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
