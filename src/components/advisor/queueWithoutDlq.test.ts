import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../../scenario/index.ts';
import { emptyDoc, type Doc, type DocEdge, type DocNode } from '../../store/doc.ts';
import { adviseOn } from './rules.ts';

const LAMBDA = 'AWS::Lambda::Function';
const SQS = 'AWS::SQS::Queue';

/**
 * Issue 10: "The advisor says nothing about DLQs on a queue that has none (or says to add one)". A redrive
 * only happens through a deadLetter edge (docs/aws-behaviour.md "redrive"), so advice about what a DLQ
 * receives is wrong for a queue without one.
 */
const MENTIONS_DLQ = /dead-letter|\bDLQ\b/i;
const SAYS_ADD_ONE = /has no dead-letter queue: connect another queue from its failure handle/;

function hasDlq(doc: Doc, queue: string): boolean {
  const sqs = new Set(doc.nodes.filter((n) => n.type === SQS).map((n) => n.id));
  return doc.edges.some((e) => e.from === queue && (e.role ?? 'deadLetter') === 'deadLetter' && sqs.has(e.to));
}

/** Every piece of advice about a DLQ-less queue that mentions a DLQ tells the user to add one, and offers no fix about it. */
function expectNoAdviceAboutMissingDlqs(doc: Doc, where: string) {
  for (const q of doc.nodes.filter((n) => n.type === SQS && !hasDlq(doc, n.id))) {
    for (const a of adviseOn(doc).filter((x) => x.nodeId === q.id && MENTIONS_DLQ.test(x.message))) {
      expect(a.message, `${where}: ${q.id}`).toMatch(SAYS_ADD_ONE);
      expect(a.fix, `${where}: ${q.id}`).toBeUndefined();
    }
  }
}

const at = { x: 0, y: 0 };

describe('the advisor on a queue without a dead-letter queue', () => {
  it('says nothing about DLQs for any redrive setting, consumer or caller, unless it is to add one', () => {
    let told = 0;
    for (const count of [undefined, 1, 2, 4, 5, 10, 1000]) {
      for (const consumer of [false, true]) {
        for (const timeout of [3, 10]) {
          const props = count === undefined ? {} : { RedrivePolicy: { maxReceiveCount: count } };
          const nodes: DocNode[] = [{ id: 'Q', type: SQS, position: at, properties: props }];
          const edges: DocEdge[] = [];
          if (consumer) {
            nodes.push({ id: 'Worker', type: LAMBDA, position: at, properties: { Timeout: timeout } });
            edges.push({ from: 'Q', to: 'Worker' });
          }
          const doc = { ...emptyDoc(), nodes, edges };
          expectNoAdviceAboutMissingDlqs(doc, `maxReceiveCount ${count}, consumer ${consumer}`);
          const aboutDlq = adviseOn(doc).filter((a) => MENTIONS_DLQ.test(a.message));
          // A queue that sets a redrive count gets told it has no DLQ; one that does not is not told anything.
          expect(aboutDlq.length, `maxReceiveCount ${count}`).toBe(count === undefined ? 0 : 1);
          told += aboutDlq.length;
        }
      }
    }
    expect(told).toBeGreaterThan(0);
  });

  it('with the DLQ connected, the same low count gets the "at least 5" advice instead', () => {
    const withDlq: Doc = {
      ...emptyDoc(),
      nodes: [
        { id: 'Q', type: SQS, position: at, properties: { RedrivePolicy: { maxReceiveCount: 2 } } },
        { id: 'Dlq', type: SQS, position: at },
      ],
      edges: [{ from: 'Q', to: 'Dlq', role: 'deadLetter' }],
    };
    expect(adviseOn(withDlq).map((a) => a.message)).toEqual([
      "Q's maxReceiveCount is 2: AWS recommends at least 5, or throttled receives move good messages to the dead-letter queue.",
    ]);
    const cut = { ...withDlq, edges: [] };
    expect(adviseOn(cut).map((a) => a.message)).toEqual([expect.stringMatching(SAYS_ADD_ONE)]);
  });

  it('holds for every example and every queue in them', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    let queues = 0;
    for (const file of files) {
      const r = restoreScenario({ text: readFileSync(join(dir, file), 'utf8') });
      if (!r.ok) throw new Error(`${file} does not open`);
      expectNoAdviceAboutMissingDlqs(r.doc, file);
      // The same example with its dead-letter edges cut: the advice may only say to add one back.
      const cut = { ...r.doc, edges: r.doc.edges.filter((e) => e.role !== 'deadLetter') };
      expectNoAdviceAboutMissingDlqs(cut, `${file} without its DLQs`);
      queues += r.doc.nodes.filter((n) => n.type === SQS).length;
    }
    expect(queues).toBeGreaterThan(3);
  });
});
