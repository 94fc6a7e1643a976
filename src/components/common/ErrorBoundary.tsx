import { Component, type ErrorInfo, type ReactNode } from 'react';
import { exportDocFile } from '../../commands/files.ts';
import { appStore } from '../../store/index.ts';

interface Props {
  /** What this boundary guards, for the message ("The charts"). */
  area: string;
  children: ReactNode;
}

/**
 * Keeps the rest of the app usable when one part throws while rendering: that part shows what went wrong,
 * a button to download the scenario as JSON (the document lives in the store, untouched by the failure)
 * and one to try drawing it again.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`${this.props.area} failed`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" data-testid="error-boundary" className="m-3 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        <div className="font-semibold">{this.props.area} stopped with an error</div>
        <p className="mt-1 break-words">{error.message}</p>
        <p className="mt-1">Your scenario is not lost: download it, then try again or reload the page.</p>
        <div className="mt-3 flex gap-2">
          <button type="button" className="rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800" onClick={() => exportDocFile(appStore.getState().doc)}>
            Download the scenario (JSON)
          </button>
          <button type="button" className="rounded-md border border-red-400 px-3 py-1.5 font-medium hover:bg-red-100 dark:hover:bg-red-900" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
