import { browserEnv } from '../../store/bootstrap.ts';
import type { AppStore } from '../../store/index.ts';
import { fileBridge, fileNameFor } from '../files.ts';
import { registerCommands } from '../registry.ts';

/** The canvas's drawing layer, found when an image is exported (the canvas installs nothing for this). */
function viewportElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow__viewport');
}

/**
 * Resolves once the canvas has drawn every node and edge of the document (it draws only those in view until
 * `drawingAll` is set), or after a second at most.
 */
async function everythingDrawn(el: HTMLElement, nodes: number, edges: number): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < 1000) {
    if (el.querySelectorAll('.react-flow__node').length >= nodes && el.querySelectorAll('.react-flow__edge').length >= edges) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

async function exportDiagram(store: AppStore, format: 'png' | 'svg'): Promise<void> {
  const s = store.getState();
  const el = viewportElement();
  if (!el) return s.notify('The diagram could not be exported: the canvas is not on screen', 'error');
  s.setDrawingAll(true);
  try {
    const { diagramImage } = await import('./diagramImage.ts');
    await everythingDrawn(el, s.doc.nodes.length, s.doc.edges.length);
    const url = await diagramImage(el, s.doc, format, s.theme === 'dark' ? '#020617' : '#ffffff');
    fileBridge().saveDataUrl(fileNameFor(s.doc, `.${format}`), url);
  } catch (e) {
    s.notify(`The diagram could not be exported: ${e instanceof Error ? e.message : String(e)}`, 'error');
  } finally {
    store.getState().setDrawingAll(false);
  }
}

async function exportRun(store: AppStore, format: 'csv' | 'json'): Promise<void> {
  const s = store.getState();
  const result = await s.runResult();
  if (!result) return s.notify('Run the simulation first: there are no metrics to export yet', 'error');
  const partial = s.run.status === 'done' ? '' : ` (the run so far: ${result.simulatedSeconds} s)`;
  // The CSV writer loads on first use: the initial bundle has a budget (README).
  if (format === 'csv') fileBridge().save(fileNameFor(s.doc, '-metrics.csv'), (await import('./resultCsv.ts')).resultCsv(result), 'text/csv');
  else fileBridge().save(fileNameFor(s.doc, '-result.json'), `${JSON.stringify(result, null, 2)}\n`);
  s.notify(`Exported the ${format === 'csv' ? 'metrics as CSV' : 'result document'}${partial}`);
}

registerCommands([
  { id: 'export-png', label: 'Diagram as PNG', perform: (s) => void exportDiagram(s, 'png'), enabled: (s) => s.doc.nodes.length > 0 },
  { id: 'export-svg', label: 'Diagram as SVG', perform: (s) => void exportDiagram(s, 'svg'), enabled: (s) => s.doc.nodes.length > 0 },
  { id: 'export-csv', label: 'Metrics as CSV', perform: (s) => void exportRun(s, 'csv'), enabled: (s) => s.run.status !== 'idle' },
  {
    id: 'export-embed',
    label: 'Embed code (an iframe for a web page)',
    perform: (s) => void import('../../store/embedCode.ts').then((m) => m.copyEmbedCode(s, browserEnv().bar, navigator.clipboard)),
    enabled: (s) => s.doc.nodes.length > 0,
  },
  { id: 'export-result', label: 'Result as JSON (the runner’s format)', perform: (s) => void exportRun(s, 'json'), enabled: (s) => s.run.status !== 'idle' },
]);
