import type { AppStore } from '../../store/index.ts';

/** Below this window width the palette, the lesson panel and the inspector leave the canvas too little room. */
const ROOMY_WIDTH = 1500;

/** Collapses the palette on a narrow window when a lesson opens (the inspector is what a lesson needs). */
export function makeRoomForLesson(store: AppStore, width = typeof window === 'undefined' ? Infinity : window.innerWidth): void {
  const s = store.getState();
  if (width < ROOMY_WIDTH && s.paletteOpen) s.togglePanel('palette');
}
