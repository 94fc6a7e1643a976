import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useEffect } from 'react';
import './commands/editorCommands.ts';
import './commands/shareCommands.ts';
import './components/presenter/presenterCommands.ts';
import { Canvas } from './components/canvas/Canvas.tsx';
import { EmptyDashboard } from './components/charts/EmptyDashboard.tsx';
import { AutosaveBanner } from './components/common/AutosaveBanner.tsx';
import { ErrorBoundary } from './components/common/ErrorBoundary.tsx';
import { Notice } from './components/common/Notice.tsx';
import { ShortcutsDialogSlot } from './components/common/ShortcutsDialogSlot.tsx';
import { useShortcuts } from './components/common/useShortcuts.ts';
import { BottomPanel } from './components/layout/BottomPanel.tsx';
import { Header } from './components/layout/Header.tsx';
import { LessonPanelSlot } from './components/lessons/LessonPanelSlot.tsx';
import { PanelToggle } from './components/layout/PanelToggle.tsx';
import { Sidebar } from './components/layout/Sidebar.tsx';
import { usePhoneLayout } from './components/layout/usePhoneLayout.ts';
import { Palette } from './components/palette/Palette.tsx';
import { RunControls } from './components/run/RunControls.tsx';
import { RunMessage } from './components/run/RunMessage.tsx';
import { appStore, useAppStore } from './store/index.ts';

// The charts (and uPlot) load on first render of the panel, outside the initial bundle.
const Dashboard = lazy(() => import('./components/charts/Dashboard.tsx'));
const PresenterView = lazy(() => import('./components/presenter/PresenterView.tsx'));
const PhoneSettingsSheet = lazy(() => import('./components/layout/PhoneSettingsSheet.tsx').then((m) => ({ default: m.PhoneSettingsSheet })));

export function App() {
  useShortcuts(appStore);
  const paletteOpen = useAppStore((s) => s.paletteOpen);
  const sidebarOpen = useAppStore((s) => s.sidebarOpen);
  const presenting = useAppStore((s) => s.presenting);
  const phone = usePhoneLayout();
  const editable = useAppStore((s) => !s.readOnly);
  // The tab says which scenario it holds (a class keeps several open), as the header's name, which is cut short.
  const name = useAppStore((s) => s.doc.name);
  useEffect(() => {
    document.title = name.trim() ? `${name.trim()} · Serverless Playground` : 'Serverless Playground';
  }, [name]);
  if (presenting) {
    return (
      <ReactFlowProvider>
        <Suspense fallback={null}>
          <PresenterView />
        </Suspense>
        <ShortcutsDialogSlot />
        <Notice />
      </ReactFlowProvider>
    );
  }
  return (
    <ReactFlowProvider>
      <div className="flex h-full flex-col bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Header runControls={<RunControls />} />
        <div className="flex min-h-0 flex-1">
          {paletteOpen ? (
            <aside className="relative w-56 shrink-0 border-r border-slate-200 bg-slate-50 max-md:hidden dark:border-slate-800 dark:bg-slate-950" aria-label="Palette">
              <PanelToggle panel="palette" />
              <Palette />
            </aside>
          ) : (
            <div className="flex w-9 shrink-0 justify-center border-r border-slate-200 bg-slate-50 max-md:hidden dark:border-slate-800 dark:bg-slate-950">
              <PanelToggle panel="palette" />
            </div>
          )}
          <main className="flex min-w-0 flex-1 flex-col">
            <div className="relative flex min-h-0 flex-1 max-md:flex-col">
              <ErrorBoundary area="The lesson">
                <LessonPanelSlot />
              </ErrorBoundary>
              <div className="relative min-h-0 min-w-0 flex-1">
                <ErrorBoundary area="The canvas">
                  <Canvas />
                </ErrorBoundary>
                <RunMessage />
              </div>
            </div>
            <BottomPanel>
              <ErrorBoundary area="The charts">
                <Suspense fallback={<EmptyDashboard />}>
                  <Dashboard />
                </Suspense>
              </ErrorBoundary>
            </BottomPanel>
          </main>
          {phone ? (
            editable && (
              <Suspense fallback={null}>
                <PhoneSettingsSheet />
              </Suspense>
            )
          ) : sidebarOpen ? (
            <div className="relative flex shrink-0 max-md:hidden">
              <ErrorBoundary area="The side panel">
                <Sidebar />
              </ErrorBoundary>
            </div>
          ) : (
            <div className="flex w-9 shrink-0 justify-center border-l border-slate-200 bg-white max-md:hidden dark:border-slate-800 dark:bg-slate-900">
              <PanelToggle panel="sidebar" />
            </div>
          )}
        </div>
        <AutosaveBanner />
        <ShortcutsDialogSlot />
        <Notice />
      </div>
    </ReactFlowProvider>
  );
}
