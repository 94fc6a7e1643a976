import { describe, expect, it } from 'vitest';
import { controlsFit, minimapFits } from './overlayLayout.ts';

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
