import type { SimNode, SimSettings } from '../sim/core/model.ts';
import { settingsSchema } from '../sim/settings.ts';
import { defaultCatalog, type Catalog } from './catalog.ts';
import type { Problem } from './types.ts';
import { checkNode, indexIds } from './validateNode.ts';
import { isPlainObject } from './paths.ts';

/**
 * Rules that span the nodes of one account, from each kind's checkAccount (e.g. Lambda's reservations within
 * the account's concurrency), as document problems: `nodes[i].<path>` or `settings.<path>`.
 */
export function accountProblems(nodes: readonly { index: number; sim: SimNode }[], settings: SimSettings, catalog: Catalog = defaultCatalog()): Problem[] {
  const problems: Problem[] = [];
  for (const kind of catalog.kinds) {
    if (!kind.checkAccount) continue;
    const own = nodes.filter(({ sim }) => sim.type === kind.type);
    for (const p of kind.checkAccount(own.map(({ sim }) => sim), settings)) {
      const at = p.node === undefined ? 'settings' : `nodes[${own[p.node].index}]`;
      problems.push({ path: `${at}.${p.path}`, message: p.message });
    }
  }
  return problems;
}

/**
 * The account rules' problems of a document being edited, at `nodes[i].<path>`: each node checked once, only
 * nodes of kinds that have account rules. Nothing while the settings themselves are invalid.
 */
export function docAccountProblems(doc: unknown, catalog: Catalog = defaultCatalog()): Problem[] {
  if (!isPlainObject(doc) || !Array.isArray(doc.nodes)) return [];
  const nodes: readonly unknown[] = doc.nodes;
  const ruled = (node: unknown) => isPlainObject(node) && catalog.find(node.type)?.checkAccount !== undefined;
  if (!nodes.some(ruled)) return [];
  const settings = settingsSchema.safeParse(doc.settings ?? {});
  if (!settings.success) return [];
  const ids = indexIds(nodes);
  const checked = nodes.flatMap((node, index) => {
    if (!ruled(node)) return [];
    const sim = checkNode(nodes, index, catalog, undefined, ids).sim;
    return sim ? [{ index, sim }] : [];
  });
  return accountProblems(checked, settings.data, catalog);
}

/** The account rules' problems at one node, with paths within the node, so the inspector refuses at the field what Run would. */
export function nodeAccountProblems(doc: unknown, nodeIndex: number, catalog: Catalog = defaultCatalog()): Problem[] {
  const prefix = `nodes[${nodeIndex}].`;
  return docAccountProblems(doc, catalog)
    .filter((p) => p.path.startsWith(prefix))
    .map((p) => ({ ...p, path: p.path.slice(prefix.length) }));
}
