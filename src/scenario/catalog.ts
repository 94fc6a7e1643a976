import { deriveConnections, type ConnectionRule, type ServiceKind } from '../sim/core/serviceKind.ts';
import { SERVICE_KINDS } from '../sim/services/registry.ts';

/** The node kinds a document is checked against: the registry's, or a test's own. */
export class Catalog {
  private readonly byType: Map<string, ServiceKind>;
  private readonly connections: Map<string, ConnectionRule[]>;
  constructor(readonly kinds: readonly ServiceKind[]) {
    this.byType = new Map(kinds.map((k) => [k.type, k]));
    this.connections = deriveConnections(kinds);
  }
  /** The connections a node of `type` may start (from every kind's emits and accepts). */
  connectionsFrom(type: string): readonly ConnectionRule[] {
    return this.connections.get(type) ?? [];
  }
  find(type: unknown): ServiceKind | undefined {
    return typeof type === 'string' ? this.byType.get(type) : undefined;
  }
  get types(): string[] {
    return this.kinds.map((k) => k.type);
  }
}

let registryCatalog: Catalog | undefined;

/** The catalog of the registered kinds (built on first use, so the registry module can finish loading). */
export function defaultCatalog(): Catalog {
  if (!registryCatalog || registryCatalog.kinds.length !== SERVICE_KINDS.length) registryCatalog = new Catalog(SERVICE_KINDS);
  return registryCatalog;
}

/** "an SQS queue", "a Lambda function": a kind's label with an article, for sentences. */
export function withArticle(label: string): string {
  const first = label.split(/\s/)[0];
  const acronymVowelSound = /^[A-Z]{2,}/.test(first) && /^[AEFHILMNORSX]/.test(first);
  const vowel = /^[aeiou]/i.test(first) && !/^(uni|use|eu|one)/i.test(first);
  return `${acronymVowelSound || vowel ? 'an' : 'a'} ${label}`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
