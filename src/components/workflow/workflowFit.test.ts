import { describe, expect, it } from 'vitest';
import { MIN_READABLE_SCALE, fitScale, pickLayout } from './workflowFit.ts';

const tall = { width: 300, height: 900, name: 'TB' };
const wide = { width: 900, height: 300, name: 'LR' };

describe('pickLayout', () => {
  it('takes the layout that fits the frame at the larger scale', () => {
    expect(pickLayout([tall, wide], { width: 1216, height: 416 })).toEqual({ layout: wide, scale: 1, fits: true });
    expect(pickLayout([tall, wide], { width: 416, height: 1216 })).toEqual({ layout: tall, scale: 1, fits: true });
  });

  it('shrinks a graph to fit, but never below the readable scale: then it says the graph does not fit', () => {
    const fit = pickLayout([tall, wide], { width: 866, height: 416 });
    expect(fit.layout).toBe(wide);
    expect(fit.scale).toBeCloseTo(850 / 900);
    expect(fit.fits).toBe(true);
    expect(pickLayout([tall, wide], { width: 616, height: 316 })).toEqual({ layout: wide, scale: MIN_READABLE_SCALE, fits: false });
  });

  it('grows a small graph up to the maximum given (the expanded view)', () => {
    expect(fitScale(wide, { width: 2016, height: 1016 }, 1.5)).toBe(1.5);
    expect(pickLayout([tall, wide], { width: 1366, height: 616 }, 1.5).scale).toBeCloseTo(1.5);
  });
});
