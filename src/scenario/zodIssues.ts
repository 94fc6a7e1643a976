import type { z } from 'zod';
import { pathOf } from './paths.ts';
import type { Problem } from './types.ts';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into problems at document paths (`nodes[2].properties.Timeout`). For a union (a duration
 * given as a number or a distribution object) the branch the value evidently meant is reported, so a
 * lognormal missing p99Ms says so instead of "must be a number or a distribution". One problem per path.
 */
export function issuesToProblems(issues: readonly Issue[], base: string, severity?: 'warning'): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const push = (path: string, message: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push(severity ? { path, message, severity } : { path, message });
  };
  const visit = (issue: Issue, prefix: readonly PropertyKey[]) => {
    const keys = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const meant = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
      if (meant) {
        for (const i of meant) visit(i, keys);
        return;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push(pathOf(base, [...keys, key]), 'is not a setting here (remove it or check its spelling)');
      return;
    }
    push(pathOf(base, keys), issue.message);
  };
  for (const issue of issues) visit(issue, []);
  return out;
}
