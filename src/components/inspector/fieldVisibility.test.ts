import { describe, expect, it } from 'vitest';
import { nodeFields } from '../common/kindInfo.ts';
import { SERVICE_KINDS } from '../../sim/services/registry.ts';
import { visibleFields } from './fieldVisibility.ts';

const shown = (pattern: string | undefined) =>
  visibleFields(nodeFields('Client', 'properties'), pattern === undefined ? undefined : { pattern }).map((f) => f.path);

describe('inspector field visibility', () => {
  it('shows the Client fields that the chosen traffic pattern uses, and only those', () => {
    expect(shown('constant')).toEqual(['pattern', 'ratePerSecond', 'startSeconds', 'stopSeconds']);
    expect(shown('step')).toEqual(['pattern', 'ratePerSecond', 'startSeconds', 'stopSeconds', 'peakRatePerSecond', 'atSeconds']);
    expect(shown('ramp')).toContain('rampSeconds');
    expect(shown('ramp')).not.toContain('holdSeconds');
    expect(shown('spike')).toContain('holdSeconds');
    expect(shown('sine')).toEqual(['pattern', 'ratePerSecond', 'startSeconds', 'stopSeconds', 'peakRatePerSecond', 'atSeconds', 'periodSeconds']);
    expect(shown('replay')).toEqual(['pattern', 'startSeconds', 'stopSeconds', 'rates']);
  });

  it('judges an unset pattern by its default (poisson)', () => {
    expect(shown(undefined)).toEqual(shown('poisson'));
    expect(shown(undefined)).not.toContain('peakRatePerSecond');
  });

  it('hides key count and exponent until a key distribution uses them', () => {
    const fields = nodeFields('Client', 'behaviour');
    const paths = (keys?: Record<string, unknown>) => visibleFields(fields, keys ? { keys } : undefined).map((f) => f.path);
    expect(paths()).not.toContain('keys.count');
    expect(paths({ distribution: 'uniform' })).toContain('keys.count');
    expect(paths({ distribution: 'uniform' })).not.toContain('keys.exponent');
    expect(paths({ distribution: 'zipf' })).toEqual(expect.arrayContaining(['keys.count', 'keys.exponent']));
  });

  it('shows a DynamoDB capacity once: CloudFormation\'s name, or the flat alias while the document uses it', () => {
    const fields = nodeFields('AWS::DynamoDB::Table', 'properties');
    const capacity = (values?: Record<string, unknown>) =>
      visibleFields(fields, values).map((f) => f.path).filter((p) => p.endsWith('CapacityUnits'));
    expect(capacity()).toEqual(['ProvisionedThroughput.ReadCapacityUnits', 'ProvisionedThroughput.WriteCapacityUnits']);
    expect(capacity({ BillingMode: 'PAY_PER_REQUEST' })).toEqual([]); // on-demand has no provisioned capacity
    expect(capacity({ BillingMode: 'PROVISIONED', ReadCapacityUnits: 50 })).toEqual(['ProvisionedThroughput.WriteCapacityUnits', 'ReadCapacityUnits']);
    expect(capacity({ ProvisionedThroughput: { ReadCapacityUnits: 5 }, ReadCapacityUnits: 50 })).toEqual([
      'ProvisionedThroughput.ReadCapacityUnits',
      'ProvisionedThroughput.WriteCapacityUnits',
    ]);
  });

  it('every aliasOf names another field of the same section', () => {
    for (const { type } of SERVICE_KINDS)
      for (const section of ['properties', 'behaviour'] as const) {
        const all = nodeFields(type, section);
        for (const field of all)
          if (field.meta.aliasOf) expect(all.map((f) => f.path), `${type} ${field.path}`).toContain(field.meta.aliasOf);
      }
  });

  it('every showWhen of every kind names a choice (or boolean) field of the same section and only its values', () => {
    for (const { type } of SERVICE_KINDS) {
      for (const section of ['properties', 'behaviour'] as const) {
        const all = nodeFields(type, section);
        for (const field of all) {
          const cond = field.meta.showWhen;
          if (!cond) continue;
          const on = all.find((f) => f.path === cond.field);
          expect(['choice', 'boolean'], `${type} ${field.path} -> ${cond.field}`).toContain(on?.meta.kind);
          if (on?.meta.kind === 'boolean') for (const v of cond.in) expect(typeof v).toBe('boolean');
          else for (const v of cond.in) expect(on?.meta.options).toContain(v);
        }
      }
    }
  });
});
