import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/index.ts';
import { figureText } from './figureText.ts';
import { makeRoomForLesson } from './makeRoomForLesson.ts';

describe('figureText', () => {
  it('shows costs in dollars, counts with separators and fractions with three significant digits', () => {
    expect(figureText('cost.monthly', 1170.2046)).toBe('$1,170.20');
    expect(figureText('cost.Orders', 0.0044)).toBe('$0.0044');
    expect(figureText('Fn.Cost.Sum', 3)).toBe('$3.00');
    expect(figureText('Lookup.Throttles.Sum', 11896)).toBe('11,896');
    expect(figureText('Users.Latency.p99', 407.5446)).toBe('407.5');
    expect(figureText('Clickstream.IteratorAge.Maximum', 24813.0063)).toBe('24,813');
    expect(figureText('a.b.Average', 0.021345)).toBe('0.0213');
  });
});

describe('makeRoomForLesson', () => {
  it('folds the palette on a window narrower than 1,500 px, and leaves it on a wide one', () => {
    const narrow = createAppStore();
    makeRoomForLesson(narrow, 1280);
    expect(narrow.getState().paletteOpen).toBe(false);
    makeRoomForLesson(narrow, 1280);
    expect(narrow.getState().paletteOpen).toBe(false);
    const wide = createAppStore();
    makeRoomForLesson(wide, 1920);
    expect(wide.getState().paletteOpen).toBe(true);
  });
});
