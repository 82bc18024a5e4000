/**
 * The one Cytoscape instance: draws a GraphResult with a layout, applies filters as classes,
 * expands and collapses neighbours, and refuses to freeze on huge results.
 */
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition, LayoutOptions, NodeSingular } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import type { GEdge, GNode, GraphResult } from './model.ts';
import { accountColor, ADMIN_BADGE, OUTSIDE_FILL } from './palette.ts';
import { stylesheet } from './stylesheet.ts';
import type { ViewState } from './url-state.ts';

cytoscape.use(dagre);

/** Above this many elements a result is not drawn until the analyst says so. */
export const LARGE_RESULT = 2500;

let cy: Core | undefined;
let container: HTMLElement | undefined;
let large = false;
/**
 * Cytoscape.js's WebGL renderer (https://js.cytoscape.org/#init-opts/renderer; experimental in
 * 3.31+), asked for with `webgl=1` in the page's URL. Measured with `npm run bench -- ui --tier L
 * --webgl` (docs/benchmarks.md).
 */
const webgl = new URLSearchParams(location.search).get('webgl') === '1';
const setups: ((c: Core) => void)[] = [];

export function graph(): Core {
  if (!cy) throw new Error('the graph is not mounted');
  return cy;
}

function create(): Core {
  cy?.destroy();
  cy = cytoscape({
    container: container!,
    style: stylesheet(),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // Large graphs stay interactive when pan and zoom move a texture instead of redrawing every edge.
    hideEdgesOnViewport: large,
    textureOnViewport: large,
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  for (const fn of setups) fn(cy);
  return cy;
}

export function mount(el: HTMLElement): void {
  // Cytoscape injects a one-rule <style> unless an element with this id exists; the strict CSP
  // would block it (and log a violation). The rule it adds (position: relative) is in styles.css.
  if (!document.getElementById('__________cytoscape_stylesheet'))
    document.head.append(
      Object.assign(document.createElement('meta'), { id: '__________cytoscape_stylesheet' }),
    );
  container = el;
  create();
}

/** Event handlers and the like: run now and again whenever the instance is recreated. */
export function onGraph(fn: (c: Core) => void): void {
  setups.push(fn);
  if (cy) fn(cy);
}

function nodeData(n: GNode): ElementDefinition {
  const fill = n.kind === 'external' || n.kind === 'anyone' ? OUTSIDE_FILL : accountColor(n.accountId);
  const marked = n.mark === 'start' ? `▶ ${n.label}` : n.mark === 'target' ? `◎ ${n.label}` : n.label;
  // The admin badge: an administrator of its account says so under its name.
  const label = n.admin ? `${marked}\n${ADMIN_BADGE}` : marked;
  return { group: 'nodes', data: { ...n, label, fill } };
}

function edgeData(e: GEdge): ElementDefinition {
  return { group: 'edges', data: { ...e, badge: e.badge ?? '' } };
}

/** Hops by edge id, kept outside Cytoscape so evidence can be shown without another fetch of the light edge. */
export const edgeIndex = new Map<string, GEdge>();
export const nodeIndex = new Map<string, GNode>();

export function elementsOf(r: GraphResult): ElementDefinition[] {
  return [...r.nodes.map(nodeData), ...r.edges.map(edgeData)];
}

export function draw(r: GraphResult, layout: LayoutOptions): Promise<void> {
  edgeIndex.clear();
  nodeIndex.clear();
  for (const e of r.edges) edgeIndex.set(e.id, e);
  for (const n of r.nodes) nodeIndex.set(n.id, n);
  const big = r.nodes.length + r.edges.length > 600;
  if (big !== large) {
    large = big;
    create();
  }
  const c = graph();
  c.startBatch();
  c.elements().remove();
  c.add(elementsOf(r));
  c.endBatch();
  return runLayout(layout).then(fitReadable);
}

/** Fits the drawing, but never blows a three-node answer up to poster size. */
export function fitReadable(): void {
  const c = graph();
  c.fit(undefined, 30);
  if (c.zoom() > 1.35) {
    c.zoom(1.35);
    c.center();
  }
}

export function runLayout(layout: LayoutOptions): Promise<void> {
  const c = graph();
  if (c.elements().empty()) return Promise.resolve();
  return new Promise((resolve) => {
    const l = c.layout(layout);
    l.one('layoutstop', () => resolve());
    l.run();
  });
}

/** Adds what is not drawn yet; returns the ids added (to collapse them again). */
export function addElements(r: GraphResult, origin: string): string[] {
  const c = graph();
  const added: string[] = [];
  c.startBatch();
  for (const n of r.nodes)
    if (c.getElementById(n.id).empty()) {
      nodeIndex.set(n.id, n);
      c.add({ ...nodeData(n), data: { ...nodeData(n).data, expandedFrom: origin } });
      added.push(n.id);
    }
  for (const e of r.edges)
    if (
      c.getElementById(e.id).empty() &&
      !c.getElementById(e.source).empty() &&
      !c.getElementById(e.target).empty()
    ) {
      edgeIndex.set(e.id, e);
      c.add({ ...edgeData(e), data: { ...edgeData(e).data, expandedFrom: origin } });
      added.push(e.id);
    }
  c.endBatch();
  return added;
}

/** Removes what expanding `origin` added. */
export function collapse(origin: string): number {
  const c = graph();
  const gone = c.elements().filter((el) => el.data('expandedFrom') === origin);
  gone.remove();
  return gone.length;
}

/** Filters from the URL, as classes: nothing is refetched. */
export function applyFilters(s: ViewState): void {
  const c = graph();
  c.startBatch();
  c.elements().removeClass('hidden');
  c.nodes().forEach((n) => {
    if (n.isParent() || n.data('mark')) return;
    const kind = n.data('kind') as string;
    const acct = n.data('accountId') as string | undefined;
    if (s.fKind.length && !s.fKind.includes(kind as never)) n.addClass('hidden');
    else if (s.fAccount.length && acct && !s.fAccount.includes(acct)) n.addClass('hidden');
  });
  c.edges().forEach((e) => {
    const kind = e.data('kind') as string;
    if (kind === 'trustSummary') {
      if (s.fCond === 'conditional' && !e.data('conditional')) e.addClass('hidden');
      if (s.fCond === 'unconditional' && e.data('conditional')) e.addClass('hidden');
      return;
    }
    if (s.fEdge.length && !s.fEdge.includes(kind as never)) e.addClass('hidden');
    if (s.fCond === 'conditional' && !e.data('conditional')) e.addClass('hidden');
    if (s.fCond === 'unconditional' && e.data('conditional')) e.addClass('hidden');
  });
  c.endBatch();
}

export function counts(): { nodes: number; edges: number } {
  const c = graph();
  return {
    nodes: c.nodes().filter((n) => !n.isParent() && !n.hasClass('hidden')).length,
    edges: c.edges().filter((e) => !e.hasClass('hidden')).length,
  };
}

/** Fades everything but a node and its neighbourhood (hover / keyboard focus). */
export function highlight(id: string | undefined): void {
  const c = graph();
  c.elements().removeClass('faded near');
  if (!id) return;
  const el = c.getElementById(id);
  if (el.empty()) return;
  if (el.isNode()) el.connectedEdges().addClass('near');
  const keep = el.isNode()
    ? el.closedNeighborhood().union(el.ancestors())
    : c.getElementById(id).connectedNodes().union(el);
  c.elements().not(keep).not(':parent').addClass('faded');
}

/** Overview edges arc in proportion to their length, so A→B and B→A separate and no edge runs through a row of accounts. */
export function arcEdges(): void {
  const c = graph();
  c.startBatch();
  c.edges('[kind = "trustSummary"]').forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    const d = Math.hypot(t.x - s.x, t.y - s.y);
    e.style('control-point-distances', [Math.max(18, Math.min(150, d * 0.22))]);
    e.style('control-point-weights', [0.5]);
  });
  c.endBatch();
}

