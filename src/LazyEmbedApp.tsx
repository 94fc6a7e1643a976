import { lazy, Suspense } from 'react';

const EmbedApp = lazy(() => import('./EmbedApp.tsx').then((m) => ({ default: m.EmbedApp })));

/** The embed's view (?embed), a chunk of its own so the playground's initial bundle does not carry it. */
export function LazyEmbedApp() {
  return (
    <Suspense fallback={null}>
      <EmbedApp />
    </Suspense>
  );
}
