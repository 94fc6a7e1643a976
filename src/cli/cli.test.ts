import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../scenario/index.ts';
import type { ResultDocument } from '../sim/result.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function sim(...args: string[]) {
  const r = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'sim-cli-'));

describe('npm run sim', () => {
  it('runs examples/api-lambda.json and prints a table per node with the total cost', () => {
    const r = sim('examples/api-lambda.json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Orders API: API Gateway -> Lambda: 600 s simulated, seed 42, [\d,]+ events in/);
    for (const line of ['Users  Client', 'OrdersApi  AWS::ApiGateway::RestApi', 'CreateOrder  AWS::Lambda::Function']) expect(r.stdout).toContain(`\n${line}\n`);
    expect(r.stdout).toMatch(/\n {2}Invocations +\d{3},\d{3} +[\d.]+ +[\d,]+\n/);
    expect(r.stdout).toMatch(/\nTotal cost: \$\d+\.\d{4}/);
  });

  it('gives byte-identical results for the same seed (apart from wallSeconds), different ones for another', () => {
    const out = (name: string, seed: string) => {
      const file = join(tmp, name);
      const r = sim('examples/loss-system.json', '--seed', seed, '--duration', '30', '--out', file, '--quiet');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      return readFileSync(file, 'utf8').replace(/"wallSeconds": [\d.e-]+/, '"wallSeconds": 0');
    };
    const a = out('a.json', '9');
    const b = out('b.json', '9');
    const c = out('c.json', '10');
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    const doc = JSON.parse(a) as ResultDocument;
    expect(doc.format).toBe('serverless-playground/result');
    expect(doc.seed).toBe(9);
    expect(doc.simulatedSeconds).toBe(30);
    expect(doc.nodes.Worker.series.Invocations).toHaveLength(30);
  });

  it('--traffic 5x sends five times the requests and says so, leaving the file as it was', () => {
    const requests = (...extra: string[]) => {
      const file = join(tmp, `traffic${extra.join('')}.json`);
      const r = sim('examples/api-lambda.json', '--duration', '60', '--out', file, ...extra);
      expect(r.code).toBe(0);
      return { stdout: r.stdout, doc: JSON.parse(readFileSync(file, 'utf8')) as ResultDocument };
    };
    const before = readFileSync(join(ROOT, 'examples', 'api-lambda.json'), 'utf8');
    const one = requests();
    const five = requests('--traffic', '5x');
    const ratio = (five.doc.nodes.Users.totals.Requests.Sum ?? 0) / (one.doc.nodes.Users.totals.Requests.Sum ?? 1);
    expect(ratio).toBeGreaterThan(4.7);
    expect(ratio).toBeLessThan(5.3);
    expect(five.doc.trafficScale).toBe(5);
    expect(one.doc.trafficScale).toBeUndefined();
    expect(five.stdout).toMatch(/^[^\n]*; traffic 5x\n/);
    expect(readFileSync(join(ROOT, 'examples', 'api-lambda.json'), 'utf8')).toBe(before);
  });

  it('says when the event budget stopped a run early, and prints validation warnings', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'loss-system.json'), 'utf8')) as ScenarioDoc;
    doc.settings = { maxEvents: 5000 };
    doc.nodes[1].properties = { ...doc.nodes[1].properties, Handler: 'index.handler' };
    const file = join(tmp, 'budget.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = sim(file);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: nodes[1].properties.Handler: not simulated: kept in the document but ignored\n');
    expect(r.stdout).toMatch(/\nStopped early: stopped after 5,000 events at [\d.]+ s of 600 s: /);
  });

  it('exits 2 and lists every problem by JSON path', () => {
    const r = sim('examples/bad/wrong-values.json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      'examples/bad/wrong-values.json: 9 problems:',
      'seed: must be a whole number 0..9007199254740991 (2^53-1), not -4',
      'durationSeconds: must be 1..2,592,000 (s; 30 days), not 1e+308',
      'settings.lambdaAccountConcurrency: must be a number',
      'nodes[0].properties.ratePerSecond: must be 0..1,000,000 (requests/s)',
      'nodes[1].properties.MemorySize: must be 128..10,240 (MB)',
      'nodes[1].properties.Timeout: must be 1..900 (s)',
      'nodes[1].properties.ReservedConcurrentExecutions: must be a whole number, 0..1,000,000',
      'nodes[1].behaviour.duration.p99Ms: p99Ms must be a number (ms)',
      'nodes[1].behaviour.errorRate: must be 0..1',
      '',
    ]);
  });

  it('reports graph problems: duplicate ids, unknown types, dangling, self and disallowed edges', () => {
    const r = sim('examples/bad/bad-graph.json');
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('examples/bad/bad-graph.json: 7 problems:');
    expect(lines).toContain('nodes[1].id: "Orders" is used by nodes[2] too');
    expect(lines.some((l) => l.startsWith('nodes[3].type: unknown node type "AWS::EC2::Instance"; known types: Client, '))).toBe(true);
    expect(lines).toContain('edges[0].to: no node "Ordrs"; did you mean "Orders"?');
    expect(lines).toContain('edges[1].to: a node cannot connect to itself ("Api" -> "Api")');
    expect(lines.some((l) => l.startsWith('edges[2]: A Lambda function cannot connect to a Client.'))).toBe(true);
    expect(lines).toContain('edges[3].role: "deadLetter" is not a role AWS allows from a Client to an API Gateway (REST); allowed: invoke.');
  });

  it('rejects cycles, missing fields, future versions and broken JSON', () => {
    const cycle = sim('examples/bad/cycle.json');
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain('edges: cycle Jobs -> Parking -> Jobs would circulate messages without bound');
    const loop = sim('examples/bad/lambda-loop.json');
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain('edges: cycle Jobs -> Worker -> Jobs would circulate messages without bound');
    const missing = sim('examples/bad/missing-fields.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nodes[0].id: is required');
    expect(missing.stderr).toContain('nodes[1].type: is required; known types: ');
    expect(missing.stderr).toContain('edges[0].from: is required: the id of a node');
    const future = sim('examples/bad/future-version.json');
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('version: version 7 is newer than this playground understands');
    const json = sim('examples/bad/not-json.json');
    expect(json.code).toBe(2);
    expect(json.stderr).toBe('examples/bad/not-json.json: not valid JSON at line 6, column 1: expected a double-quoted property name, found "}"\n');
  });

  it('explains a missing file, bad options, and prints help', () => {
    const missing = sim('examples/nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('examples/nope.json: cannot read the scenario: no such file\n');
    const bad = sim('examples/api-lambda.json', '--seed', '-3', '--duration', 'abc', '--frobnicate');
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')).toEqual([
      '--seed: must be a whole number 0..9007199254740991, not "-3"',
      '--duration: must be a decimal number of seconds 1..2592000, not "abc"',
      '--frobnicate: unknown option (see --help)',
      'Run with --help for usage.',
      '',
    ]);
    const unwritable = sim('examples/api-lambda.json', '--duration', '5', '--quiet', '--out', join(tmp, 'no', 'such', 'dir.json'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/no[/\\]such[/\\]dir\.json: cannot write the result: ENOENT/);
    const help = sim('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run sim -- FILE/);
  });
});

