import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { live } from '../live/liveData.ts';
import { inProcessPort } from '../worker/inProcessPort.ts';
import { tickerRegistry } from '../worker/testKind.ts';
import { createAppStore, type AppStore } from './index.ts';
import { LIVE_EDIT_DELAY_MS, RUN_NOTE_MS, setWorkerConnector } from './simulationSlice.ts';

vi.mock('../sim/services/registry.ts', async () => {
  const { tickerKind: kind } = await import('../worker/testKind.ts');
  const { deriveConnections } = await import('../sim/core/serviceKind.ts');
  const connections = deriveConnections([kind]);
  return {
    serviceKind: () => kind,
    findServiceKind: (t: string) => (t === kind.type ? kind : undefined),
    SERVICE_KINDS: [kind],
    connectionsFrom: (t: string) => connections.get(t) ?? [],
    connectionBetween: (f: string, t: string) => (connections.get(f) ?? []).find((c) => c.to === t),
  };
});

const inProcessWorker = () => inProcessPort(tickerRegistry);

const doc = (intervalMs: unknown = 10) => ({
  format: 'serverless-playground/scenario' as const,
  version: 1 as const,
  name: 'ticks',
  seed: 3,
  durationSeconds: 10,
  nodes: [
    { id: 'A', type: 'Test::Ticker', properties: { intervalMs } },
    { id: 'B', type: 'Test::Ticker', properties: { intervalMs: 1000 } },
  ],
  edges: [{ from: 'A', to: 'B' }],
});

const settle = () => new Promise((r) => setTimeout(r, LIVE_EDIT_DELAY_MS + 20));

