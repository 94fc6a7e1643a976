import { describe, expect, it } from 'vitest';
import { HINT_SIZE, hintOffset, offscreen, REVEAL_MARGIN_PX } from './offscreen.ts';

const node = (x: number, y = 0) => ({ x, y, width: 240, height: 100 });
const canvas = { width: 736, height: 400 };

describe('offscreen', () => {
  it('counts the nodes not wholly in view past each edge, and pans the nearest fully in', () => {
    // Three nodes 320 apart at zoom 1: the third (640..880) is cut by the right edge, 144 px past it.
    const three = [node(0), node(320), node(640)];
    const r = offscreen(three, { x: 24, y: 40, zoom: 1 }, canvas);
    expect(r.right.count).toBe(1);
    expect(r.right.pan).toBe(736 - REVEAL_MARGIN_PX - (24 + 880));
    expect([r.left.count, r.top.count, r.bottom.count]).toEqual([0, 0, 0]);
    // After that pan, the third node is whole, and the first is now cut on the left.
    const after = offscreen(three, { x: 24 + r.right.pan, y: 40, zoom: 1 }, canvas);
    expect(after.right.count).toBe(0);
    expect(after.left.count).toBe(1);
  });

  it('takes the zoom into account, keeps the nearest node of a side, and sees nothing hidden in a fit', () => {
    const row = [node(0), node(320), node(640), node(960)];
    const r = offscreen(row, { x: 0, y: 0, zoom: 1 }, canvas);
    expect(r.right.count).toBe(2);
    expect(r.right.pan).toBe(736 - REVEAL_MARGIN_PX - 880); // the node at 640, not the one at 960
    expect(offscreen(row, { x: 10, y: 10, zoom: 0.5 }, canvas).right.count).toBe(0);
    const low = offscreen([node(0, 500)], { x: 0, y: 0, zoom: 1 }, canvas);
    expect(low.bottom).toEqual({ count: 1, pan: 400 - REVEAL_MARGIN_PX - 600 });
    expect(offscreen(row, { x: 0, y: 0, zoom: 1 }, { width: 0, height: 0 }).right.count).toBe(0);
  });
});

describe('where a hint sits on its edge', () => {
  const canvas = { width: 800, height: 500 };
  const view = { x: 0, y: 0, zoom: 1 };
  it('in the middle of its edge when no node is there', () => {
    expect(hintOffset('right', [{ x: 100, y: 0, width: 200, height: 100 }], view, canvas)).toBe(250);
    expect(hintOffset('bottom', [], view, canvas)).toBe(400);
  });

  it('off the middle when a node in view is there: a row of nodes across the canvas keeps its figures and handles', () => {
    // A node cut by the right edge, across the middle of the canvas's height.
    const row = [{ x: 600, y: 200, width: 280, height: 100 }];
    const y = hintOffset('right', row, view, canvas);
    expect(y).toBe(0.3 * 500);
    // The hint's box is clear of the node.
    expect(y + HINT_SIZE.height / 2).toBeLessThanOrEqual(200);
    // Nodes everywhere along the edge: the middle after all.
    const column = [0, 100, 200, 300, 400].map((top) => ({ x: 700, y: top, width: 200, height: 100 }));
    expect(hintOffset('right', column, view, canvas)).toBe(250);
  });
});
