import { describe, expect, it } from 'vitest';
import { eventTone, simTime } from './historyFormat.ts';

describe('history table formatting', () => {
  it('shows simulated times to the millisecond, minutes and hours when long', () => {
    expect(simTime(2000)).toBe('2.000 s');
    expect(simTime(61_500)).toBe('1 min 01.5 s');
    expect(simTime(3_723_500)).toBe('1 h 02 min 03.5 s');
  });

  it('colours a retried failure amber, other failures red, successes green', () => {
    expect(eventTone({ id: 5, timeMs: 0, type: 'TaskFailed', detail: 'Lambda.TooManyRequestsException: x · retry 1 in 2 s' })).toBe('retry');
    expect(eventTone({ id: 5, timeMs: 0, type: 'TaskFailed', detail: 'Error: boom' })).toBe('failed');
    expect(eventTone({ id: 9, timeMs: 0, type: 'ExecutionTimedOut' })).toBe('failed');
    expect(eventTone({ id: 9, timeMs: 0, type: 'ExecutionSucceeded' })).toBe('succeeded');
    expect(eventTone({ id: 2, timeMs: 0, type: 'TaskStateEntered' })).toBe('plain');
  });
});
