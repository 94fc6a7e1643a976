import type { StateCreator } from 'zustand';
import { live } from '../live/liveData.ts';
import { receiveFrame } from '../live/frameLoop.ts';
import { isError, validateScenario, type Problem } from '../scenario/index.ts';
import { problemText } from './problemText.ts';
import { roundSpeed } from '../components/run/speeds.ts';
import type { SimNode } from '../sim/core/model.ts';
import { checkTrafficScale } from '../sim/core/trafficScale.ts';
import type { SampledRun } from '../sim/core/sampledRun.ts';
import type { Journey } from '../sim/core/journey.ts';
import { findServiceKind } from '../sim/services/registry.ts';
import type { SimScenario } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';
import type { Frame, FrameSink, MetricIndex } from '../worker/protocol.ts';
import type { Doc } from './doc.ts';
import type { AppState } from './index.ts';

/**
 * The simulation slice: run status as React sees it (rarely changing), and the actions that drive the
 * worker. Metric data never passes through here: frames go to the live store (src/live/).
 */
export type RunStatus = 'idle' | 'loading' | 'paused' | 'running' | 'done';

export interface RunMessage {
  text: string;
  tone: 'info' | 'error';
}

export interface RunState {
  status: RunStatus;
  /** Simulated time, to 0.1 s. */
  seconds: number;
  durationSeconds: number;
  /** 1 = real time .. Infinity = as fast as possible. */
  speed: number;
  /** Until the user picks a speed, each run plays at watchableSpeed(duration), about 30 wall seconds. */
  speedAuto: boolean;
  /** The traffic multiplier (0.1..100; 1 = the scenario as written): a run option, never in the document. */
  trafficScale: number;
  /** Simulated seconds per wall second achieved recently (0 when not measured). */
  actualSpeed: number;
  seed: number;
  /** Why the engine stopped early (event budget), if it did. */
  stopped: string | null;
  /** What the run controls say: a refused scenario, a restart after a topology change, a live edit kept back. */
  message: RunMessage | null;
  /** Problems of the document when it could not be run or a live edit was kept back. */
  problems: Problem[];
  /**
   * Why the loaded run is not the document as written from time 0 ("a live edit", "traffic at 5×"); null when it
   * is: then a finished run gives the same figures as running `runDoc` headlessly (a lesson's Check). An edit
   * kept back (invalid) changes nothing in the run, so it leaves this alone; `runDoc` stays the document run.
   */
  notAsWritten: string | null;
  /** The document the loaded run was loaded from (or last edited live to); null before a load. */
  runDoc: Doc | null;
}

/** Actions are function properties (closures, no `this`), like ScenarioSlice's. */
export interface SimulationSlice {
  run: RunState;
  startRun: () => Promise<void>;
  pauseRun: () => void;
  stepRun: (seconds: number) => Promise<void>;
  setRunSpeed: (speed: number) => void;
  /** Multiplies every Client's rate (live while running, and for later runs); the document is not touched. */
  setTrafficScale: (scale: number) => void;
  /** Back to time 0 with the current document (and `seed` when given, which is written to the document). */
  resetRun: (seed?: number) => Promise<void>;
  /** The loaded run so far as the runner's result document; null when nothing has been loaded. */
  runResult: () => Promise<ResultDocument | null>;
  /** A node's sampled runs in the loaded run (e.g. execution histories), newest first; null when there are none. */
  runSamples: (nodeId: string) => Promise<SampledRun[] | null>;
  /** The journeys of the sampled requests in the loaded run (core/tracer.ts); null before a load. */
  runJourneys: () => Promise<Journey[] | null>;
}

/** The worker as the slice uses it (a comlink Remote in the app; an in-process fake in tests). */
export interface SimWorkerPort {
  load: (sim: SimScenario, onFrame: FrameSink) => Promise<MetricIndex>;
  run: () => Promise<void> | void;
  pause: () => Promise<void> | void;
  step: (seconds: number) => Promise<void> | void;
  setSpeed: (speed: number) => Promise<void> | void;
  setTrafficScale: (scale: number) => Promise<void> | void;
  updateNode: (node: SimNode) => Promise<void> | void;
  updateEdge: (index: number, properties: Record<string, unknown>) => Promise<void> | void;
  result: () => Promise<ResultDocument | null> | ResultDocument | null;
  sampledRuns: (nodeId: string) => Promise<SampledRun[] | null> | SampledRun[] | null;
  journeys: () => Promise<Journey[] | null> | Journey[] | null;
}

