import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveIndex } from '../../live/useLiveIndex.ts';
import { findServiceKind } from '../../sim/services/registry.ts';
import { loadTheories } from '../../sim/services/theory.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { NodeViewTabs, type NodeViewTab } from '../workflow/NodeViewTabs.tsx';
import { headlineCharts, nodeCharts } from './chartLayout.ts';
import { prepareChartTheory } from './chartTheory.ts';
import { EmptyDashboard } from './EmptyDashboard.tsx';
import { LiveChart } from './LiveChart.tsx';

/**
 * The charts panel: the selected node's own metrics first when a node is selected, and the whole system's
 * headline metrics. It scrolls back to the top when the selection or the run (reset, another example)
 * changes. Loaded lazily (with uPlot) so neither is in the initial bundle.
 */
export default function Dashboard() {
  useEffect(
    () =>
      whenIdle(() => {
        void loadTheories();
        prepareChartTheory(appStore.getState().doc);
      }),
    [],
  );
  const selected = useAppStore((s) => (s.selection.nodes.length === 1 ? s.selection.nodes[0] : null));
  const selectedType = useAppStore((s) => (selected ? s.doc.nodes.find((n) => n.id === selected)?.type : undefined));
  const view = selectedType ? findServiceKind(selectedType)?.workflow : undefined;
  const [tab, setTab] = useState<NodeViewTab>('charts');
  if (!view || !selected) return <Charts selected={selected} />;
  return (
    <NodeViewTabs nodeId={selected} view={view} tab={tab} onTab={setTab}>
      <Charts selected={selected} />
    </NodeViewTabs>
  );
}

/**
 * Runs `work` once the page is idle (in a second at the latest), before the user presses Run: the charts' theory
 * lines need every kind's theory module and the document validated, which took 25 to 30 ms and 15 to 20 ms within
 * the task that first showed the charts. Returns the cancel.
 */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 1000);
  return () => clearTimeout(id);
}

function Charts({ selected }: { selected: string | null }) {
  const index = useLiveIndex();
  const dark = useAppStore((s) => s.theme === 'dark');
  const headline = useMemo(() => (index ? headlineCharts(index) : []), [index]);
  const node = index && selected ? index.nodes.find((n) => n.id === selected) : undefined;
  const perNode = useMemo(() => (index && node ? nodeCharts(node, index) : []), [index, node]);

  const scroller = useRef<HTMLDivElement>(null);
  const scrolled = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const el = scroller.current;
    // A panel that has just appeared is at the top already. Scrolling it would force a layout of every chart it
    // has just added, within the task that added them (80 ms when Run first shows the charts, bench:browser).
    if (el !== scrolled.current) scrolled.current = el;
    else el?.scrollTo({ top: 0 });
  }, [selected, index?.generation]);

  if (!index) return <EmptyDashboard />;
  return (
    <div ref={scroller} className="flex h-full flex-col overflow-y-auto p-3" data-testid="dashboard">
      <section aria-label="System metrics" className={node ? 'order-2 mt-4' : ''}>
        <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Whole system</h2>
        <div className="grid grid-cols-[repeat(auto-fill,minmax(300px,1fr))] gap-3">
          {headline.map((spec) => (
            <LiveChart key={spec.id} spec={spec} dark={dark} />
          ))}
        </div>
      </section>
      <section aria-label="Selected node metrics" className={node ? 'order-1' : 'mt-4'}>
        {node ? (
          <>
            <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
              {node.id} <span className="font-normal normal-case">({node.label})</span>
            </h2>
            <div className="grid grid-cols-[repeat(auto-fill,minmax(300px,1fr))] gap-3">
              {perNode.map((spec) => (
                <LiveChart key={spec.id} spec={spec} dark={dark} />
              ))}
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {selected ? `${selected} is not in the running scenario: press Reset to include it.` : 'Select a node to see its own metrics.'}
          </p>
        )}
      </section>
    </div>
  );
}
