import { describe, expect, it } from 'vitest';
import { titleParts } from './chartFormat.ts';

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