describe('simulation slice', () => {
  let store: AppStore;
  let w: ReturnType<typeof inProcessWorker>;
  beforeEach(() => {
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => setTimeout(() => cb(0), 0));
    w = inProcessWorker();
    setWorkerConnector(() => Promise.resolve({ port: w.port, sink: (f) => f }));
    store = createAppStore();
    store.getState().setRunSpeed(Infinity); // pump() runs the engine flat out; a paced run would never wait
  });
  afterEach(() => vi.unstubAllGlobals());

  it('refuses to run an invalid document, naming the field, and never loads the engine', async () => {
    store.getState().loadDoc(doc('fast'));
    await store.getState().startRun();
    const run = store.getState().run;
    expect(run.status).toBe('idle');
    expect(run.message?.tone).toBe('error');
    expect(run.message?.text).toMatch(/^Cannot run: A › intervalMs: /);
    expect(w.loads).toEqual([]);
  });

  it('a refusal follows the edits made before any run: it names what is still wrong, and goes once nothing is', async () => {
    store.getState().loadDoc(doc('fast'));
    await store.getState().startRun();
    expect(store.getState().run.problems.map((p) => p.path)).toEqual(['nodes[0].properties.intervalMs']);
    const refusal = store.getState().run.message?.text;
    store.getState().setNodeField('A', 'properties', 'intervalMs', true);
    await settle();
    expect(store.getState().run.message?.text).toMatch(/^Cannot run: A › intervalMs: /);
    expect(store.getState().run.message?.text).not.toBe(refusal);
    store.getState().setNodeField('A', 'properties', 'intervalMs', 100);
    await settle();
    expect(store.getState().run).toMatchObject({ message: null, problems: [], status: 'idle' });
    expect(w.loads).toEqual([]);
  });

  it('runs to the end; frames reach the live store, not React state', async () => {
    store.getState().loadDoc(doc());
    await store.getState().startRun();
    expect(store.getState().run.status).toBe('running');
    w.pump();
    expect(store.getState().run).toMatchObject({ status: 'done', seconds: 10, seed: 3, durationSeconds: 10 });
    expect(Array.from(live.column('A', 'Requests')!)).toEqual([99, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
    expect(live.instant('A', 'Requests')).toBe(1000);
    expect(live.edgeRate(0)).toBe(100);
    // An edit after the end is not "applied live" (nothing runs): the next Run starts again with it.
    store.getState().setNodeField('A', 'properties', 'intervalMs', 100);
    await settle();
    expect(store.getState().run.message?.text).toBe('Changed A: press Run to run again with it');
    await store.getState().startRun();
    expect(w.loads).toHaveLength(2);
  });

  it('applies a valid live edit to the running engine without a restart', async () => {
    store.getState().loadDoc(doc());
    await store.getState().stepRun(1);
    w.pump();
    expect(store.getState().run.status).toBe('paused');
    store.getState().setNodeField('A', 'properties', 'intervalMs', 100);
    await settle();
    expect(w.updates).toEqual(['A']);
    expect(w.loads).toHaveLength(1);
    expect(store.getState().run.message?.text).toBe('Applied live: A');
    await store.getState().stepRun(1);
    w.pump();
    expect(live.instant('A', 'Requests')).toBe(110);
  });

  it('keeps an invalid live edit back and says so; the run keeps the last valid scenario', async () => {
    store.getState().loadDoc(doc());
    await store.getState().stepRun(1);
    w.pump();
    store.getState().setNodeField('A', 'properties', 'intervalMs', 'soon');
    await settle();
    expect(w.updates).toEqual([]);
    expect(store.getState().run.message?.text).toMatch(/^Not applied, the run continues with the last valid version: A › intervalMs/);
    await store.getState().stepRun(1);
    w.pump();
    expect(live.instant('A', 'Requests')).toBe(200);
  });

  it('an information line goes away by itself; a line about an error stays until the error is resolved', async () => {
    vi.useFakeTimers();
    try {
      store.getState().loadDoc(doc());
      await store.getState().stepRun(1);
      w.pump();
      store.getState().setNodeField('A', 'properties', 'intervalMs', 100);
      await vi.advanceTimersByTimeAsync(LIVE_EDIT_DELAY_MS + 20);
      expect(store.getState().run.message?.text).toBe('Applied live: A');
      await vi.advanceTimersByTimeAsync(RUN_NOTE_MS - 200);
      expect(store.getState().run.message?.text).toBe('Applied live: A');
      await vi.advanceTimersByTimeAsync(300);
      expect(store.getState().run.message).toBeNull();

      store.getState().setNodeField('A', 'properties', 'intervalMs', 'soon');
      await vi.advanceTimersByTimeAsync(LIVE_EDIT_DELAY_MS + 20);
      expect(store.getState().run.message?.tone).toBe('error');
      await vi.advanceTimersByTimeAsync(3 * RUN_NOTE_MS);
      expect(store.getState().run.message?.text).toMatch(/^Not applied/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('restarts from 0 when the topology changes, and says why', async () => {
    store.getState().loadDoc(doc());
    await store.getState().stepRun(2);
    w.pump();
    const generation = live.index!.generation;
    store.getState().edit((d) => ({ ...d, nodes: [...d.nodes, { id: 'C', type: 'Test::Ticker' }] }));
    await settle();
    expect(w.loads).toEqual([2, 3]);
    expect(live.index!.generation).toBe(generation + 1);
    expect(store.getState().run).toMatchObject({ status: 'paused', seconds: 0 });
    expect(store.getState().run.message?.text).toBe('Nodes were added, removed or renamed, so the run restarted from 0 s');
  });

  it('the traffic multiplier applies live and to later runs, leaving the document and its undo history as they were', async () => {
    store.getState().loadDoc(doc());
    store.getState().setNodeField('A', 'properties', 'intervalMs', 10); // one undo step
    const before = store.getState().doc;
    const history = store.getState().history;
    await store.getState().stepRun(1);
    w.pump();
    expect(live.instant('A', 'Requests')).toBe(100);
    store.getState().setTrafficScale(2);
    await store.getState().stepRun(1);
    w.pump();
    // The tick already scheduled for 1,010 ms keeps its time; from there every 5 ms: 199 ticks to 2,000 ms.
    expect(live.instant('A', 'Requests')).toBe(299);
    expect(store.getState().run.trafficScale).toBe(2);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().history).toBe(history);
    await store.getState().resetRun();
    await store.getState().stepRun(1);
    w.pump();
    expect(live.instant('A', 'Requests')).toBe(200);
    store.getState().setTrafficScale(500);
    expect(store.getState().run.message?.text).toBe('traffic multiplier: must be 0.1x..100x, got 500');
    expect(store.getState().run.trafficScale).toBe(2);
  });

  it('reset with a seed writes the seed to the document and reloads at 0 s', async () => {
    store.getState().loadDoc(doc());
    await store.getState().stepRun(2);
    w.pump();
    await store.getState().resetRun(99);
    expect(store.getState().doc.seed).toBe(99);
    expect(store.getState().run).toMatchObject({ status: 'paused', seconds: 0, seed: 99 });
    expect(w.loads).toHaveLength(2);
    await store.getState().resetRun(-2);
    expect(store.getState().run.message?.text).toBe('Seed must be a whole number of 0 or more, not -2');
  });
  it('knows whether the loaded run is the document as written: moving a node keeps it so, a live edit or a multiplier does not', async () => {
    store.getState().loadDoc(doc());
    await store.getState().stepRun(1);
    w.pump();
    expect(store.getState().run).toMatchObject({ notAsWritten: null, runDoc: store.getState().doc });
    store.getState().moveNodes(new Map([['A', { x: 300, y: 40 }]]));
    await settle();
    expect(store.getState().run).toMatchObject({ notAsWritten: null, runDoc: store.getState().doc });
    store.getState().setNodeField('A', 'properties', 'intervalMs', 100);
    await settle();
    expect(store.getState().run).toMatchObject({ notAsWritten: 'a live edit', runDoc: store.getState().doc });
    // A reload is a fresh run of the document.
    await store.getState().resetRun();
    expect(store.getState().run.notAsWritten).toBeNull();
    // An edit kept back (invalid) leaves the run as it was: still the run of the document it was loaded from.
    const loadedFrom = store.getState().doc;
    store.getState().setNodeField('A', 'properties', 'intervalMs', 'soon');
    await settle();
    expect(store.getState().run).toMatchObject({ notAsWritten: null, runDoc: loadedFrom });
    store.getState().setNodeField('A', 'properties', 'intervalMs', 10);
    await store.getState().resetRun();
    store.getState().setTrafficScale(2);
    expect(store.getState().run.notAsWritten).toBe('traffic at 2×');
    await store.getState().resetRun();
    expect(store.getState().run.notAsWritten).toBe('traffic at 2×');
    store.getState().setTrafficScale(1);
    await store.getState().resetRun();
    expect(store.getState().run.notAsWritten).toBeNull();
  });
});

describe('simulation slice when the engine fails', () => {
  it('reports an engine that cannot start, and stays idle', async () => {
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => setTimeout(() => cb(0), 0));
    const w = inProcessWorker();
    w.port.load = () => Promise.reject(new Error('unknown node type Test::Ticker'));
    setWorkerConnector(() => Promise.resolve({ port: w.port, sink: (f) => f }));
    const store = createAppStore();
    store.getState().loadDoc(doc());
    await store.getState().startRun();
    expect(store.getState().run).toMatchObject({
      status: 'idle',
      message: { text: 'The simulation could not start: unknown node type Test::Ticker', tone: 'error' },
    });
    vi.unstubAllGlobals();
  });
});
