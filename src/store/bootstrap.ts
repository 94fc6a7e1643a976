import { isDocShape, loadDoc, saveDoc, debounce, setAsideUnreadable, type KeyValueStorage } from './autosave.ts';
import { emptyDoc, type Doc } from './doc.ts';
import { spreadOut } from './docOps.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../theme/sizes.ts';
import type { AppStore } from './index.ts';
import type { Theme } from './uiSlice.ts';

const THEME_KEY = 'serverless-playground/theme';

// The example is optional at build time: Vite's glob returns nothing when the file is absent.
const examples = import.meta.glob<unknown>('../../examples/api-lambda.json', { eager: true, import: 'default' });

export function exampleDoc(): Doc {
  const example = Object.values(examples)[0];
  if (!isDocShape(example)) return emptyDoc('API + Lambda');
  return spreadOut(structuredClone(example), { width: NODE_WIDTH, height: NODE_HEIGHT }, 72);
}

/** Opens the autosaved document (or the example), restores the theme, and saves every change. */
export function bootstrapStore(store: AppStore, storage: KeyValueStorage = window.localStorage): void {
  const saved = loadDoc(storage);
  const setAside = saved ? null : setAsideUnreadable(storage);
  store.getState().loadDoc(saved ?? exampleDoc(), { resetHistory: true });
  if (setAside) store.getState().notify(setAside, 'error');
  const theme = storage.getItem(THEME_KEY) as Theme | null;
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  store.getState().setTheme(theme === 'dark' || theme === 'light' ? theme : prefersDark ? 'dark' : 'light');

  const save = debounce((doc: Doc) => saveDoc(storage, doc), 400);
  store.subscribe((s, prev) => {
    if (s.doc !== prev.doc) save(s.doc);
    if (s.theme !== prev.theme) {
      storage.setItem(THEME_KEY, s.theme);
      applyTheme(s.theme);
    }
  });
  applyTheme(store.getState().theme);
  window.addEventListener('beforeunload', () => saveDoc(storage, store.getState().doc));
}

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
  document.documentElement.style.colorScheme = theme;
}
