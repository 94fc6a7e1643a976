/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { SimNode } from '../sim/core/model.ts';
import type { RunOptions, SimScenario } from '../sim/engine.ts';
import { findServiceKind, loadModels } from '../sim/services/registry.ts';
import { EngineRunner } from './engineRunner.ts';
import { runToEnd } from './runToEnd.ts';
import type { FrameSink, MetricIndex, SimWorkerApi } from './protocol.ts';

/**
 * The simulation worker: a thin comlink adapter over EngineRunner. It runs the engine in slices of at most
 * SLICE_BUDGET_MS, yielding between them (MessageChannel when running flat out, setTimeout when paced) so
 * pause, speed changes and live edits get through, and sends a frame whenever the main thread has taken
 * the previous one (its sink resolves once per animation frame).
 */
// Every service's model loads once, when the worker starts; calls wait for it.
const models = loadModels();
const ready = models.then((registry) => new EngineRunner(registry));
let runner!: EngineRunner;
let sink: FrameSink | null = null;
let sinkBusy = false;
let tickScheduled = false;
let timer: ReturnType<typeof setTimeout> | undefined;

const channel = new MessageChannel();
channel.port1.onmessage = () => loop();

function schedule(delay: number): void {
  if (delay < 0 || tickScheduled) return;
  tickScheduled = true;
  if (delay === 0) channel.port2.postMessage(null);
  else timer = setTimeout(loop, delay);
}

function loop(): void {
  tickScheduled = false;
  clearTimeout(timer);
  const delay = runner.tick();
  flush();
  schedule(delay);
}

function flush(): void {
  if (sinkBusy || !sink) return;
  const frame = runner.takeFrame();
  if (!frame) return;
  sinkBusy = true;
  const transfer = [frame.columns.buffer, frame.instant.buffer, frame.edgeCounts.buffer, frame.edgePeriodCounts.buffer] as ArrayBuffer[];
  Promise.resolve(sink(Comlink.transfer(frame, transfer)))
    .catch(() => undefined)
    .finally(() => {
      sinkBusy = false;
      flush();
    });
}

function kick(): void {
  flush();
  schedule(0);
}

const api: SimWorkerApi = {
  async load(sim: SimScenario, onFrame: FrameSink): Promise<MetricIndex> {
    runner = await ready;
    sink = onFrame;
    const index = runner.load(sim);
    kick();
    return index;
  },
  run() {
    runner.run();
    kick();
  },
  pause() {
    runner.pause();
    flush();
  },
  step(seconds: number) {
    runner.step(seconds);
    kick();
  },
  setSpeed(speed: number) {
    runner.setSpeed(speed);
    kick();
  },
  // Kept by the runner for the next load too, so it may come before any load.
  async setTrafficScale(scale: number) {
    (await ready).setTrafficScale(scale);
  },
  reset(seed?: number): MetricIndex {
    const index = runner.reset(seed);
    kick();
    return index;
  },
  updateNode(node: SimNode) {
    runner.updateNode(node);
  },
  updateEdge(index: number, properties: Record<string, unknown>) {
    runner.updateEdge(index, properties);
  },
  result() {
    return runner.result();
  },
  async runToEnd(sim: SimScenario, options?: RunOptions, onProgress?: (fraction: number) => void) {
    return runToEnd(sim, await models, options, onProgress ? { report: (f) => void onProgress(f) } : undefined);
  },
  sampledRuns(nodeId: string) {
    return runner.sampledRuns(nodeId);
  },
  journeys() {
    return runner.journeys();
  },
  async checkLazily(node: SimNode) {
    return (await findServiceKind(node.type)?.checkLazily?.(node)) ?? [];
  },
};

Comlink.expose(api);
