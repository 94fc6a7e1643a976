import { fragmentParams, isEdgeIdChange, restoreScenario } from '../scenario/index.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../theme/sizes.ts';
import { readAutosave, setAsideUnreadable, type KeyValueStorage } from './autosave.ts';
import { startAutosave, type WindowEvents } from './autosaveSession.ts';
import { emptyDoc, type Doc } from './doc.ts';
import { spreadOut } from './docOps.ts';
import { LESSON_PARAM, startLessonUrlSync } from '../lessons/lessonUrl.ts';
import type { AppStore } from './index.ts';
import { openLinkAtStart, openPastedLink, startUrlSync, type AddressBar } from './shareLinks.ts';
import type { Theme } from './uiSlice.ts';

const THEME_KEY = 'serverless-playground/theme';

// The example is optional at build time: Vite's glob returns nothing when the file is absent.
const examples = import.meta.glob<unknown>('../../examples/api-lambda.json', { eager: true, import: 'default' });

export function exampleDoc(): Doc {
  const r = restoreScenario({ value: Object.values(examples)[0] });
  if (!r.ok) return emptyDoc('API + Lambda');
  return spreadOut(r.doc, { width: NODE_WIDTH, height: NODE_HEIGHT }, 72);
}

export interface BrowserEnv {
  storage: KeyValueStorage;
  session: KeyValueStorage;
  bar: AddressBar;
  events: WindowEvents;
  /** Embedded pages neither autosave nor rewrite the address (they show someone else's scenario). */
  readOnly?: boolean;
  /** Calls `listener` when the address's fragment changes without a reload (a link pasted into this tab). */
  onHashChange?(listener: () => void): void;
}

export function browserEnv(): BrowserEnv {
  return {
    storage: window.localStorage,
    session: window.sessionStorage,
    bar: {
      hash: () => window.location.hash,
      replaceHash: (hash) => history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`),
      base: () => `${location.origin}${location.pathname}${location.search}`,
    },
    events: window,
    onHashChange: (listener) => window.addEventListener('hashchange', listener),
  };
}

/**
 * Opens the autosaved work (or the example), then a share link in the address if there is one, restores
 * the theme, and from then on autosaves every change and keeps the address's link current.
 */
export async function bootstrapStore(store: AppStore, env: BrowserEnv = browserEnv()): Promise<void> {
  const { storage } = env;
  // An embedded page shows the link's scenario (or the example), never this browser's own autosave.
  const saved = env.readOnly ? ({ kind: 'none' } as const) : readAutosave(storage);
  const setAside = saved.kind === 'unreadable' ? setAsideUnreadable(storage) : null;
  store.getState().loadDoc(saved.kind === 'ok' ? saved.doc : exampleDoc(), { resetHistory: true });
  if (setAside) store.getState().notify(setAside, 'error');
  else if (saved.kind === 'ok') {
    const worthSaying = saved.changes.filter((c) => !isEdgeIdChange(c));
    if (worthSaying.length) store.getState().notify(`Your autosaved work was opened with changes: ${worthSaying.join('; ')}`);
  }

  await openLinkAtStart(store, env.bar, env.session, saved.kind === 'ok');
  if (!env.readOnly) await openLessonLink(store, env.bar);
  else await openLessonScenario(store, env.bar);
  if (env.readOnly && store.getState().notice?.tone === 'info') store.getState().dismissNotice();

  let theme: string | null;
  try {
    theme = storage.getItem(THEME_KEY);
  } catch {
    theme = null;
  }
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  store.getState().setTheme(theme === 'dark' || theme === 'light' ? (theme) : prefersDark ? 'dark' : 'light');
  store.subscribe((s, prev) => {
    if (s.theme === prev.theme) return;
    try {
      storage.setItem(THEME_KEY, s.theme);
    } catch {
      // The theme is a preference; failing to keep it needs no message.
    }
    applyTheme(s.theme);
  });
  applyTheme(store.getState().theme);
  if (env.readOnly) return;
  startAutosave(store, storage, env.events);
  startUrlSync(store, env.bar, env.session);
  startLessonUrlSync(store, env.bar);
  env.onHashChange?.(() => void openPastedLink(store, env.bar).then(() => openLessonLink(store, env.bar)));
}

/** A `lesson` parameter in the address opens that lesson (its format, checks and commands load only then). */
async function openLessonLink(store: AppStore, bar: AddressBar): Promise<void> {
  const id = fragmentParams(bar.hash()).get(LESSON_PARAM);
  if (id === undefined || store.getState().lesson?.id === id) return;
  const [{ openLessonLinkAtStart }, { fetchLesson }] = await Promise.all([import('../lessons/lessonLinks.ts'), import('../lessons/lessonSource.ts')]);
  await openLessonLinkAtStart(store, bar, (id) => fetchLesson(id));
}

/** An embedded page given a lesson link shows that lesson's starting scenario (it has no lesson panel). */
async function openLessonScenario(store: AppStore, bar: AddressBar): Promise<void> {
  if (fragmentParams(bar.hash()).get(LESSON_PARAM) === undefined) return;
  const [{ openLessonScenarioAtStart }, { fetchLesson }] = await Promise.all([import('../lessons/lessonLinks.ts'), import('../lessons/lessonSource.ts')]);
  await openLessonScenarioAtStart(store, bar, (id) => fetchLesson(id));
}

export function applyTheme(theme: Theme): void {
  if (typeof document === 'undefined') return;
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.style.colorScheme = theme;
}
