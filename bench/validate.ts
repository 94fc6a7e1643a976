import { formatNumber, grid } from '../src/cli/table.ts';
import { loadScenarioText } from '../src/scenario/index.ts';
import { validateCounted } from '../src/scenario/validate.ts';

/**
 * `npm run bench:validate`: loads generated scenarios that are hard on a validator (300 nodes, ids near the
 * 64-character limit, 10 misspelt keys a node and 500 edges that name no node per 1x; one node with 37,500
 * unknown keys per 1x) at 1x, 2x and 4x their size, and prints time and work per size. Linear validation shows as time
 * per KB staying about flat; "did you mean" hints stay within their budget. Prints figures; asserts nothing.
 */
function hostile(scale: number): string {
  const id = (i: number) => `Function${String(i).padStart(4, '0')}${'x'.repeat(48)}`;
  const nodes = Array.from({ length: 300 }, (_, i) => {
    const properties: Record<string, number> = {};
    for (let k = 0; k < 10 * scale; k++) properties[`ratePerSecnd${k}`] = k;
    return { id: id(i), type: 'Client', properties };
  });
  const edges = Array.from({ length: 500 * scale }, (_, i) => ({
    from: id(i % nodes.length).replace('Function', 'Functoin'),
    to: id((i + 1) % nodes.length),
  }));
  return JSON.stringify({ format: 'serverless-playground/scenario', version: 1, name: 'bench: hostile', nodes, edges });
}

function manyKeys(scale: number): string {
  const properties: Record<string, number> = { ratePerSecond: 5 };
  for (let k = 0; k < 37_500 * scale; k++) properties[`k${k}`] = k;
  return JSON.stringify({ format: 'serverless-playground/scenario', version: 1, name: 'bench: keys', nodes: [{ id: 'U', type: 'Client', properties }], edges: [] });
}

const rows: string[][] = [['document', 'size KB', 'best wall ms', 'ms per 100 KB', 'hint cells', 'problems']];
for (const [name, make] of [
  ['300 nodes, misspelt keys, dangling edges', hostile],
  ['one node, unknown keys', manyKeys],
] as const) {
  for (const scale of [1, 2, 4]) {
    const text = make(scale);
    let best = Infinity;
    let cells = 0;
    let problems = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const parsed = loadScenarioText(text);
      best = Math.min(best, performance.now() - started);
      problems = (parsed.ok ? parsed.warnings : parsed.problems).length;
      cells = validateCounted(JSON.parse(text)).hintCells;
    }
    const kb = text.length / 1024;
    rows.push([`${name} x${scale}`, formatNumber(Math.round(kb)), best.toFixed(0), ((best / kb) * 100).toFixed(1), formatNumber(cells), String(problems)]);
  }
}
process.stdout.write(`${grid(rows, [false, true, true, true, true, true]).join('\n')}\n`);
