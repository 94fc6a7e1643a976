import { writeFileSync } from 'node:fs';
import { formatProblem, isError, LIMITS, validateScenario } from '../scenario/index.ts';
import { Simulation } from '../sim/engine.ts';
import { findServiceKind } from '../sim/services/registry.ts';
import { parseArgs, USAGE, type CliArgs } from './args.ts';
import { readScenario } from './readScenario.ts';
import { resultJson } from './resultJson.ts';
import { summaryText } from './table.ts';
import { loadModels, loadedModels } from '../sim/services/registry.ts';

/** Exit statuses (docs/scenario-format.md "Headless runner"). */
const EXIT_OK = 0;
const EXIT_INTERNAL = 1;
const EXIT_INVALID = 2;

function run(args: CliArgs): number {
  const file = args.file as string;
  const read = readScenario(file);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    return EXIT_INVALID;
  }
  const input = read.value;
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const doc = input as Record<string, unknown>;
    if (args.seed !== undefined) doc.seed = args.seed;
    if (args.durationSeconds !== undefined) doc.durationSeconds = args.durationSeconds;
  }
  const checked = validateScenario(input);
  if (!checked.ok) {
    const errors = checked.problems.filter(isError);
    const listed = checked.problems.length > LIMITS.listedProblems;
    const count = listed ? `more than ${LIMITS.listedProblems} problems, the first ${LIMITS.listedProblems}` : `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
    process.stderr.write(`${file}: ${count}:\n`);
    for (const p of checked.problems) process.stderr.write(`${formatProblem(p)}\n`);
    return EXIT_INVALID;
  }
  for (const w of checked.warnings) process.stderr.write(`${formatProblem(w)}\n`);

  const sim = new Simulation(checked.sim, loadedModels(), { trafficScale: args.trafficScale });
  sim.run();
  const result = sim.result();
  if (!args.quiet) process.stdout.write(`${summaryText(result, findServiceKind)}\n`);
  else if (result.stopped) process.stderr.write(`Stopped early: ${result.stopped}\n`);
  if (args.out) {
    try {
      writeFileSync(args.out, resultJson(result));
    } catch (e) {
      process.stderr.write(`${args.out}: cannot write the result: ${(e as Error).message}\n`);
      return EXIT_INTERNAL;
    }
    if (!args.quiet) process.stdout.write(`Result written to ${args.out}\n`);
  }
  return EXIT_OK;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    for (const p of parsed.problems) process.stderr.write(`${p}\n`);
    process.stderr.write('Run with --help for usage.\n');
    return EXIT_INVALID;
  }
  if (parsed.args.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  try {
    await loadModels(); // only for a run: --help and bad options answer without loading the models
    return run(parsed.args);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(`internal error: ${err.message}\n`);
    if (process.env.SIM_DEBUG) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write('(set SIM_DEBUG=1 to see where)\n');
    return EXIT_INTERNAL;
  }
}

// A reader that goes away (`npm run sim -- x.json | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
