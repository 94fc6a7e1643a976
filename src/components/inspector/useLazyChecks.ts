import { useEffect, useState } from 'react';
import type { Problem } from '../../scenario/index.ts';
import { findServiceKind } from '../../sim/services/registry.ts';
import type { DocNode } from '../../store/doc.ts';

/** Wait this long (ms) after the last edit before checking again. */
const QUIET_MS = 250;

/** The node's lazily loaded checks (ServiceKind.checkLazily, run in the worker), as problems with the scenario's paths; [] meanwhile. */
export function useLazyChecks(node: DocNode | undefined, index: number): Problem[] {
  const [found, setFound] = useState<{ node: DocNode; problems: Problem[] } | null>(null);
  useEffect(() => {
    const kind = node ? findServiceKind(node.type) : undefined;
    if (!node || !kind?.checkLazily) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      const simNode = { id: node.id, type: node.type, properties: node.properties ?? {}, behaviour: node.behaviour ?? {} };
      // In the simulation worker: a check's libraries (asl-validator compiling its schemas) stay off the main thread.
      import('../../worker/client.ts').then(({ simWorker }) => simWorker().checkLazily(simNode)).then(
        (problems) => !cancelled && setFound({ node, problems: problems.map(([path, message]) => ({ path: `nodes[${index}].${path}`, message })) }),
        (e: unknown) => !cancelled && setFound({ node, problems: [{ path: `nodes[${index}]`, message: `could not be checked: ${e instanceof Error ? e.message : String(e)}` }] }),
      );
    }, QUIET_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [node, index]);
  // Problems found for an earlier version of the node still apply until the new check answers, except for another node.
  return found && node && found.node.id === node.id ? found.problems : [];
}
