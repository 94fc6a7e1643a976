import { describe, expect, it } from 'vitest';
import { schedulerKind } from './kind.ts';
import { firingList } from './firingList.ts';

describe('the schedule inspector\'s next firing times', () => {
  it('lists firings from settings.startTime in the schedule\'s time zone, with UTC and the simulated time', () => {
    const list = firingList({ ScheduleExpression: 'cron(0 2 ? * MON-FRI *)', ScheduleExpressionTimezone: 'America/New_York' }, { startTime: '2026-01-09T00:00:00Z' }, 3);
    expect(list).toEqual({
      title: 'Next firings from the simulation start',
      lines: [
        'Fri 2026-01-09 02:00 America/New_York (07:00 UTC) · at 7 h 00 min',
        'Mon 2026-01-12 02:00 America/New_York (07:00 UTC) · at 3 d 7 h 00 min',
        'Tue 2026-01-13 02:00 America/New_York (07:00 UTC) · at 4 d 7 h 00 min',
      ],
    });
  });

  it('says when nothing fires, when the schedule is disabled, and names the flexible window', () => {
    expect(firingList({ ScheduleExpression: 'at(2025-01-01T00:00:00)' }, {})?.title).toBe('No firing after the simulation start');
    expect(firingList({ State: 'DISABLED' }, {})).toEqual({ title: 'Disabled: the schedule does not run', lines: [] });
    expect(firingList({ ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 } }, {}, 2)).toEqual({
      title: 'Next firings from the simulation start, each within 15 min after',
      lines: ['Mon 2026-01-05 00:00 UTC · at 0 h 00 min', 'Mon 2026-01-05 01:00 UTC · at 1 h 00 min'],
    });
    expect(firingList({ ScheduleExpression: 'cron(nope)' }, {})).toBeNull();
  });

  it('is what the kind offers the inspector, loaded lazily', async () => {
    await expect(schedulerKind.inspectorNotes?.({ ScheduleExpression: 'rate(2 hours)' }, {})).resolves.toMatchObject({ lines: expect.arrayContaining(['Mon 2026-01-05 02:00 UTC · at 2 h 00 min']) as unknown });
  });
});
