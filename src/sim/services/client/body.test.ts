import { describe, expect, it } from 'vitest';
import { Random } from '../../core/random.ts';
import { Sink, TestBench, simNode } from '../../testBench.ts';
import { bodySchema, compileBody } from './body.ts';
import { ClientModel } from './model.ts';
import { clientBehaviour, clientProperties } from './spec.ts';

describe('Client request bodies', () => {
  it('builds each field: constants, oneOf by weight, whole and real uniforms, sequences, the key, dotted nesting', () => {
    const make = compileBody(
      bodySchema.parse({
        source: 'shop.orders',
        'detail.status': { oneOf: ['NEW', 'PAID'], weights: [3, 1] },
        'detail.amount': { uniform: [1, 5] },
        'detail.ratio': { uniform: [0, 0.5] },
        'detail.orderId': { sequence: 100 },
        'detail.customer': { key: true },
      }),
    )!;
    const rng = new Random(1, 'body');
    const bodies = Array.from({ length: 4000 }, (_, i) => make(rng, i % 7)) as { source: string; detail: Record<string, number | string> }[];
    expect(bodies[0].source).toBe('shop.orders');
    expect(bodies.map((b) => b.detail.orderId).slice(0, 3)).toEqual([100, 101, 102]);
    expect(bodies.every((b) => Number.isInteger(b.detail.amount) && (b.detail.amount as number) >= 1 && (b.detail.amount as number) <= 5)).toBe(true);
    expect(new Set(bodies.map((b) => b.detail.amount)).size).toBe(5);
    expect(bodies.every((b) => (b.detail.ratio as number) >= 0 && (b.detail.ratio as number) < 0.5)).toBe(true);
    expect(bodies[10].detail.customer).toBe(3);
    const paid = bodies.filter((b) => b.detail.status === 'PAID').length / bodies.length;
    expect(Math.abs(paid - 0.25)).toBeLessThan(0.03);
  });

  it('gives no body unless one is configured, and refuses a bad spec with the field', () => {
    expect(compileBody(bodySchema.parse(undefined))).toBeNull();
    const bad = bodySchema.safeParse({ amount: { uniform: [1] } });
    expect(bad.success).toBe(false);
  });

  it('a client sends the body with each request', () => {
    const b = new TestBench(2);
    const client = b.add(
      new ClientModel(b, simNode('Users', 'Client', clientProperties.parse({ pattern: 'constant', ratePerSecond: 2 }), clientBehaviour.parse({ body: { kind: 'order', n: { sequence: 1 } } }))),
    );
    const sink = b.add(new Sink(b, 'Q', 'AWS::SQS::Queue'));
    b.connect(client, sink, 'call');
    b.start();
    b.run();
    expect(sink.received.map((r) => r.msg.body)).toEqual([
      { kind: 'order', n: 1 },
      { kind: 'order', n: 2 },
      { kind: 'order', n: 3 },
      { kind: 'order', n: 4 },
    ]);
  });
});
