import { describe, expect, it } from 'vitest';
import { Scope } from './scope.ts';

const item = (name: string, log: string[]) => ({ cancel: () => log.push(name) });

describe('Scope', () => {
  it('cancels what is still pending, in the order it was added, and the scopes inside it', () => {
    const log: string[] = [];
    const scope = new Scope();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => item(n, log));
    for (const x of [a, b, c, d]) scope.add(x);
    scope.remove(b);
    scope.remove(d);
    const inner = new Scope(scope);
    inner.add(item('inner', log));
    scope.cancel();
    expect(log).toEqual(['a', 'c', 'inner']);
    expect(inner.cancelled).toBe(true);
    scope.add(item('late', log));
    expect(log.at(-1)).toBe('late');
  });

  it('keeps a long-lived item through thousands of others coming and going (holes are squeezed out)', () => {
    const log: string[] = [];
    const scope = new Scope();
    scope.add(item('first', log));
    for (let i = 0; i < 5000; i++) {
      const x = item(`x${i}`, log);
      const y = item(`y${i}`, log);
      scope.add(x);
      scope.add(y);
      scope.remove(x);
      if (i % 2 === 0) scope.remove(y);
    }
    scope.cancel();
    expect(log.length).toBe(2501);
    expect(log[0]).toBe('first');
    expect(log.at(-1)).toBe('y4999');
  });
});
