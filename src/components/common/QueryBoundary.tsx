import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** Data loaded on demand (the examples and lessons galleries); nothing here refetches on its own. */
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } } });

/**
 * The query cache for what loads asynchronously. Only the lazily loaded dialogs render it, so react-query is
 * not in the initial bundle; they share one client, so a gallery opened twice loads once.
 */
export function QueryBoundary({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
