import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fake clock and animation frames: drawers "take" time by advancing the clock. */
let now = 0;
let frames: (() => void)[] = [];
function runFrame(): void {
  const due = frames;
  frames = [];
  for (const f of due) f();
}

describe('frame loop', () => {
  beforeEach(() => {
    vi.resetModules();
    now = 0;
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  async function setUp(count: number, costMs: number) {
    const { addDrawer, DRAW_BUDGET_MS } = await import('./frameLoop.ts');
    const { live } = await import('./liveData.ts');
    const drawnAt: number[][] = Array.from({ length: count }, () => []);
    let frame = 0;
    const stops = drawnAt.map((log) =>
      addDrawer(() => {
        log.push(frame);
        now += costMs;
      }),
    );
    const next = () => {
      frame++;
      runFrame();
    };
    const bump = () => {
      (live as unknown as { version: number }).version++;
    };
    return { drawnAt, next, bump, stops, budget: DRAW_BUDGET_MS };
  }

  it('draws every drawer once per data version when they fit in the budget', async () => {
    const { drawnAt, next, bump } = await setUp(4, 1);
    next();
    expect(drawnAt.map((d) => d.length)).toEqual([1, 1, 1, 1]);
    next(); // no new data: nothing redraws
    expect(drawnAt.map((d) => d.length)).toEqual([1, 1, 1, 1]);
    bump();
    next();
    expect(drawnAt.map((d) => d.length)).toEqual([2, 2, 2, 2]);
  });

  it('stops a frame once the budget is spent and takes the rest, in turn, in the next frames', async () => {
    const { drawnAt, next, bump, budget } = await setUp(6, 4);
    const perFrame = Math.ceil(budget / 4);
    next();
    expect(drawnAt.filter((d) => d.length === 1)).toHaveLength(perFrame);
    // Data keeps changing every frame (a run at Max speed): every drawer still gets its turn.
    for (let f = 0; f < 6; f++) {
      bump();
      next();
    }
    for (const log of drawnAt) expect(log.length).toBeGreaterThanOrEqual(2);
    // No frame drew for longer than the budget plus one drawer.
    const perFrameCounts = new Map<number, number>();
    for (const log of drawnAt) for (const f of log) perFrameCounts.set(f, (perFrameCounts.get(f) ?? 0) + 1);
    for (const n of perFrameCounts.values()) expect(n).toBeLessThanOrEqual(perFrame);
  });

  it('a removed drawer is not called again, and the turn stays on the others', async () => {
    const { drawnAt, next, bump, stops } = await setUp(3, 20);
    next(); // 20 ms each: one drawer per frame
    stops[1]();
    for (let f = 0; f < 4; f++) {
      bump();
      next();
    }
    expect(drawnAt[1].length).toBeLessThanOrEqual(1);
    expect(drawnAt[0].length).toBeGreaterThanOrEqual(2);
    expect(drawnAt[2].length).toBeGreaterThanOrEqual(2);
  });

  it('a drawer added as having drawn the current data (a chart drawn as it mounted) waits for new data', async () => {
    const { addDrawer } = await import('./frameLoop.ts');
    const { live } = await import('./liveData.ts');
    const drawn: number[] = [];
    addDrawer((v) => drawn.push(v), live.version);
    runFrame();
    expect(drawn).toEqual([]);
    (live as unknown as { version: number }).version++;
    runFrame();
    expect(drawn).toEqual([live.version]);
  });
});

