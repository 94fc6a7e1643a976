import { TRAFFIC_SCALE_MAX, TRAFFIC_SCALE_MIN } from '../sim/core/trafficScale.ts';

/** Command-line arguments of the headless runner (`npm run sim -- FILE [options]`). */
export interface CliArgs {
  file?: string;
  seed?: number;
  durationSeconds?: number;
  /** The traffic multiplier (--traffic 5x), a run option: the file is not changed. */
  trafficScale?: number;
  out?: string;
  quiet: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run sim -- FILE [--seed N] [--duration SECONDS] [--traffic 5x] [--out RESULT.json] [--quiet]

Runs a scenario (docs/scenario-format.md) headless with the same engine as the browser and prints
CloudWatch-style totals per node.

  FILE                 the scenario JSON file, e.g. examples/api-lambda.json
  --seed N             random seed, a whole number 0..9007199254740991 (overrides the file's "seed")
  --duration SECONDS   simulated time, 1..2592000 (overrides the file's "durationSeconds")
  --traffic 5x         multiply every Client's traffic by 0.1x..100x (schedules fire as written)
  --out RESULT.json    also write the result document (metrics series per node) to this file
  --quiet              print nothing but problems and errors
  -h, --help           show this help

Exit status: 0 ran; 2 the scenario or the arguments are invalid (each problem is printed with its JSON
path); 1 an internal error.`;

/** A plain decimal number: Number() alone would also take "0x10", "0b11", " 5 " and "Infinity". */
const DECIMAL = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses argv (without node and the script); returns the arguments or the problems with them. */
export function parseArgs(argv: readonly string[]): { ok: true; args: CliArgs } | { ok: false; problems: string[] } {
  const args: CliArgs = { quiet: false, help: false };
  const problems: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | undefined => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('--') && v.length > 2)) {
        problems.push(`${name}: needs a value`);
        return undefined;
      }
      i++;
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '--quiet':
      case '-q':
        args.quiet = true;
        break;
      case '--seed': {
        const v = takeValue();
        if (v === undefined) break;
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) problems.push(`--seed: must be a whole number 0..9007199254740991, not "${v}"`);
        else args.seed = Number(v);
        break;
      }
      case '--duration': {
        const v = takeValue();
        if (v === undefined) break;
        const n = Number(v);
        if (!DECIMAL.test(v) || n < 1 || n > 2_592_000) problems.push(`--duration: must be a decimal number of seconds 1..2592000, not "${v}"`);
        else args.durationSeconds = n;
        break;
      }
      case '--traffic': {
        const v = takeValue();
        if (v === undefined) break;
        const n = Number(v.replace(/x$/i, ''));
        if (!DECIMAL.test(v.replace(/x$/i, '')) || n < TRAFFIC_SCALE_MIN || n > TRAFFIC_SCALE_MAX)
          problems.push(`--traffic: must be a multiplier ${TRAFFIC_SCALE_MIN}x..${TRAFFIC_SCALE_MAX}x such as 5x or 0.5, not "${v}"`);
        else args.trafficScale = n;
        break;
      }
      case '--out': {
        const v = takeValue();
        if (v !== undefined) args.out = v;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') problems.push(`${arg}: unknown option (see --help)`);
        else files.push(arg);
    }
  }
  if (files.length > 1) problems.push(`expected one scenario file, got ${files.length}: ${files.join(', ')}`);
  args.file = files[0];
  if (!args.file && !args.help) problems.push('no scenario file given (e.g. npm run sim -- examples/api-lambda.json)');
  return problems.length ? { ok: false, problems } : { ok: true, args };
}
