import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatNumber, grid } from '../src/cli/table.ts';
import type { BenchCase, Measurement } from './benchCase.ts';

/**
 * `npm run bench`: every case in bench/cases/ at each of its durations, each in a fresh Node process (so
 * memory figures are its own), then the runner's start time. Prints figures; asserts nothing.
 */
const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const casesDir = join(import.meta.dirname, 'cases');
const only = process.argv[2];
/** `npm run bench a` runs case (a) only (a single letter names a case); a longer word matches file names. */
const selected = (file: string, word: string) => (word.length === 1 ? file.startsWith(`${word}-`) : file.includes(word));

const rows: string[][] = [['case', 'simulated', 'wall s', 'CPU s', 'requests', 'req/wall-s', 'events/wall-s', 'peak RSS MB', 'heap after MB', 'budget']];
const notes: string[] = [];
for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.ts')).sort()) {
  if (only && !selected(file, only)) continue;
  const url = pathToFileURL(join(casesDir, file)).href;
  const bench = ((await import(url)) as { default: BenchCase }).default;
  for (const duration of bench.durationsSeconds) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'child.ts'), url, String(duration)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      notes.push(`${bench.title} (${duration} s) failed:\n${r.stderr}`);
      continue;
    }
    const m = JSON.parse(r.stdout.trim().split('\n').pop() as string) as Measurement;
    if (m.stopped) notes.push(`${bench.title} (${duration} s) stopped early: ${m.stopped}`);
    rows.push([
      bench.title,
      `${formatNumber(duration)} s`,
      m.wallSeconds.toFixed(2),
      m.cpuSeconds.toFixed(2),
      formatNumber(m.requests),
      formatNumber(Math.round(m.requestsPerSecond)),
      formatNumber(Math.round(m.eventsPerSecond)),
      m.peakRssMB.toFixed(0),
      m.heapAfterMB.toFixed(1),
      `${bench.budget.met(m) ? 'met' : 'MISSED'}: ${bench.budget.text}`,
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

process.stdout.write(`${grid(rows, [false, true, true, true, true, true, true, true, true, false]).join('\n')}\n\n`);
process.stdout.write(`runner start (tsx src/cli/main.ts --help):            ${start.toFixed(2)} s ${start < 1 ? '(met: under 1 s)' : '(MISSED: budget 1 s)'}\n`);
process.stdout.write(`whole run of examples/api-lambda.json (10 min, tsx): ${example.toFixed(2)} s\n`);
process.stdout.write(`load average (1 min) during the bench: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: wall figures are inflated when it exceeds the cores\n`);
for (const n of notes) process.stdout.write(`\n${n}\n`);
