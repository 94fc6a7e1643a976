/**
 * The event envelope EventBridge builds for a PutEvents entry (docs/aws-behaviour.md "EventBridge: event
 * patterns" match on its fields): version, id, detail-type, source, account, time, region, resources, detail.
 *
 * The caller's JSON body gives the entry: its "source", "detail-type", "resources" and "detail" keys when it has
 * any of them (a Client's body fields "source", "detail.total", ...), otherwise the whole body is the detail; the
 * edge's Source and DetailType fill what the body leaves out.
 */

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

export interface EntryDefaults {
  Source: string;
  DetailType: string;
}

export type EventEnvelope = Record<string, unknown> & { source: string; 'detail-type': string; detail: unknown };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function buildEnvelope(body: unknown, defaults: EntryDefaults, id: number, timeMs: number): EventEnvelope {
  const b = isObject(body) ? body : {};
  const entry = Object.hasOwn(b, 'source') || Object.hasOwn(b, 'detail-type') || Object.hasOwn(b, 'detail');
  const source = entry && typeof b.source === 'string' ? b.source : defaults.Source;
  const detailType = entry && typeof b['detail-type'] === 'string' ? b['detail-type'] : defaults.DetailType;
  const detail = entry ? (isObject(b.detail) ? b.detail : {}) : b;
  const resources = entry && Array.isArray(b.resources) ? b.resources : [];
  return {
    version: '0',
    id: `event-${id}`,
    'detail-type': detailType,
    source,
    account: ACCOUNT,
    time: new Date(timeMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: REGION,
    resources,
    detail,
  };
}

/** The event a scheduled rule sends (AWS's "Scheduled Event" from aws.events). */
export function scheduledEvent(ruleArn: string, id: number, timeMs: number): EventEnvelope {
  const entry = { Source: 'aws.events', DetailType: 'Scheduled Event' };
  return buildEnvelope({ source: entry.Source, 'detail-type': entry.DetailType, resources: [ruleArn], detail: {} }, entry, id, timeMs);
}
