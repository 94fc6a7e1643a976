import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatNumber, grid } from '../src/cli/table.ts';
import { hourSeconds, type BenchCase, type Measurement } from './benchCase.ts';
import { FLOOR_SYSTEM, type FloorRun } from './floor.ts';

/**
 * `npm run bench`: the bare-loop floor (bench/floor.ts), then every case in bench/cases/ at each of its durations,
 * each in a fresh Node process (so memory figures are its own), then the runner's start time. Each case's speed is
 * also given as a multiple of the floor's, measured in the same run. Prints figures; asserts nothing.
 *   npm run bench a             case (a) only (a single letter names a case; a longer word matches file names)
 *   npm run bench -- --full x   case (x) at its full durations (one simulated hour where the default is cut short)
 */
const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const casesDir = join(import.meta.dirname, 'cases');
const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args.find((a) => !a.startsWith('--'));
const selected = (file: string, word: string) => (word.length === 1 ? file.startsWith(`${word}-`) : file.includes(word));
const HOUR = 3600;

function runChild(script: string, childArgs: string[]): { ok: true; json: unknown } | { ok: false; stderr: string } {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, script), ...childArgs], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) return { ok: false, stderr: r.stderr || `exit status ${r.status}, signal ${r.signal}` };
  return { ok: true, json: JSON.parse(r.stdout.trim().split('\n').pop() as string) };
}

const floorRun = runChild('floor.ts', ['3']);
if (!floorRun.ok) throw new Error(`the bare-loop floor failed:\n${floorRun.stderr}`);
const floor = floorRun.json as FloorRun & { requestsPerSecond: number };

const rows: string[][] = [
  ['case', 'simulated', 'wall s', 'CPU s', 'GC %', 'requests', 'req/wall-s', 'x floor', 'x floor CPU', 's per sim hour', 'peak RSS MB', 'heap after MB', 'budget'],
  [
    '(floor) bare typed-array loop, (a)\'s system (80 ms exponential), no models',
    `${formatNumber(FLOOR_SYSTEM.durationSeconds)} s`,
    floor.wallSeconds.toFixed(2),
    floor.cpuSeconds.toFixed(2),
    '',
    formatNumber(floor.requests),
    formatNumber(Math.round(floor.requestsPerSecond)),
    '1.00',
    '1.00',
    ((floor.wallSeconds * HOUR) / FLOOR_SYSTEM.durationSeconds).toFixed(2),
    '',
    '',
    'the reference: best of 3 in its own process',
  ],
];
const notes: string[] = [];
for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.ts')).sort()) {
  if (only && !selected(file, only)) continue;
  const url = pathToFileURL(join(casesDir, file)).href;
  const bench = ((await import(url)) as { default: BenchCase }).default;
  for (const duration of (full && bench.fullDurationsSeconds) || bench.durationsSeconds) {
    const r = runChild('child.ts', [url, String(duration)]);
    if (!r.ok) {
      notes.push(`${bench.title} (${duration} s) failed:\n${r.stderr}`);
      continue;
    }
    const m = r.json as Measurement;
    if (m.stopped) notes.push(`${bench.title} (${duration} s) stopped early: ${m.stopped}`);
    if (m.report) notes.push(`${bench.title} (${duration} s): ${m.report}`);
    const projected = m.stopped ? '' : `${hourSeconds(m).toFixed(2)}${m.durationSeconds < HOUR ? ' (proj.)' : ''}`;
    rows.push([
      bench.title,
      `${formatNumber(m.simulatedSeconds)}${m.simulatedSeconds < duration ? ` of ${formatNumber(duration)}` : ''} s`,
      m.wallSeconds.toFixed(2),
      m.cpuSeconds.toFixed(2),
      ((100 * m.gcSeconds) / m.wallSeconds).toFixed(0),
      formatNumber(m.requests),
      formatNumber(Math.round(m.requestsPerSecond)),
      (m.requestsPerSecond / floor.requestsPerSecond).toFixed(2),
      (m.requests / m.cpuSeconds / (floor.requests / floor.cpuSeconds)).toFixed(2),
      projected,
      m.peakRssMB.toFixed(0),
      m.heapAfterMB.toFixed(1),
      `${bench.budget.met(m, floor.requestsPerSecond) ? 'met' : 'MISSED'}: ${bench.budget.text}`,
    ]);
  }
}

/** Wall time of a whole runner process, median of three. */
function processSeconds(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(TSX, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    times.push((performance.now() - t) / 1000);
  }
  return times.sort((a, b) => a - b)[1];
}

const start = processSeconds(['src/cli/main.ts', '--help']);
const example = processSeconds(['src/cli/main.ts', 'examples/api-lambda.json', '--quiet']);

process.stdout.write(`${grid(rows, [false, true, true, true, true, true, true, true, true, true, true, true, false]).join('\n')}\n\n`);
process.stdout.write('x floor: simulated requests per wall-second over the floor\'s (x floor CPU: per CPU-second, steadier on a busy machine); GC %: garbage collection pauses (\'gc\' performance entries) over wall time\n');
process.stdout.write(`runner start (tsx src/cli/main.ts --help):            ${start.toFixed(2)} s ${start < 1 ? '(met: under 1 s)' : '(MISSED: budget 1 s)'}\n`);
process.stdout.write(`whole run of examples/api-lambda.json (10 min, tsx): ${example.toFixed(2)} s\n`);
process.stdout.write(`load average (1 min) during the bench: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: wall figures are inflated when it exceeds the cores\n`);
for (const n of notes) process.stdout.write(`\n${n}\n`);