export interface WorkerConnection {
  port: SimWorkerPort;
  /** Wraps the frame sink for the transport (comlink.proxy for a real worker). */
  sink: (fn: FrameSink) => FrameSink;
}

/** Wall seconds a first run should take: long enough to watch the charts move, short enough to wait for. */
export const WATCHABLE_RUN_SECONDS = 30;

/** The speed that plays a run of `durationSeconds` in about WATCHABLE_RUN_SECONDS (at least real time). */
export function watchableSpeed(durationSeconds: number): number {
  return Math.max(1, Math.round(durationSeconds / WATCHABLE_RUN_SECONDS));
}

/** Live edits are validated and sent after the document has been quiet this long (ms). */
/** The speed the run controls show: the user's pick, or the watchable default for the document's duration. */
export function shownSpeed(s: AppState): number {
  return s.run.speedAuto ? watchableSpeed(s.doc.durationSeconds ?? 600) : s.run.speed;
}

/** The loaded run's duration, else the document's (600 s when it states none), for clocks and speed menus. */
export function runDuration(s: AppState): number {
  return s.run.durationSeconds || s.doc.durationSeconds || 600;
}

export const LIVE_EDIT_DELAY_MS = 60;
/**
 * An information line under the run controls ("Applied live", "restarted from 0 s") goes away after this long
 * (ms): it sits over the panel below. A line about an error stays until the error is resolved.
 */
export const RUN_NOTE_MS = 8000;
/** React sees the simulated time at most this often (ms of wall time). */
const STATUS_INTERVAL_MS = 100;

let connectWorker: () => Promise<WorkerConnection> = async () => {
  const { simWorker, frameSink } = await import('../worker/client.ts');
  return { port: simWorker(), sink: (fn) => frameSink(fn) };
};

/** For tests: run the engine in-process instead of in a Web Worker. */
export function setWorkerConnector(connect: () => Promise<WorkerConnection>): void {
  connectWorker = connect;
}

const INITIAL: RunState = {
  status: 'idle',
  seconds: 0,
  durationSeconds: 0,
  speed: watchableSpeed(600),
  speedAuto: true,
  trafficScale: 1,
  actualSpeed: 0,
  seed: 1,
  stopped: null,
  message: null,
  problems: [],
  notAsWritten: null,
  runDoc: null,
};

