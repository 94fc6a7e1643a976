import type { ModelRegistry } from '../sim/core/serviceKind.ts';
import type { SimWorkerPort } from '../store/simulationSlice.ts';
import { EngineRunner } from './engineRunner.ts';
import type { FrameSink } from './protocol.ts';

/**
 * For tests: the engine in-process, pumped by hand, in place of the Web Worker (setWorkerConnector). The wall clock
 * is frozen, so `pump` runs the engine until it waits and then delivers one frame. `loads` counts nodes per load,
 * `updates` the ids of nodes edited live.
 */
export function inProcessPort(registry: ModelRegistry) {
  const runner = new EngineRunner(registry, () => 0);
  let sink: FrameSink | null = null;
  const loads: number[] = [];
  const updates: string[] = [];
  const port: SimWorkerPort = {
    load(sim, s) {
      sink = s;
      loads.push(sim.nodes.length);
      return Promise.resolve(runner.load(sim));
    },
    run: () => runner.run(),
    pause: () => runner.pause(),
    step: (s) => runner.step(s),
    setSpeed: (x) => runner.setSpeed(x),
    setTrafficScale: (x) => runner.setTrafficScale(x),
    result: () => runner.result(),
    sampledRuns: (id) => runner.sampledRuns(id),
    journeys: () => runner.journeys(),
    updateNode: (n) => {
      updates.push(n.id);
      runner.updateNode(n);
    },
    updateEdge: (i, p) => runner.updateEdge(i, p),
  };
  const pump = () => {
    while (runner.tick() >= 0);
    const f = runner.takeFrame();
    if (f && sink) void sink(f);
  };
  return { runner, port, pump, loads, updates };
}
