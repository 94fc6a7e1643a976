import { describe, expect, it } from 'vitest';
import { isEmbedded, playgroundUrl } from './embedMode.ts';

describe('embed mode', () => {
  it('is on with ?embed or #embed, beside a share link', () => {
    expect(isEmbedded({ search: '?embed', hash: '' })).toBe(true);
    expect(isEmbedded({ search: '', hash: '#embed&s=1.abc' })).toBe(true);
    expect(isEmbedded({ search: '?x=1', hash: '#s=1.abc' })).toBe(false);
  });

  it('links to the full playground on the same scenario', () => {
    const loc = { origin: 'https://p.example', pathname: '/app/', search: '?embed&lang=en', hash: '#embed&s=1.abc' };
    expect(playgroundUrl(loc)).toBe('https://p.example/app/?lang=en#s=1.abc');
    expect(playgroundUrl({ ...loc, search: '?embed', hash: '#s=1.abc' })).toBe('https://p.example/app/#s=1.abc');
  });
});