export const createSimulationSlice: StateCreator<AppState, [], [], SimulationSlice> = (set, get, api) => {
  let conn: WorkerConnection | null = null;
  let loaded: SimScenario | null = null;
  let lastStatusAt = 0;
  let editTimer: ReturnType<typeof setTimeout> | undefined;

  const patch = (p: Partial<RunState>) => set({ run: { ...get().run, ...p } });

  const onFrame = (frame: Frame) => {
    const run = get().run;
    const status: RunStatus = frame.state;
    const seconds = Math.floor(frame.now / 100) / 10;
    const stopped = frame.stopped ?? null;
    const nowMs = performance.now();
    const changed = status !== run.status || stopped !== run.stopped;
    if (!changed && (seconds === run.seconds || nowMs - lastStatusAt < STATUS_INTERVAL_MS)) return;
    lastStatusAt = nowMs;
    patch({ status, seconds, stopped, actualSpeed: roundSpeed(frame.actualSpeed) });
  };

  async function connection(): Promise<WorkerConnection> {
    if (!conn) conn = await connectWorker();
    return conn;
  }

  function problemMessage(prefix: string, problems: Problem[]): RunMessage {
    const first = problems[0] ? problemText(get().doc, problems[0]) : 'the scenario is not valid';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    return { text: `${prefix}: ${first}${more}`, tone: 'error' };
  }

  /** Validates the document and loads it into the worker at time 0; false (with a message) when invalid. */
  async function load(message: RunMessage | null = null): Promise<boolean> {
    const doc = get().doc;
    const checked = validateScenario(doc);
    if (!checked.ok) {
      const problems = checked.problems.filter(isError);
      patch({ message: problemMessage('Cannot run', problems), problems });
      return false;
    }
    if (checked.sim.nodes.length === 0) {
      patch({ message: { text: 'Cannot run: add a traffic source and a service to the canvas first', tone: 'error' }, problems: [] });
      return false;
    }
    // Without a source every figure would stay at zero, which reads as "everything is fine".
    if (!checked.sim.nodes.some((n) => findServiceKind(n.type)?.category === 'Traffic')) {
      patch({ message: { text: 'Cannot run: nothing sends traffic. Add a Client (Traffic, in the palette) and connect it to a service', tone: 'error' }, problems: [] });
      return false;
    }
    patch({ status: 'loading', message, problems: [] });
    const sim = checked.sim;
    let index: MetricIndex;
    let c: WorkerConnection;
    try {
      c = await connection();
      index = await c.port.load(sim, c.sink((f) => receiveFrame(f, onFrame)));
    } catch (e) {
      loaded = null;
      live.clear();
      patch({ status: 'idle', message: { text: `The simulation could not start: ${e instanceof Error ? e.message : String(e)}`, tone: 'error' } });
      return false;
    }
    loaded = sim;
    live.setIndex(index);
    if (get().run.speed !== watchableSpeed(sim.durationSeconds) && get().run.speedAuto) patch({ speed: watchableSpeed(sim.durationSeconds) });
    await c.port.setSpeed(get().run.speed);
    await c.port.setTrafficScale(get().run.trafficScale);
    patch({ status: 'paused', seconds: 0, stopped: null, actualSpeed: 0, seed: sim.seed, durationSeconds: sim.durationSeconds, notAsWritten: scaledReason(get().run.trafficScale), runDoc: doc });
    return true;
  }

  /** A document change while a run is loaded: send node edits live, restart on anything else. */
  async function applyEdit(): Promise<void> {
    if (!loaded || !conn) return;
    const doc = get().doc;
    const checked = validateScenario(doc);
    if (!checked.ok) {
      const problems = checked.problems.filter(isError);
      patch({ message: problemMessage('Not applied, the run continues with the last valid version', problems), problems });
      return;
    }
    const sim = checked.sim;
    const before = loaded;
    if (sameShape(before, sim)) {
      const changed = sim.nodes.filter((n, i) => JSON.stringify(n) !== JSON.stringify(before.nodes[i]));
      const changedEdges = sim.edges.map((_e, i) => i).filter((i) => JSON.stringify(sim.edges[i].properties) !== JSON.stringify(before.edges[i].properties));
      loaded = sim;
      for (const n of changed) await conn.port.updateNode(n);
      for (const i of changedEdges) await conn.port.updateEdge(i, sim.edges[i].properties);
      const names = [...changed.map((n) => n.id), ...changedEdges.map((i) => `${sim.edges[i].from} -> ${sim.edges[i].to}`)];
      // Moving nodes changes the document but not the run: it is still the run of this document.
      patch(names.length > 0 ? { notAsWritten: get().run.notAsWritten ?? 'a live edit', runDoc: doc } : { runDoc: doc });
      if (get().run.message?.tone === 'error' || names.length > 0) {
        // A finished run has nothing left to apply an edit to: the next Run starts again from the document.
        const text = get().run.status === 'done' ? `Changed ${names.join(', ')}: press Run to run again with it` : `Applied live: ${names.join(', ')}`;
        patch({ message: names.length > 0 ? { text, tone: 'info' } : null, problems: [] });
      }
      return;
    }
    const wasRunning = get().run.status === 'running';
    const ok = await load({ text: `${restartReason(before, sim)}, so the run restarted from 0 s`, tone: 'info' });
    if (ok && wasRunning) {
      await conn.port.run();
      patch({ status: 'running' });
    }
  }

  let noteTimer: ReturnType<typeof setTimeout> | undefined;
  api.subscribe((s, prev) => {
    const message = s.run.message;
    if (message === prev.run.message || message?.tone !== 'info') return;
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => {
      if (get().run.message === message) patch({ message: null });
    }, RUN_NOTE_MS);
  });

  api.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    if (loaded) {
      clearTimeout(editTimer);
      editTimer = setTimeout(() => void applyEdit(), LIVE_EDIT_DELAY_MS);
    } else if (s.run.problems.length > 0) {
      clearTimeout(editTimer);
      editTimer = setTimeout(recheckRefused, LIVE_EDIT_DELAY_MS);
    }
  });

  /** A refused scenario was edited before any run: the message follows, gone once the problems are. */
  function recheckRefused(): void {
    if (loaded || get().run.problems.length === 0) return;
    const checked = validateScenario(get().doc);
    const problems = checked.ok ? [] : checked.problems.filter(isError);
    patch(problems.length === 0 ? { message: null, problems: [] } : { message: problemMessage('Cannot run', problems), problems });
  }

  return {
    run: INITIAL,
    async startRun() {
      const status = get().run.status;
      if (status === 'running' || status === 'loading') return;
      if (status === 'idle' || status === 'done' || !loaded) {
        if (!(await load())) return;
      }
      await conn!.port.run();
      patch({ status: 'running', message: get().run.message?.tone === 'error' ? null : get().run.message });
    },
    pauseRun() {
      if (get().run.status !== 'running' || !conn) return;
      void conn.port.pause();
      patch({ status: 'paused' });
    },
    async stepRun(seconds) {
      if (!(seconds > 0)) throw new Error(`stepRun: seconds must be above 0, got ${seconds}`);
      const status = get().run.status;
      if (status === 'loading') return;
      if (status === 'idle' || status === 'done' || !loaded) {
        if (!(await load())) return;
      }
      await conn!.port.step(seconds);
      patch({ status: 'running' });
    },
    setRunSpeed(speed) {
      if (!(speed > 0)) throw new Error(`setRunSpeed: speed must be above 0 (Infinity = as fast as possible), got ${speed}`);
      patch({ speed, speedAuto: false });
      if (conn) void conn.port.setSpeed(speed);
    },
    setTrafficScale(scale) {
      try {
        checkTrafficScale(scale);
      } catch (e) {
        patch({ message: { text: (e as Error).message, tone: 'error' } });
        return;
      }
      patch({ trafficScale: scale });
      if (conn && loaded) {
        void conn.port.setTrafficScale(scale);
        if (scale !== 1) patch({ notAsWritten: get().run.notAsWritten ?? scaledReason(scale) });
      }
    },
    async resetRun(seed) {
      if (seed !== undefined) {
        if (!Number.isInteger(seed) || seed < 0) {
          patch({ message: { text: `Seed must be a whole number of 0 or more, not ${seed}`, tone: 'error' } });
          return;
        }
        if (get().doc.seed !== seed) get().setDocMeta({ seed });
      }
      clearTimeout(editTimer);
      if (conn) await conn.port.pause();
      await load();
    },
    async runResult() {
      return loaded && conn ? await conn.port.result() : null;
    },
    async runSamples(nodeId: string) {
      return loaded && conn ? await conn.port.sampledRuns(nodeId) : null;
    },
    async runJourneys() {
      return loaded && conn ? await conn.port.journeys() : null;
    },
  };
};

