import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceMarkdown } from '../scenario/reference.ts';
import { SERVICE_KINDS } from '../sim/services/registry.ts';

/** `npm run docs`: regenerates docs/reference.md from the registry. */
const file = join(import.meta.dirname, '..', '..', 'docs', 'reference.md');
writeFileSync(file, referenceMarkdown(SERVICE_KINDS));
process.stdout.write(`wrote ${file} (${SERVICE_KINDS.length} node kinds)\n`);
