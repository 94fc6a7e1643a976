import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../scenario/validate.ts';
import { Simulation } from '../engine.ts';
import { loadedModels, SERVICE_KINDS, serviceKind } from './registry.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

/**
 * A metric a model publishes is one its kind declares: exactly, through a `<placeholder>` in the declared name
 * (Step Functions' `State:<state>:Entered`), or with a mapping's `:Function` suffix on a declared name.
 */
function declared(type: string, name: string): boolean {
  const base = name.includes(':') && !name.startsWith('Throttles:') ? name.slice(0, name.indexOf(':')) : name;
  return serviceKind(type).metrics.some((m) => {
    if (m.name === name || m.name === base) return true;
    if (!m.name.includes('<')) return false;
    const [head, tail] = m.name.split(/<[^>]+>/);
    return name.startsWith(head) && name.endsWith(tail) && name.length > head.length + tail.length;
  });
}

describe('metrics are declared once, in the kind', () => {
  it('every metric the models publish in the examples is in its kind\'s list, and the UI can describe it', () => {
    const seen = new Set<string>();
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) {
      const r = validateScenario(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')));
      if (!r.ok) throw new Error(file);
      const sim = new Simulation({ ...r.sim, durationSeconds: 5 }, loadedModels());
      const types = new Map(r.sim.nodes.map((n) => [n.id, n.type]));
      for (const d of sim.metrics.defs) {
        const type = types.get(d.node) as string;
        expect(declared(type, d.name), `${file}: ${type} publishes ${d.name}, not in its kind's metrics`).toBe(true);
        seen.add(type);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(7);
  });

  it('what a kind names for A/B compare and the throttles and errors charts is one of its counters', () => {
    for (const kind of SERVICE_KINDS) {
      const c = kind.compare ?? {};
      for (const name of [...(c.throttles ?? []), ...(c.errors ?? []), ...(c.arrivals ?? [])]) {
        expect(kind.metrics.find((m) => m.name === name)?.kind, `${kind.type} compare names ${name}`).toBe('counter');
      }
    }
  });
});