/** The departure from the document a traffic multiplier makes, or null at x1. */
function scaledReason(scale: number): string | null {
  return scale === 1 ? null : `traffic at ${scale}×`;
}

/** Same nodes (ids and types, in order), edges, seed, duration and settings: edits can be applied live. */
export function sameShape(a: SimScenario, b: SimScenario): boolean {
  return (
    a.seed === b.seed &&
    a.durationSeconds === b.durationSeconds &&
    a.nodes.length === b.nodes.length &&
    a.nodes.every((n, i) => n.id === b.nodes[i].id && n.type === b.nodes[i].type) &&
    a.edges.length === b.edges.length &&
    a.edges.every((e, i) => e.from === b.edges[i].from && e.to === b.edges[i].to && e.role === b.edges[i].role) &&
    JSON.stringify(a.settings) === JSON.stringify(b.settings)
  );
}

export function restartReason(a: SimScenario, b: SimScenario): string {
  if (a.nodes.length !== b.nodes.length || a.nodes.some((n, i) => n.id !== b.nodes[i].id || n.type !== b.nodes[i].type))
    return 'Nodes were added, removed or renamed';
  if (a.edges.length !== b.edges.length || a.edges.some((e, i) => e.from !== b.edges[i].from || e.to !== b.edges[i].to || e.role !== b.edges[i].role))
    return 'Connections changed';
  if (a.seed !== b.seed) return `The seed changed to ${b.seed}`;
  if (a.durationSeconds !== b.durationSeconds) return 'The duration changed';
  return 'Account settings changed';
}
