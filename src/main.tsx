import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { installFileBridge } from './commands/files.ts';
import { browserFiles } from './components/common/browserFiles.ts';
import { ErrorBoundary } from './components/common/ErrorBoundary.tsx';
import { bootstrapStore } from './store/bootstrap.ts';
import { appStore } from './store/index.ts';
import './index.css';

installFileBridge(browserFiles);

/** Data loaded on demand (the examples gallery); nothing here refetches on its own. */
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });

// A share link decodes in a few milliseconds; rendering after it avoids drawing the autosave first.
void bootstrapStore(appStore).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary area="The playground">
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </ErrorBoundary>
    </StrictMode>,
  );
});
