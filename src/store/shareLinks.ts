import { encodeShare, fragmentParams, openShareValue, SHARE_PARAM, validateScenario, type OpenedLink, type SharePayload } from '../scenario/index.ts';
import { debounce, type KeyValueStorage } from './autosave.ts';
import type { AppState, AppStore } from './index.ts';
import { problemText } from './problemText.ts';

/**
 * Where this tab remembers the last fragments it wrote (one a line, newest last), so a reload is not mistaken for
 * a newly opened link. Not only the last: a reload right after an edit takes the address as it was, while the
 * write of the edit's link may still land in the page being left, so the tab's last write can be newer than the
 * fragment it reloads with.
 */
export const LAST_LINK_KEY = 'serverless-playground/share/last-written';
const WRITTEN_KEPT = 4;
export const URL_SYNC_DELAY_MS = 500;
/** Discord and many LMS fields cut links longer than this. */
export const CHAT_LINK_LIMIT = 2000;

/** The address bar as share links use it. */
export interface AddressBar {
  /** The fragment including "#", or "". */
  hash(): string;
  /** Replaces the fragment without a history entry ("" removes it). */
  replaceHash(hash: string): void;
  /** origin + path: what a link is built on. */
  base(): string;
}

export function sharePayload(s: AppState): SharePayload {
  const selected = s.selection.nodes.length === 1 ? s.selection.nodes[0] : undefined;
  // A speed the sharer never chose is left out: the receiver gets the same watchable default.
  const speed = s.run.speedAuto ? {} : { speed: s.run.speed === Infinity ? ('max' as const) : s.run.speed };
  const traffic = s.run.trafficScale !== 1 ? { traffic: s.run.trafficScale } : {};
  return { doc: s.doc, ...speed, ...traffic, ...(selected ? { selected } : {}) };
}

