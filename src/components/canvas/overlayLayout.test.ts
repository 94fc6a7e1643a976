import { describe, expect, it } from 'vitest';
import { controlsFit, FIT_PADDING, fitPadding, hasMinimapRoom, MINIMAP, minimapFits, overflows } from './overlayLayout.ts';

describe('canvas overlays', () => {
  it('shows the minimap on a roomy canvas', () => {
    expect(minimapFits({ width: 860, height: 560 })).toBe(true);
  });

  it('hides the minimap when the charts panel leaves a short canvas (it would cover the splitter side)', () => {
    expect(minimapFits({ width: 860, height: 301 })).toBe(false);
    expect(minimapFits({ width: 860, height: 302 })).toBe(true);
  });

  it('hides the minimap when it would collide with the zoom controls on a narrow canvas', () => {
    expect(minimapFits({ width: 253, height: 800 })).toBe(false);
    expect(minimapFits({ width: 254, height: 800 })).toBe(true);
  });

  it('the controls need their own height plus margins', () => {
    expect(controlsFit({ width: 500, height: 121 })).toBe(false);
    expect(controlsFit({ width: 500, height: 122 })).toBe(true);
  });
});

describe('zoom-to-fit padding', () => {
  it('keeps the diagram out from under the minimap, on the side that costs it less zoom', () => {
    const canvas = { width: 735, height: 400 };
    // A wide diagram gives up height (room at the bottom), a tall one width (room on the right).
    expect(fitPadding(canvas, { width: 900, height: 300 })).toEqual({ ...FIT_PADDING, bottom: MINIMAP.height + 30 });
    expect(fitPadding(canvas, { width: 200, height: 600 })).toEqual({ ...FIT_PADDING, right: MINIMAP.width + 30 });
    // No minimap on a small canvas, so no room for one.
    expect(fitPadding({ width: 735, height: 250 }, { width: 900, height: 300 })).toEqual(FIT_PADDING);
  });

  it('gives the whole canvas to a diagram that the room for the minimap would make too small to read, and the minimap waits', () => {
    const canvas = { width: 736, height: 396 };
    const sevenNodes = { width: 1200, height: 396 };
    expect(fitPadding(canvas, sevenNodes)).toEqual({ ...FIT_PADDING, bottom: MINIMAP.height + 30 });
    expect(fitPadding(canvas, sevenNodes, 0.8)).toEqual(FIT_PADDING);
    expect(hasMinimapRoom(FIT_PADDING)).toBe(false);
    expect(hasMinimapRoom(fitPadding(canvas, sevenNodes))).toBe(true);
  });

  it('lets a single row that passes above the zoom controls use the left margin too, so it shows whole', () => {
    const canvas = { width: 736, height: 396 };
    // Three nodes 850 wide (1280x720 with both panels open): 680 px at 0.8, more than the 644 px beside the
    // controls' margin but not than the 680 px without it; 67 px tall, centred, it passes above the controls.
    const threeNodes = { width: 850, height: 84 };
    const padding = fitPadding(canvas, threeNodes, 0.8);
    expect(padding).toEqual({ ...FIT_PADDING, left: FIT_PADDING.right });
    expect(overflows(threeNodes, 0.8, canvas, padding)).toBe(false);
    // Rows down to the controls keep clear of them.
    expect(fitPadding(canvas, { width: 850, height: 300 }, 0.8)).toEqual(FIT_PADDING);
    // One that fits readable keeps the side that costs it less zoom.
    expect(fitPadding(canvas, { width: 600, height: 200 }, 0.8)).toEqual({ ...FIT_PADDING, bottom: MINIMAP.height + 30 });
  });
});

describe('overflows', () => {
  const canvas = { width: 736, height: 396 };
  it('says a diagram larger than the room inside the padding overflows, at the zoom it is shown', () => {
    expect(overflows({ width: 1200, height: 300 }, 0.8, canvas, FIT_PADDING)).toBe(true); // 960 px wide in 644
    expect(overflows({ width: 600, height: 300 }, 0.8, canvas, FIT_PADDING)).toBe(false); // 480 x 240 fits
    expect(overflows({ width: 600, height: 500 }, 0.8, canvas, FIT_PADDING)).toBe(true); // 400 px tall in 340
    // Exactly the room is not an overflow (rounding of the fit itself).
    expect(overflows({ width: 644, height: 340 }, 1, canvas, FIT_PADDING)).toBe(false);
  });
});
