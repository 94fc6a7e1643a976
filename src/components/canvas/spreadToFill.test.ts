import { describe, expect, it } from 'vitest';
import { MAX_SPREAD, spreadFactor, spreadRects } from './spreadToFill.ts';

describe('presenter mode spreads a diagram into a wide canvas', () => {
  it('a diagram fitted to the height is widened until it fills the width', () => {
    // Room 1200 x 300 for a diagram 1000 x 300: fitted to the height at zoom 1, 200 px spare.
    expect(spreadFactor({ width: 1200, height: 300 }, { x: 0, y: 0, width: 1000, height: 300 })).toBeCloseTo(1.2);
  });

  it('a diagram fitted to the width is left as it is', () => {
    expect(spreadFactor({ width: 1200, height: 600 }, { x: 0, y: 0, width: 1200, height: 300 })).toBe(1);
  });

  it('is capped, so a single node does not become a banner', () => {
    expect(spreadFactor({ width: 1200, height: 300 }, { x: 0, y: 0, width: 240, height: 108 })).toBe(MAX_SPREAD);
  });

  it('an empty diagram or canvas is left as it is', () => {
    expect(spreadFactor({ width: 0, height: 300 }, { x: 0, y: 0, width: 240, height: 108 })).toBe(1);
    expect(spreadFactor({ width: 1200, height: 300 }, { x: 0, y: 0, width: 0, height: 0 })).toBe(1);
  });

  it('widens positions and widths from the left edge, keeping the gaps in proportion and y as it was', () => {
    const nodes = [
      { id: 'a', position: { x: 100, y: 5 }, width: 240 },
      { id: 'b', position: { x: 420, y: 7 }, width: 240 },
    ];
    const out = spreadRects(nodes, 1.5, 100);
    expect(out.map((n) => n.position)).toEqual([{ x: 100, y: 5 }, { x: 580, y: 7 }]);
    expect(out.map((n) => n.width)).toEqual([360, 360]);
    // The gap between them grows by the same factor: 80 -> 120.
    expect(out[1].position.x - (out[0].position.x + out[0].width)).toBe(120);
    expect(spreadRects(nodes, 1, 100)).toBe(nodes);
    expect(nodes[1].position.x).toBe(420);
  });
});