/**
 * Dagre puts every node of a rank in one column; a rank of 40 callers becomes a column too tall
 * to read. Long ranks are folded into several sub-columns, and the ranks after them move right.
 */
export function wrapRanks(maxPerColumn = 9, colWidth = 190, rowHeight = 64): void {
  const c = graph();
  const nodes = c
    .nodes()
    .filter((n) => !n.isParent())
    .toArray() as NodeSingular[];
  if (nodes.length <= maxPerColumn) return;
  const ranks = new Map<number, NodeSingular[]>();
  nodes.forEach((n) => {
    const x = Math.round(n.position('x'));
    ranks.set(x, [...(ranks.get(x) ?? []), n]);
  });
  if (![...ranks.values()].some((r) => r.length > maxPerColumn)) return;
  const xs = [...ranks.keys()].sort((a, b) => a - b);
  const centerY = nodes.reduce((y, n) => y + n.position('y'), 0) / nodes.length;
  let shift = 0;
  c.startBatch();
  for (const x of xs) {
    const members = ranks.get(x)!.sort((a, b) => a.position('y') - b.position('y'));
    // Big ranks fold into a block roughly as tall as it is wide (rows are closer than columns).
    const rows = Math.max(maxPerColumn, Math.ceil(Math.sqrt(members.length * (colWidth / rowHeight))));
    const cols = Math.ceil(members.length / rows);
    const extra = (cols - 1) * colWidth;
    members.forEach((n, i) => {
      if (cols === 1) {
        n.position({ x: x + shift, y: n.position('y') });
        return;
      }
      const col = Math.floor(i / rows);
      const row = i % rows;
      n.position({ x: x + shift + col * colWidth, y: centerY + (row - (rows - 1) / 2) * rowHeight });
    });
    shift += extra;
  }
  c.endBatch();
  fitReadable();
}
