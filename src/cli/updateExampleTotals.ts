import { writeFileSync } from 'node:fs';
import { loadModels } from '../sim/services/registry.ts';
import { allExampleFigures, TOTALS_FILE } from './exampleTotals.ts';

/** `npm run totals:update`: stores today's whole-run figures of every example for src/scenario/exampleTotals.test.ts. */
const totals = allExampleFigures(await loadModels());
writeFileSync(TOTALS_FILE, `${JSON.stringify(totals, null, 1)}\n`);
process.stdout.write(`wrote ${TOTALS_FILE} (${Object.keys(totals).length} examples)\n`);
