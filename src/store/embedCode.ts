import type { AppStore } from './index.ts';
import { copyFromLink, hashWith, type AddressBar } from './shareLinks.ts';

/** The embed's size: the diagram and a row of charts fit it, as in a course page's column. */
export const EMBED_WIDTH = 800;
export const EMBED_HEIGHT = 500;

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An iframe that shows the scenario of `linkValue` (`s=1....`, currentLinkValue's) read-only (the `?embed` view), titled with the scenario's name. */
export function embedCode(base: string, linkValue: string, name: string): string {
  const src = `${base}?embed${hashWith('', linkValue)}`;
  const title = `${name} (serverless-playground)`;
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>`;
}

/** Export > Embed code: the iframe for this scenario on the clipboard, and a toast saying so. */
export function copyEmbedCode(store: AppStore, bar: AddressBar, clipboard: { writeText(text: string): Promise<void> }): Promise<string | null> {
  return copyFromLink(
    store,
    clipboard,
    'embed code',
    (value) => embedCode(bar.base(), value, store.getState().doc.name),
    () => `Embed code copied: paste it into a web page or a course page to show this scenario read-only, with Run (${EMBED_WIDTH}x${EMBED_HEIGHT}; change width and height to suit).`,
  );
}
