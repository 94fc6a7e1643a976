import type { EdgeRole, Outcome, ReplyInfo, ReplyTo, SimNode } from './core/model.ts';
import { Simulation, type SimScenario } from './engine.ts';
import { connectionBetween, serviceKind } from './services/registry.ts';
import { defaultSettings, type Settings } from './settings.ts';
import { loadedModels } from './services/registry.ts';

/**
 * A small builder for SimScenarios in code (tests, benchmarks): nodes get their kind's defaults from its zod
 * schemas, edges their default role from the source kind's connection rules. Independent of src/scenario.
 *
 *   const sim = scenario({ durationSeconds: 60 })
 *     .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 10 })
 *     .node('Fn', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 5 }, { duration: 100 })
 *     .edge('Users', 'Fn')
 *     .run();
 */
export interface ScenarioOptions {
  name?: string;
  seed?: number;
  durationSeconds?: number;
  settings?: Partial<Settings>;
}

export class ScenarioBuilder {
  private readonly nodes: SimNode[] = [];
  private readonly edges: SimScenario['edges'] = [];

  constructor(private readonly options: ScenarioOptions = {}) {}

  node(id: string, type: string, properties: Record<string, unknown> = {}, behaviour: Record<string, unknown> = {}): this {
    if (this.nodes.some((n) => n.id === id)) throw new Error(`testing: node ${id} is defined twice`);
    const kind = serviceKind(type);
    this.nodes.push({
      id,
      type,
      properties: parseOrThrow(kind.properties, properties, `${id}.properties`),
      behaviour: parseOrThrow(kind.behaviour, behaviour, `${id}.behaviour`),
    });
    return this;
  }

  edge(from: string, to: string, options: { role?: EdgeRole; properties?: Record<string, unknown> } = {}): this {
    const source = this.nodes.find((n) => n.id === from);
    const target = this.nodes.find((n) => n.id === to);
    if (!source || !target) throw new Error(`testing: edge ${from} -> ${to} names a node not defined yet`);
    const rule = connectionBetween(source.type, target.type);
    const role = options.role ?? rule?.roles[0] ?? 'invoke';
    const schema = rule?.properties?.[role];
    const properties = schema ? parseOrThrow(schema, options.properties ?? {}, `${from}->${to}.properties`) : { ...options.properties };
    this.edges.push({ from, to, role, properties });
    return this;
  }

  build(): SimScenario {
    return {
      name: this.options.name ?? 'test',
      seed: this.options.seed ?? 1,
      durationSeconds: this.options.durationSeconds ?? 60,
      settings: { ...defaultSettings(), ...this.options.settings },
      nodes: this.nodes.map((n) => ({ ...n })),
      edges: this.edges.map((e) => ({ ...e })),
    };
  }

  /** Builds a Simulation and runs it to the end. */
  run(): Simulation {
    const sim = new Simulation(this.build(), loadedModels());
    sim.run();
    return sim;
  }
}

export function scenario(options: ScenarioOptions = {}): ScenarioBuilder {
  return new ScenarioBuilder(options);
}

/** The whole-run statistics of one metric of one node, e.g. total(sim, 'Fn', 'Throttles').Sum. */
export function total(sim: Simulation, node: string, metric: string): Record<string, number> {
  const h = sim.metrics.defs.findIndex((d) => d.node === node && d.name === metric);
  if (h < 0) throw new Error(`testing: ${node} has no metric ${metric}`);
  return sim.metrics.totals(h);
}

/** A counter's sum over the whole run. */
export function sum(sim: Simulation, node: string, metric: string): number {
  return total(sim, node, metric).Sum ?? 0;
}

/** The per-period series (first column) of one metric. */
export function series(sim: Simulation, node: string, metric: string, column?: string): number[] {
  const h = sim.metrics.defs.findIndex((d) => d.node === node && d.name === metric);
  if (h < 0) throw new Error(`testing: ${node} has no metric ${metric}`);
  const cols = sim.metrics.seriesOf(h);
  const col = column === undefined ? cols[0] : cols.find(([name]) => name === `${metric}.${column}`);
  if (!col) throw new Error(`testing: ${node}.${metric} has no column ${column}`);
  return Array.from(col[1]);
}

function parseOrThrow(schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, where: string): Record<string, unknown> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const problems = (r.error?.issues ?? []).map((i) => `${[where, ...i.path.map(String)].join('.')}: ${i.message}`);
    throw new Error(`testing: invalid scenario\n${problems.join('\n')}`);
  }
  return r.data as Record<string, unknown>;
}

/** A ReplyTo for tests that call a model's receive directly: `answer` gets every answer, whatever its slot. */
export function answerTo(answer: (outcome: Outcome, doneAt: number, info?: ReplyInfo) => void): ReplyTo {
  return { reply: (_slot, outcome, doneAt, info) => answer(outcome, doneAt, info) };
}
