import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createLessonSlice, type LessonSlice } from './lessonSlice.ts';
import { createPresenterSlice, type PresenterSlice } from './presenterSlice.ts';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice.ts';
import { createSimulationSlice, type SimulationSlice } from './simulationSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';

/** The app's one store, built from slices. RUN adds the simulation slice here (one line in each place). */
export type AppState = ScenarioSlice & UiSlice & SimulationSlice & LessonSlice & PresenterSlice;

export type AppStore = StoreApi<AppState>;

export function createAppStore(): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createScenarioSlice(...a),
    ...createUiSlice(...a),
    ...createSimulationSlice(...a),
    ...createLessonSlice(...a),
    ...createPresenterSlice(...a),
  }));
}

export const appStore: AppStore = createAppStore();

/** Subscribe to a narrow slice of the store; pair with useShallow for objects and arrays. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector);
}