/** The fragment with `s` set to `value` (or removed), keeping other parameters such as `embed`. */
export function hashWith(hash: string, value: string | null): string {
  const params = fragmentParams(hash);
  params.delete(SHARE_PARAM);
  const parts = [...params].map(([k, v]) => (v === '' ? k : `${k}=${v}`));
  if (value !== null) parts.push(value);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** The `s=1....` fragment value for the current state, or a refusal when the document would not open. */
export async function currentLinkValue(s: AppState): Promise<{ ok: true; value: string } | { ok: false; message: string }> {
  const checked = validateScenario(s.doc);
  if (!checked.ok) {
    const first = checked.problems.find((p) => p.severity !== 'warning');
    return { ok: false, message: `fix the scenario first (${first ? problemText(s.doc, first) : 'it is not valid'}); a link to it would not open` };
  }
  return { ok: true, value: await encodeShare(sharePayload(s)) };
}

/**
 * Keeps the address bar's fragment equal to the current scenario (debounced, replaceState, so history is not
 * flooded); while the document does not validate the fragment is removed, so a reload opens the autosave
 * rather than an older link.
 */
export function startUrlSync(store: AppStore, bar: AddressBar, session: KeyValueStorage): () => void {
  let generation = 0;
  const write = async () => {
    const mine = ++generation;
    const r = await currentLinkValue(store.getState());
    if (mine !== generation) return;
    const hash = hashWith(bar.hash(), r.ok ? r.value : null);
    bar.replaceHash(hash);
    if (!r.ok) return;
    const value = r.value.slice(SHARE_PARAM.length + 1);
    try {
      const kept = [...writtenHere(session).filter((v) => v !== value), value].slice(-WRITTEN_KEPT);
      session.setItem(LAST_LINK_KEY, kept.join('\n'));
    } catch {
      // Session storage off: a reload then treats the fragment as a link, which opens the same document.
    }
  };
  const schedule = debounce(() => void write(), URL_SYNC_DELAY_MS);
  schedule();
  return store.subscribe((s, prev) => {
    if (s.doc !== prev.doc || s.selection !== prev.selection || s.run.speed !== prev.run.speed || s.run.trafficScale !== prev.run.trafficScale) schedule();
  });
}

/**
 * Opens the link in the fragment, if any, on top of what bootstrap opened (the autosave or the example):
 * as an undoable step, so the user's own work is one undo away. A link this tab wrote itself (a reload)
 * keeps the autosave, which is at least as new. A link that cannot be opened leaves everything as it was
 * and says why.
 */
export async function openLinkAtStart(store: AppStore, bar: AddressBar, session: KeyValueStorage, hadOwnWork: boolean): Promise<void> {
  await openLinkInAddress(store, bar, hadOwnWork, (value) => writtenHere(session).includes(value));
}

/**
 * A link pasted into the address bar of a tab that already shows the app changes only the fragment, so the page
 * does not reload: the link is opened here, on top of the work on screen as one undo step. The fragments this
 * tab writes itself use replaceState, which fires no `hashchange`.
 */
export async function openPastedLink(store: AppStore, bar: AddressBar): Promise<void> {
  await openLinkInAddress(store, bar, true, () => false);
}

async function openLinkInAddress(store: AppStore, bar: AddressBar, hadOwnWork: boolean, ownReload: (value: string) => boolean): Promise<void> {
  const value = fragmentParams(bar.hash()).get(SHARE_PARAM);
  if (value === undefined) return;
  const opened = await openShareValue(value);
  if (!opened.ok) {
    store.getState().notify(`This link could not be opened: ${opened.message}. ${hadOwnWork ? 'Your own work is open instead, unchanged.' : 'The example is open instead.'}`, 'error');
    return;
  }
  applyOpenedLink(store, opened, hadOwnWork, ownReload(value));
}

function applyOpenedLink(store: AppStore, opened: Extract<OpenedLink, { ok: true }>, hadOwnWork: boolean, ownReload: boolean): void {
  const s = store.getState;
  const same = JSON.stringify(opened.doc) === JSON.stringify(s().doc);
  if (!ownReload && !same) {
    s().loadDoc(opened.doc, { resetHistory: !hadOwnWork });
    const changed = opened.changes.length ? ` (changed: ${opened.changes.join('; ')})` : '';
    s().notify(`Opened the shared scenario "${opened.doc.name}"${changed}${hadOwnWork ? '; undo brings your own work back' : ''}`);
  }
  if (opened.speed !== undefined) s().setRunSpeed(opened.speed === 'max' ? Infinity : opened.speed);
  // A link without a multiplier was shared at 1×: a tab it is pasted into at 10× shows it as shared.
  if ((opened.traffic ?? 1) !== s().run.trafficScale) s().setTrafficScale(opened.traffic ?? 1);
  if (opened.selected && s().doc.nodes.some((n) => n.id === opened.selected)) s().select({ nodes: [opened.selected], edges: [] });
}

/**
 * Puts a text made from the scenario's link value on the clipboard and says so: `what` names it in the
 * messages ("link", "embed code"), `copied` words the toast, `instead` what to do when the browser refuses the
 * clipboard. Null when the scenario would not open from a link.
 */
export async function copyFromLink(
  store: AppStore,
  clipboard: { writeText(text: string): Promise<void> },
  what: string,
  make: (value: string) => string,
  copied: (text: string) => string,
  instead = '',
): Promise<string | null> {
  const s = store.getState;
  const r = await currentLinkValue(s());
  if (!r.ok) {
    s().notify(`The ${what} was not copied: ${r.message}.`, 'error');
    return null;
  }
  const text = make(r.value);
  try {
    await clipboard.writeText(text);
  } catch (e) {
    s().notify(`The browser did not allow copying (${e instanceof Error ? e.message : String(e)})${instead}.`, 'error');
    return text;
  }
  s().notify(copied(text));
  return text;
}

/** The Copy link button: the whole scenario as a link on the clipboard, and a toast saying so. */
export function copyShareLink(store: AppStore, bar: AddressBar, clipboard: { writeText(text: string): Promise<void> }): Promise<string | null> {
  return copyFromLink(store, clipboard, 'link', (value) => `${bar.base()}${hashWith(bar.hash(), value)}`, (link) => {
    const long = link.length > CHAT_LINK_LIMIT ? `; it is over ${CHAT_LINK_LIMIT.toLocaleString('en-US')}, which some chat apps cut` : '';
    const traffic = store.getState().run.trafficScale;
    const what = traffic !== 1 ? `this scenario, seed and speed, at ${traffic}× traffic` : 'this scenario, seed and speed';
    return `Link copied (${link.length.toLocaleString('en-US')} characters${long}). Anyone who opens it sees ${what}.`;
  }, '; copy the address bar instead, which holds the same link');
}

/** The fragments this tab wrote last (see LAST_LINK_KEY), oldest first; none when session storage is off. */
function writtenHere(session: KeyValueStorage): string[] {
  try {
    return (session.getItem(LAST_LINK_KEY) ?? '').split('\n').filter((v) => v !== '');
  } catch {
    return [];
  }
}