describe('npm run sim on bad input', () => {
  it('runs a scenario with a misspelt property: a warning with a hint, not a crash', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'loss-system.json'), 'utf8'));
    doc.nodes[0].properties.ratePerSecnd = 5;
    const file = join(tmp, 'typo.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = sim(file, '--duration', '5', '--quiet');
    expect(r.stderr).toBe('warning: nodes[0].properties.ratePerSecnd: not simulated: kept in the document but ignored; did you mean "ratePerSecond"?\n');
    expect(r.code).toBe(0);
  });

  it('refuses a file over 20 MB without reading it (a device past 20 MB), and durations that are not decimal', () => {
    const big = join(tmp, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 21 * 1024 * 1024);
    const r = sim(big);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${big}: the file is 21 MB (not read); a scenario may be at most 20 MB\n`);
    const endless = sim('/dev/zero');
    expect(endless.code).toBe(2);
    expect(endless.stderr).toBe('/dev/zero: the file is over 20 MB (read up to the limit); a scenario may be at most 20 MB\n');
    for (const v of ['0x10', 'Infinity', ' 5', '1_0']) {
      const bad = sim('examples/api-lambda.json', '--duration', v);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(`--duration: must be a decimal number of seconds 1..2592000, not "${v}"\n`);
    }
  });

  it('lists the first 100 of many problems and says how many more there are', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'examples', 'api-lambda.json'), 'utf8'));
    doc.seed = null;
    doc.nodes = Array.from({ length: 150 }, (_, i) => ({ id: `N${i}`, type: 'AWS::Nope' }));
    doc.edges = [];
    const file = join(tmp, 'many.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = sim(file);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${file}: more than 100 problems, the first 100:`);
    expect(lines[1]).toBe('seed: must be a whole number 0..9007199254740991 (2^53-1), not null');
    expect(lines).toHaveLength(102);
    expect(lines[101]).toBe('(document): and 51 more errors, not listed (only the first 100 problems are)');
  });
});
