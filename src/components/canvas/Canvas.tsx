import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { openDroppedFile } from '../../commands/files.ts';
import { installViewBridge } from '../../commands/viewBridge.ts';
import { connectionRule } from '../../scenario/index.ts';
import { findServiceKind } from '../../sim/services/registry.ts';
import { positionOf, type DocNode } from '../../store/doc.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { GRID, NODE_HEIGHT, NODE_WIDTH } from '../../theme/sizes.ts';
import { ServiceNode } from '../nodes/ServiceNode.tsx';
import { checkConnection, type SourceHandle } from './connectionCheck.ts';
import { FlowEdge } from './FlowEdge.tsx';
import { createEdgeDeriver, createNodeDeriver, type ServiceFlowEdge, type ServiceFlowNode } from './flowElements.ts';
import { PALETTE_MIME } from './dragData.ts';
import { OffscreenHints } from './OffscreenHints.tsx';
import { FIT_PADDING, MINIMAP, controlsFit, fitPadding, hasMinimapRoom, minimapFits, overflows } from './overlayLayout.ts';
import { boundsOf, fitViewport, READABLE_ZOOM } from './readableFit.ts';
import { spreadFactor, spreadRects } from './spreadToFill.ts';
import { useElementSize } from './useElementSize.ts';

const nodeTypes = { service: ServiceNode };
const edgeTypes = { flow: FlowEdge };
const snapGrid: [number, number] = [GRID, GRID];
const proOptions = { hideAttribution: true };
/** A node dropped from the palette lands at least this far inside the canvas's edges (screen px). */
const DROP_MARGIN_PX = 12;
/** The line drawn while connecting: as strong as an edge, in both themes (React Flow's default is a faint grey). */
const connectionLine = {
  light: { stroke: '#475569', strokeWidth: 2.5 },
  dark: { stroke: '#cbd5e1', strokeWidth: 2.5 },
};
const MAX_FIT_ZOOM = 1.25;
const minimapStyle = MINIMAP;

interface Refusal {
  text: string;
  x: number;
  y: number;
}

/**
 * The architecture canvas: React Flow over the store's document (the document is the source of truth). Zoom to
 * fit keeps figures readable and leaves the rest to panning. `presenting` (presenter mode) shows the whole
 * diagram, its type sized against the zoom instead (presenter.css), widened into spare width (spreadToFill.ts),
 * with no minimap and nothing to drag, drop or connect.
 */
