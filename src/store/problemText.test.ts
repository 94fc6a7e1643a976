import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/index.ts';
import { loadedModels } from '../sim/services/registry.ts';
import type { Doc } from './doc.ts';
import { problemPlace, problemText } from './problemText.ts';

loadedModels();

const doc = {
  name: 'places',
  nodes: [
    { id: 'Users', type: 'Client', properties: { pattern: 'poisson', ratePerSecond: 10 } },
    { id: 'Search', type: 'AWS::Lambda::Function', properties: { ReservedConcurrentExecutions: 5000 } },
  ],
  edges: [{ from: 'Users', to: 'Search' }],
} as unknown as Doc;

describe('where a problem is, in the inspector\'s words', () => {
  it('names the node and the field\'s label, not the JSON path', () => {
    const checked = validateScenario(doc);
    expect(checked.ok).toBe(false);
    const problem = checked.ok ? undefined : checked.problems.find((p) => p.path === 'nodes[1].properties.ReservedConcurrentExecutions');
    expect(problem).toBeDefined();
    expect(problemText(doc, problem!)).toMatch(/^Search › Reserved concurrency: This function reserves 5,000/);
  });

  it('falls back to the node, then to the path, when there is no field to name', () => {
    expect(problemPlace(doc, 'nodes[1]')).toBe('Search');
    expect(problemPlace(doc, 'nodes[1].properties.NotAField')).toBe('Search › properties.NotAField');
    expect(problemPlace(doc, 'edges[0].from')).toBe('edges[0].from');
    expect(problemPlace(doc, 'nodes[9].properties.Timeout')).toBe('nodes[9].properties.Timeout');
    expect(problemPlace(doc, '')).toBe('the scenario');
  });
});
