import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { LazyEmbedApp } from './LazyEmbedApp.tsx';
import { isEmbedded } from './embedMode.ts';
import { installFileBridge } from './commands/files.ts';
import { browserFiles } from './components/common/browserFiles.ts';
import { ErrorBoundary } from './components/common/ErrorBoundary.tsx';
import { bootstrapStore, browserEnv } from './store/bootstrap.ts';
import { appStore } from './store/index.ts';
import { browserServiceWorkerHost } from './store/browserServiceWorker.ts';
import { registerServiceWorkerBetweenRuns } from './store/serviceWorker.ts';
import './index.css';

installFileBridge(browserFiles);
// The dev server has no sw.js (vite-plugin-pwa builds it): only a built app registers one.
if (import.meta.env.PROD) registerServiceWorkerBetweenRuns(appStore, browserServiceWorkerHost(), import.meta.env.BASE_URL);

const embedded = isEmbedded(window.location);
if (embedded) appStore.getState().setReadOnly(true);

// A share link decodes in a few milliseconds; rendering after it avoids drawing the autosave first.
void bootstrapStore(appStore, { ...browserEnv(), readOnly: embedded }).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary area="The playground">
        {embedded ? <LazyEmbedApp /> : <App />}
      </ErrorBoundary>
    </StrictMode>,
  );
});
