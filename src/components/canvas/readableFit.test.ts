import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT as H, NODE_WIDTH as W } from '../../theme/sizes.ts';
import { fitViewport, READABLE_ZOOM, type Rect } from './readableFit.ts';

const pad = { top: 20, right: 20, bottom: 20, left: 60 };
const limits = { minZoom: READABLE_ZOOM, maxZoom: 1.25 };
const node = (x: number, y: number): Rect => ({ x, y, width: W, height: H });
/** Where a flow point lands on screen. */
const screen = (v: { x: number; y: number; zoom: number }, p: { x: number; y: number }) => ({ x: v.x + p.x * v.zoom, y: v.y + p.y * v.zoom });

describe('readable zoom to fit', () => {
  it('keeps node figures at 12 px and captions at 11 px: 12 px captions never below 11/12', () => {
    expect(READABLE_ZOOM).toBeCloseTo(11 / 12);
    expect(15 * READABLE_ZOOM).toBeGreaterThanOrEqual(12);
  });

  it('fits and centres a diagram that is readable whole', () => {
    const v = fitViewport({ width: 1000, height: 500 }, [node(0, 0), node(320, 0)], pad, limits);
    expect(v.zoom).toBeCloseTo(Math.min(920 / 560, 460 / 108, 1.25));
    const left = screen(v, { x: 0, y: 0 }).x;
    const right = screen(v, { x: 560, y: 0 }).x;
    expect(left - pad.left).toBeCloseTo(1000 - pad.right - right); // centred in the room between the paddings
  });

  it('a diagram too big to read whole stays at the readable zoom, its start at the left padding', () => {
    const chain = [0, 320, 640, 960, 1280].map((x) => node(x, 100));
    const v = fitViewport({ width: 736, height: 400 }, chain, pad, limits);
    expect(v.zoom).toBeCloseTo(READABLE_ZOOM);
    expect(screen(v, { x: 0, y: 100 }).x).toBeCloseTo(pad.left);
    // Vertically the single row fits, so it is centred.
    expect(screen(v, { x: 0, y: 100 + H / 2 }).y).toBeCloseTo(pad.top + (400 - pad.top - pad.bottom) / 2);
  });

  it('when it is too tall, centres on the entry column, without empty room above or below the diagram', () => {
    // The client is in the middle row of three.
    const rows = [node(0, 200), node(320, 0), node(320, 200), node(320, 400), node(640, 0), node(640, 400)];
    const v = fitViewport({ width: 1400, height: 300 }, rows, pad, limits);
    expect(v.zoom).toBeCloseTo(READABLE_ZOOM);
    expect(screen(v, { x: 0, y: 200 + H / 2 }).y).toBeCloseTo(pad.top + (300 - pad.top - pad.bottom) / 2);
    // A client at the top row: the diagram's top sits at the padding rather than leaving room above it.
    const top = [node(0, 0), node(320, 200), node(320, 400)];
    const t = fitViewport({ width: 1400, height: 300 }, top, pad, limits);
    expect(screen(t, { x: 0, y: 0 }).y).toBeCloseTo(pad.top);
    // And at the bottom row: the diagram's bottom at the bottom padding.
    const bottom = [node(0, 400), node(320, 0), node(320, 200)];
    const u = fitViewport({ width: 1400, height: 300 }, bottom, pad, limits);
    expect(screen(u, { x: 0, y: 400 + H }).y).toBeCloseTo(300 - pad.bottom);
  });

  it('without a floor (presenter mode) everything fits, however small', () => {
    const chain = [0, 320, 640, 960, 1280].map((x) => node(x, 100));
    const v = fitViewport({ width: 736, height: 400 }, chain, pad, { minZoom: 0, maxZoom: 1.25 });
    expect(v.zoom).toBeCloseTo((736 - 80) / 1520);
    expect(screen(v, { x: 1520, y: 0 }).x).toBeCloseTo(736 - pad.right);
  });

  it('an empty diagram or canvas leaves the view at 1:1', () => {
    expect(fitViewport({ width: 736, height: 400 }, [], pad, limits)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(fitViewport({ width: 0, height: 0 }, [node(0, 0)], pad, limits)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
