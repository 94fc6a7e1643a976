import { pathToFileURL } from 'node:url';
import { Random } from '../src/sim/core/random.ts';

/**
 * The bare-loop floor (issue 9): the loss system of case (a) with no engine and no models, only a binary heap of
 * event times in a Float64Array with an Int32Array payload and the engine's own random generator. What the engine
 * does per simulated request beyond this loop is its overhead; `npm run bench` prints each case's speed as a
 * fraction of this one, measured in the same run.
 */
export interface LossSystem {
  ratePerSecond: number;
  servers: number;
  serviceMs: number;
  durationSeconds: number;
  seed: number;
}

/**
 * Case (a)'s system: 1,000 req/s Poisson, 80 servers, 80 ms mean exponential service, 600 simulated seconds. The
 * service time is drawn as case (a) draws it: a fixed one would spare the floor a logarithm per request and keep
 * its heap in first-in-first-out order, counting work the system needs as the engine's overhead.
 */
export const FLOOR_SYSTEM: LossSystem = { ratePerSecond: 1000, servers: 80, serviceMs: 80, durationSeconds: 600, seed: 1 };

export interface FloorRun {
  requests: number;
  blocked: number;
  events: number;
  wallSeconds: number;
  /** CPU time of the run: on a busy machine wall time is inflated, CPU time much less. */
  cpuSeconds: number;
}

const ARRIVAL = -1;

/** A min-heap of times with one integer payload each (a departing server, or ARRIVAL). */
class TimeHeap {
  times = new Float64Array(256);
  payloads = new Int32Array(256);
  size = 0;
  /** The payload of the last pop. */
  payload = 0;

  push(time: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    const { times, payloads } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent] <= time) break;
      times[i] = times[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  /** Removes the earliest event, returns its time and leaves its payload in `payload`. Call only when size > 0. */
  pop(): number {
    const { times, payloads } = this;
    const top = times[0];
    this.payload = payloads[0];
    const n = --this.size;
    const lastTime = times[n];
    const lastPayload = payloads[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && times[child + 1] < times[child]) child++;
      if (times[child] >= lastTime) break;
      times[i] = times[child];
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = lastTime;
    payloads[i] = lastPayload;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const payloads = new Int32Array(this.payloads.length * 2);
    times.set(this.times);
    payloads.set(this.payloads);
    this.times = times;
    this.payloads = payloads;
  }
}

/** Runs the loss system: arrivals that find every server busy are blocked (lost), the rest hold one server. */
export function runFloor(system: LossSystem = FLOOR_SYSTEM): FloorRun {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const rng = new Random(system.seed, 'floor/arrivals');
  const serviceRng = new Random(system.seed, 'floor/service');
  const meanGapMs = 1000 / system.ratePerSecond;
  const endMs = system.durationSeconds * 1000;
  const heap = new TimeHeap();
  const freeServers = new Int32Array(system.servers);
  for (let s = 0; s < system.servers; s++) freeServers[s] = s;
  let free = system.servers;
  let requests = 0;
  let blocked = 0;
  let events = 0;
  heap.push(rng.exponential(meanGapMs), ARRIVAL);
  while (heap.size > 0) {
    const now = heap.pop();
    if (now > endMs) break;
    events++;
    const server = heap.payload;
    if (server !== ARRIVAL) {
      freeServers[free++] = server;
      continue;
    }
    requests++;
    if (free > 0) heap.push(now + serviceRng.exponential(system.serviceMs), freeServers[--free]);
    else blocked++;
    heap.push(now + rng.exponential(meanGapMs), ARRIVAL);
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { requests, blocked, events, wallSeconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** `tsx bench/floor.ts [runs]`: the fastest of `runs` (default 3) as one line of JSON, for bench/run.ts. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = Number(process.argv[2] ?? 3);
  let best: FloorRun | undefined;
  for (let i = 0; i < runs; i++) {
    const r = runFloor();
    if (!best || r.wallSeconds < best.wallSeconds) best = r;
  }
  const b = best as FloorRun;
  process.stdout.write(`${JSON.stringify({ ...b, requestsPerSecond: b.requests / b.wallSeconds })}\n`);
}