export function Canvas({ presenting = false }: { presenting?: boolean }) {
  const minFitZoom = presenting ? 0 : READABLE_ZOOM;
  const flow = useReactFlow<ServiceFlowNode, ServiceFlowEdge>();
  const { docNodes, docEdges, selNodes, selEdges, theme, fitRequest, readOnly, drawingAll } = useAppStore(
    useShallow((s) => ({
      docNodes: s.doc.nodes,
      docEdges: s.doc.edges,
      selNodes: s.selection.nodes,
      selEdges: s.selection.edges,
      theme: s.theme,
      fitRequest: s.fitRequest,
      readOnly: s.readOnly,
      drawingAll: s.drawingAll,
    })),
  );
  // One deriver (and its cache of React Flow objects) per canvas for its whole life; useMemo may forget.
  const [deriveNodes] = useState(createNodeDeriver);
  const [deriveEdges] = useState(createEdgeDeriver);
  const wrapper = useRef<HTMLDivElement>(null);
  const size = useElementSize(wrapper);
  const spread = useMemo(() => presenterSpread(presenting, docNodes, size), [presenting, docNodes, size]);
  const nodes = useMemo(
    () => spreadRects(deriveNodes(docNodes, new Set(selNodes)), spread.k, spread.left),
    [deriveNodes, docNodes, selNodes, spread],
  );
  const typeOf = useMemo(() => new Map(docNodes.map((n) => [n.id, n.type])), [docNodes]);
  const edges = useMemo(
    () =>
      deriveEdges(docEdges, new Set(selEdges), (e) => {
        const r = connectionRule(typeOf.get(e.from) ?? '', typeOf.get(e.to) ?? '');
        return r.ok ? { role: r.role, severalRoles: false } : { role: r.roles?.[0], severalRoles: (r.roles?.length ?? 0) > 1 };
      }),
    [deriveEdges, docEdges, selEdges, typeOf],
  );
  const dragId = useRef(0);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const fitted = useRef(true);
  // A diagram too big to show whole at a readable zoom beside the minimap is fitted without room for it (and
  // may overflow); the minimap would cover part of it, so it waits until the user pans or zooms (then it is the
  // way around the diagram).
  const [overflowAtFit, setOverflowAtFit] = useState(false);
  // Readable first (figures at least READABLE_PX on screen), with room for the minimap where it is shown.
  const fit = useCallback(
    (duration?: number) => {
      const el = wrapper.current;
      if (!el) return;
      const canvas = { width: el.clientWidth, height: el.clientHeight };
      const rects = flow.getNodes().map((n) => ({ ...n.position, width: n.width ?? NODE_WIDTH, height: n.height ?? NODE_HEIGHT }));
      const bounds = flow.getNodesBounds(flow.getNodes());
      const padding = presenting ? FIT_PADDING : fitPadding(canvas, bounds, minFitZoom);
      const viewport = fitViewport(canvas, rects, padding, { minZoom: minFitZoom, maxZoom: MAX_FIT_ZOOM });
      setOverflowAtFit(!hasMinimapRoom(padding) || overflows(bounds, viewport.zoom, canvas, padding));
      void flow.setViewport(viewport, { duration });
    },
    [flow, minFitZoom, presenting],
  );

  useEffect(
    () =>
      installViewBridge({
        fitView: () => {
          fitted.current = true;
          fit(250);
        },
        center: () => {
          const r = wrapper.current?.getBoundingClientRect();
          return r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
        },
        showNode: (id) => {
          const node = flow.getInternalNode(id);
          const r = wrapper.current?.getBoundingClientRect();
          if (!node || !r) return;
          const { x, y } = node.internals.positionAbsolute;
          const width = node.measured.width ?? NODE_WIDTH;
          const height = node.measured.height ?? NODE_HEIGHT;
          const topLeft = flow.flowToScreenPosition({ x, y });
          const bottomRight = flow.flowToScreenPosition({ x: x + width, y: y + height });
          if (topLeft.x >= r.left && topLeft.y >= r.top && bottomRight.x <= r.right && bottomRight.y <= r.bottom) return;
          fitted.current = false;
          void flow.setCenter(x + width / 2, y + height / 2, { zoom: flow.getZoom(), duration: 300 });
        },
      }),
    [flow, fit],
  );

  // While the user has not panned or zoomed since the last fit, the view follows the canvas size, so a
  // taller charts panel or a narrower window never cuts the diagram off.
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (!event) return;
    fitted.current = false;
    setOverflowAtFit(false);
  }, []);

  useEffect(() => {
    if (fitRequest === 0) return;
    fitted.current = true;
    const t = requestAnimationFrame(() => fit(250));
    return () => cancelAnimationFrame(t);
  }, [fitRequest, fit]);

  useEffect(() => {
    if (!refusal) return;
    const t = setTimeout(() => setRefusal(null), 4000);
    return () => clearTimeout(t);
  }, [refusal]);

  const onNodesChange = useCallback((changes: NodeChange<ServiceFlowNode>[]) => {
    const s = appStore.getState();
    const moved = new Map<string, { x: number; y: number }>();
    let selected: Set<string> | null = null;
    for (const c of changes) {
      if (c.type === 'position' && c.position) moved.set(c.id, c.position);
      else if (c.type === 'select') {
        selected ??= new Set(s.selection.nodes);
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      }
    }
    if (moved.size) s.moveNodes(moved, dragId.current);
    if (selected) s.select({ nodes: [...selected] });
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<ServiceFlowEdge>[]) => {
    const s = appStore.getState();
    let selected: Set<string> | null = null;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      selected ??= new Set(s.selection.edges);
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    }
    if (selected) s.select({ edges: [...selected] });
  }, []);

  const isValidConnection = useCallback<IsValidConnection<ServiceFlowEdge>>(
    (c) => checkConnection(appStore.getState().doc, c.source, c.target, (c.sourceHandle ?? 'out') as SourceHandle).ok,
    [],
  );

  const onConnect = useCallback((c: Connection) => {
    const s = appStore.getState();
    const check = checkConnection(s.doc, c.source, c.target, (c.sourceHandle ?? 'out') as SourceHandle);
    if (!check.ok) return s.notify(check.reason, 'error');
    const r = s.connect(c.source, c.target, check.role);
    if (!r.ok) s.notify(r.reason, 'error');
    else s.select({ nodes: [], edges: [r.id] });
  }, []);

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const p = 'changedTouches' in event ? event.changedTouches[0] : event;
      const refuse = (text: string) => {
        const box = wrapper.current?.getBoundingClientRect();
        setRefusal({ text, x: p.clientX - (box?.left ?? 0), y: p.clientY - (box?.top ?? 0) });
      };
      if (state.toNode) {
        const handle = (state.fromHandle?.id ?? 'out') as SourceHandle;
        const check = checkConnection(appStore.getState().doc, state.fromNode.id, state.toNode.id, handle);
        if (!check.ok) refuse(check.reason);
        return;
      }
      // Released on a node's body, away from its handles: that node is the one meant.
      const onNode = document.elementFromPoint(p.clientX, p.clientY)?.closest('.react-flow__node')?.getAttribute('data-id');
      if (!onNode || onNode === state.fromNode.id) return;
      const fromOutput = state.fromHandle?.type !== 'target';
      const source = fromOutput ? state.fromNode.id : onNode;
      const target = fromOutput ? onNode : state.fromNode.id;
      const handle = (fromOutput ? (state.fromHandle?.id ?? 'out') : 'out') as SourceHandle;
      const check = checkConnection(appStore.getState().doc, source, target, handle);
      if (!check.ok) return refuse(check.reason);
      onConnect({ source, target, sourceHandle: handle, targetHandle: null });
    },
    [onConnect],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      if (appStore.getState().readOnly || presenting) return;
      if (e.dataTransfer.files.length > 0) {
        e.preventDefault();
        void openDroppedFile(appStore, e.dataTransfer.files);
        return;
      }
      const type = e.dataTransfer.getData(PALETTE_MIME);
      if (!type || !findServiceKind(type)) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const snap = (v: number) => Math.round(v / GRID) * GRID;
      // Centred on the pointer, but wholly in view: a drop just past the palette's edge leaves no half node under it.
      const box = wrapper.current?.getBoundingClientRect();
      const inView = (v: number, size: number, from: number, to: number) => (to - from < size ? from : Math.min(Math.max(v, from), to - size));
      let x = p.x - NODE_WIDTH / 2;
      let y = p.y - NODE_HEIGHT / 2;
      if (box) {
        const topLeft = flow.screenToFlowPosition({ x: box.left + DROP_MARGIN_PX, y: box.top + DROP_MARGIN_PX });
        const bottomRight = flow.screenToFlowPosition({ x: box.right - DROP_MARGIN_PX, y: box.bottom - DROP_MARGIN_PX });
        x = inView(x, NODE_WIDTH, topLeft.x, bottomRight.x);
        y = inView(y, NODE_HEIGHT, topLeft.y, bottomRight.y);
      }
      appStore.getState().addNode(type, { x: snap(x), y: snap(y) });
    },
    [flow, presenting],
  );

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (appStore.getState().readOnly || presenting) return;
    if (e.dataTransfer.types.includes(PALETTE_MIME) || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, [presenting]);

  useEffect(() => {
    if (!fitted.current || size.width === 0 || size.height === 0) return;
    const t = requestAnimationFrame(() => fit());
    return () => cancelAnimationFrame(t);
  }, [size.width, size.height, spread, fit]);
  const onPaneClick = useCallback(() => appStore.getState().clearSelection(), []);
  const onNodeDragStart = useCallback(() => void dragId.current++, []);

  return (
    <div ref={wrapper} className="relative h-full w-full" data-testid="canvas" onDrop={onDrop} onDragOver={onDragOver}>
      <ReactFlow<ServiceFlowNode, ServiceFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={onNodeDragStart}
        nodesDraggable={!readOnly && !presenting}
        nodesConnectable={!readOnly && !presenting}
        onPaneClick={onPaneClick}
        onMoveStart={onMoveStart}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        snapToGrid
        snapGrid={snapGrid}
        colorMode={theme}
        connectionLineStyle={connectionLine[theme]}
        minZoom={0.1}
        maxZoom={2.5}
        onlyRenderVisibleElements={!drawingAll}
        proOptions={proOptions}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1.5} />
        {minimapFits(size) && !overflowAtFit && !presenting && (
          <MiniMap pannable zoomable style={minimapStyle} className="!rounded-lg !shadow-md max-md:!hidden" nodeStrokeWidth={3} nodeColor={minimapColor} />
        )}
        {controlsFit(size) && <Controls showInteractive={false} className="!rounded-lg !shadow-md" />}
        <OffscreenHints />
      </ReactFlow>
      {refusal && (
        <div
          role="alert"
          data-testid="connection-refused"
          className="pointer-events-none absolute z-20 max-w-xs -translate-x-1/2 translate-y-3 rounded-lg bg-red-600 px-3 py-2 text-sm text-white shadow-lg"
          style={{ left: refusal.x, top: refusal.y }}
        >
          {refusal.text}
        </div>
      )}
      {docNodes.length === 0 && !readOnly && (
        <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
          <div className="rounded-xl border border-dashed border-slate-300 px-6 py-4 text-center text-slate-500 dark:border-slate-700 dark:text-slate-400">
            <div className="text-lg font-medium">Drag a service here from the palette</div>
            <div className="text-sm">or click one to add it, then connect the handles</div>
          </div>
        </div>
      )}
    </div>
  );
}

const NO_SPREAD = { k: 1, left: 0 };

/** Presenter mode's widening of the diagram into the canvas's spare width (spreadToFill.ts); none elsewhere. */
function presenterSpread(presenting: boolean, docNodes: readonly DocNode[], canvas: { width: number; height: number }): { k: number; left: number } {
  if (!presenting || docNodes.length === 0) return NO_SPREAD;
  const b = boundsOf(docNodes.map((n) => ({ ...positionOf(n), width: NODE_WIDTH, height: NODE_HEIGHT })));
  const room = { width: canvas.width - FIT_PADDING.left - FIT_PADDING.right, height: canvas.height - FIT_PADDING.top - FIT_PADDING.bottom };
  const k = spreadFactor(room, b);
  return k === 1 ? NO_SPREAD : { k, left: b.x };
}

function minimapColor(n: ServiceFlowNode): string {
  return findServiceKind(n.data.type)?.icon.color ?? '#94a3b8';
}
