/**
 * Cancellation scopes: the execution, each Parallel branch and each Map iteration owns one. Cancelling a scope
 * (a timeout, a failed sibling branch, an abort) cancels its pending timers and tasks and every scope inside
 * it; callbacks check `cancelled` before they act.
 */
export class Scope {
  cancelled = false;
  private hooks: (() => void)[] | null = null;
  private readonly detach: (() => void) | null;

  constructor(parent?: Scope) {
    this.detach = parent ? parent.onCancel(() => this.cancel()) : null;
  }

  /** Runs `hook` when the scope is cancelled; the returned function unregisters it (call it when done). */
  onCancel(hook: () => void): () => void {
    if (this.cancelled) {
      hook();
      return noop;
    }
    // An array: a scope rarely holds more than a few pending timers and tasks (a Map: its running iterations).
    (this.hooks ??= []).push(hook);
    return () => {
      const hooks = this.hooks;
      if (!hooks) return;
      const at = hooks.lastIndexOf(hook);
      if (at >= 0) hooks.splice(at, 1);
    };
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const hooks = this.hooks;
    this.hooks = null;
    if (hooks) for (const hook of hooks) hook();
    this.detach?.();
  }

  /** The scope finished normally: its parent forgets it. */
  close(): void {
    this.detach?.();
  }
}

function noop(): void {}
