import { fragmentParams } from './scenario/index.ts';

/** `?embed` or `#embed` (alongside the share link: `#embed&s=1....`). */
export function isEmbedded(loc: { search: string; hash: string }): boolean {
  return new URLSearchParams(loc.search).has('embed') || fragmentParams(loc.hash).has('embed');
}

/** The same address without `embed`: the full playground on the same scenario. */
export function playgroundUrl(loc: { origin: string; pathname: string; search: string; hash: string }): string {
  const search = new URLSearchParams(loc.search);
  search.delete('embed');
  const params = fragmentParams(loc.hash);
  params.delete('embed');
  const hash = [...params].map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&');
  const query = search.toString();
  return `${loc.origin}${loc.pathname}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}
