import { emptyDoc, positionOf, type DocNode } from '../store/doc.ts';
import type { AppStore } from '../store/index.ts';
import { layoutPositions } from './autoLayout.ts';
import { exportDocFile, importDocFile } from './files.ts';
import { registerCommands, type Command } from './registry.ts';
import { viewBridge } from './viewBridge.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../theme/sizes.ts';

const hasSelection = (s: { selection: { nodes: string[]; edges: string[] } }) =>
  s.selection.nodes.length + s.selection.edges.length > 0;

export async function autoLayout(store: AppStore): Promise<void> {
  const positions = await layoutPositions(store.getState().doc);
  store.getState().moveNodes(positions);
  store.getState().requestFit();
}

/** Room kept around a node that click-to-add places, so its edges and labels stay readable. */
const ADD_GAP = 24;

/**
 * The free spot nearest to `wanted` (top-left corner) where a new node overlaps no existing one: tried on
 * rings of grid steps around it, right and down first.
 */
export function freeSpot(nodes: readonly DocNode[], wanted: { x: number; y: number }): { x: number; y: number } {
  const boxes = nodes.map(positionOf);
  const free = (p: { x: number; y: number }) =>
    boxes.every((b) => Math.abs(b.x - p.x) >= NODE_WIDTH + ADD_GAP || Math.abs(b.y - p.y) >= NODE_HEIGHT + ADD_GAP);
  const stepX = (NODE_WIDTH + ADD_GAP) / 2;
  const stepY = (NODE_HEIGHT + ADD_GAP) / 2;
  for (let ring = 0; ring <= 40; ring++)
    for (let dy = 0; dy <= ring; dy++)
      for (const [sx, sy] of [[1, 1], [-1, 1], [1, -1], [-1, -1]] as const) {
        const dx = ring;
        for (const [ix, iy] of [[dx, dy], [dy, dx]] as const) {
          const p = { x: Math.round(wanted.x + sx * ix * stepX), y: Math.round(wanted.y + sy * iy * stepY) };
          if (free(p)) return p;
        }
      }
  return wanted;
}

/** Adds a node of `type` at the centre of the view (click-to-add from the palette), never on top of another. */
export function addNodeAtCenter(store: AppStore, type: string): string | null {
  const c = viewBridge.center();
  const spot = freeSpot(store.getState().doc.nodes, { x: c.x - NODE_WIDTH / 2, y: c.y - NODE_HEIGHT / 2 });
  return store.getState().addNode(type, spot);
}

export const EDITOR_COMMANDS: readonly Command[] = [
  {
    id: 'undo',
    label: 'Undo',
    shortcut: 'Mod+Z',
    perform: (s) => s.getState().undo(),
    enabled: (s) => s.history.past.length > 0,
  },
  {
    id: 'redo',
    label: 'Redo',
    shortcut: 'Mod+Shift+Z / Mod+Y',
    perform: (s) => s.getState().redo(),
    enabled: (s) => s.history.future.length > 0,
  },
  { id: 'delete', label: 'Delete', shortcut: 'Delete / Backspace', perform: (s) => s.getState().deleteSelection(), enabled: hasSelection },
  {
    id: 'duplicate',
    label: 'Duplicate',
    shortcut: 'Mod+D',
    perform: (s) => s.getState().duplicateSelection(),
    enabled: (s) => s.selection.nodes.length > 0,
  },
  {
    id: 'copy',
    label: 'Copy',
    shortcut: 'Mod+C',
    perform: (s) => s.getState().copySelection(),
    enabled: (s) => s.selection.nodes.length > 0,
  },
  { id: 'paste', label: 'Paste', shortcut: 'Mod+V', perform: (s) => s.getState().paste(), enabled: (s) => s.clipboard !== null },
  { id: 'select-all', label: 'Select all', shortcut: 'Mod+A', perform: (s) => s.getState().selectAll() },
  { id: 'clear-selection', label: 'Clear selection', shortcut: 'Escape', perform: (s) => s.getState().clearSelection() },
  {
    id: 'auto-layout',
    label: 'Auto-layout',
    shortcut: 'Shift+L',
    perform: (s) => void autoLayout(s),
    enabled: (s) => s.doc.nodes.length > 0,
  },
  {
    id: 'show-advisor',
    label: 'Show design advisor',
    shortcut: 'Shift+A',
    perform: (s) => s.getState().setSidebarTab(s.getState().sidebarTab === 'advisor' ? 'inspector' : 'advisor'),
  },
  { id: 'zoom-to-fit', label: 'Zoom to fit', shortcut: 'Shift+1', perform: (s) => s.getState().requestFit() },
  { id: 'toggle-palette', label: 'Show or hide the services panel', shortcut: '[', perform: (s) => s.getState().togglePanel('palette') },
  { id: 'toggle-sidebar', label: 'Show or hide the inspector panel', shortcut: ']', perform: (s) => s.getState().togglePanel('sidebar') },
  { id: 'show-shortcuts', label: 'Keyboard shortcuts', shortcut: '?', perform: (s) => s.getState().setShortcutsOpen(!s.getState().shortcutsOpen) },
  {
    id: 'toggle-theme',
    label: 'Toggle dark theme',
    shortcut: 'Shift+D',
    perform: (s) => s.getState().setTheme(s.getState().theme === 'dark' ? 'light' : 'dark'),
  },
  {
    id: 'new-scenario',
    label: 'New scenario',
    perform: (s) => {
      s.getState().loadDoc(emptyDoc());
      s.getState().notify('New scenario (undo brings the previous one back)');
    },
  },
  { id: 'import', label: 'Open JSON file…', shortcut: 'Mod+O', perform: (s) => void importDocFile(s) },
  { id: 'export', label: 'Save as JSON file', shortcut: 'Mod+S', perform: (s) => exportDocFile(s.getState().doc) },
];

registerCommands(EDITOR_COMMANDS);
