import { describe, expect, it } from 'vitest';
import { controlsFit, FIT_PADDING, fitPadding, MINIMAP, minimapFits, overflows } from './overlayLayout.ts';

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

  it('puts the room on the right when the diagram is too big to read whole, so its rows keep the height', () => {
    const canvas = { width: 736, height: 396 };
    const sevenNodes = { width: 1200, height: 396 };
    expect(fitPadding(canvas, sevenNodes)).toEqual({ ...FIT_PADDING, bottom: MINIMAP.height + 30 });
    expect(fitPadding(canvas, sevenNodes, 0.8)).toEqual({ ...FIT_PADDING, right: MINIMAP.width + 30 });
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
