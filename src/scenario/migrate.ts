import { describe, isPlainObject } from './paths.ts';
import { CURRENT_VERSION, SCENARIO_FORMAT, type Problem } from './types.ts';

/**
 * Upgrades from version n to n + 1, applied in order on load. A future v2 adds `1: (doc, changes) => ...`
 * here, and every stored document, share URL and user file keeps working.
 */
type Migration = (doc: Record<string, unknown>, changes: string[]) => Record<string, unknown>;
const MIGRATIONS: Record<number, Migration> = {};

export interface MigrateResult {
  doc: unknown;
  /** What was changed, in words, for the "restored with changes" notice. */
  changes: string[];
  /** Set when the document cannot be migrated (wrong format, unknown future version). */
  problems: Problem[];
}

/** Brings a document to the current version. Input that is not an object is returned unchanged. */
export function migrate(input: unknown): MigrateResult {
  const changes: string[] = [];
  const problems: Problem[] = [];
  if (!isPlainObject(input)) return { doc: input, changes, problems };
  let doc: Record<string, unknown> = input;

  // One copy even when both keys are added: a document may have many thousand keys.
  const addFormat = doc.format === undefined;
  let version = doc.version;
  if (addFormat || version === undefined) {
    const copy: Record<string, unknown> = addFormat ? { format: SCENARIO_FORMAT, ...doc } : { ...doc };
    if (version === undefined) copy.version = version = CURRENT_VERSION;
    doc = copy;
  }
  if (addFormat) changes.push(`added "format": "${SCENARIO_FORMAT}"`);
  else if (doc.format !== SCENARIO_FORMAT) problems.push({ path: 'format', message: `must be "${SCENARIO_FORMAT}", not ${describe(doc.format)}` });
  if (input.version === undefined) changes.push(`added "version": ${CURRENT_VERSION} (the document stated none)`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.push({ path: 'version', message: `must be a whole number 1..${CURRENT_VERSION}, not ${describe(version)}` });
    return { doc, changes, problems };
  }
  if (version > CURRENT_VERSION) {
    problems.push({
      path: 'version',
      message: `version ${version} is newer than this playground understands (it reads versions 1..${CURRENT_VERSION}); update the playground`,
    });
    return { doc, changes, problems };
  }
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) {
      problems.push({ path: 'version', message: `no migration from version ${v} to ${v + 1}` });
      return { doc, changes, problems };
    }
    doc = { ...step(doc, changes), version: v + 1 };
    changes.push(`migrated from version ${v} to ${v + 1}`);
  }
  return { doc, changes, problems };
}
