import { describe, expect, it } from 'vitest';
import { titleParts, yAxisTop } from './chartFormat.ts';

describe('chart titles', () => {
  it('break between the words of CloudWatch names and after dots, and nowhere else', () => {
    expect(titleParts('ApproximateNumberOfMessagesVisible, NumberOfMessagesMovedToDLQ')).toEqual([
      'Approximate', 'Number', 'Of', 'Messages', 'Visible, Number', 'Of', 'Messages', 'Moved', 'To', 'DLQ',
    ]);
    expect(titleParts('GetRecords.IteratorAgeMilliseconds')).toEqual(['Get', 'Records.', 'Iterator', 'Age', 'Milliseconds']);
    expect(titleParts('Client requests')).toEqual(['Client requests']);
    expect(titleParts('Fn 5XXError')).toEqual(['Fn 5XXError']);
  });
});

describe('yAxisTop', () => {
  it('scales to the data when a limit is far above them, so they are not flattened', () => {
    // A stage limit of 10,000 requests/s over 495 sent: the axis is the data's.
    expect(yAxisTop(495, 10_000)).toBeCloseTo(544.5);
  });
  it('shows the limit once the data come within a third of it, and when the data are above it', () => {
    expect(yAxisTop(400, 1000)).toBeCloseTo(1100);
    expect(yAxisTop(300, 1000)).toBeCloseTo(330);
    expect(yAxisTop(1200, 1000)).toBeCloseTo(1320);
  });
  it('shows the limit before there are data, and has a unit axis with neither', () => {
    expect(yAxisTop(0, 80)).toBeCloseTo(88);
    expect(yAxisTop(0, undefined)).toBe(1);
    expect(yAxisTop(50, undefined)).toBeCloseTo(55);
  });
});
