/** The page: reads the view from the URL, asks the API, draws, and keeps the panels in step. */
import type { Core } from 'cytoscape';
import { ApiError } from './api.ts';
import { signInFromUrl } from './auth.ts';
import type { OverviewResult } from './data.ts';
import {
  ensureAccounts,
  loadAccountGraph,
  loadDiff,
  loadEscalation,
  loadNeighbours,
  loadOverview,
  loadPaths,
  loadReach,
  loadSnapshots,
  PROVIDERS,
} from './data.ts';
import { closeDetails, expand, showEdge, showNode } from './details.ts';
import { byId, clear, h } from './dom.ts';
import { isPickingTarget, renderExplore, stopPicking } from './explore.ts';
import { download, exportJson, exportPng, exportSvg } from './export.ts';
import { findingCard, findingGraph, renderFindings } from './findings.ts';
import {
  applyFilters,
  arcEdges,
  collapse,
  fitReadable,
  wrapRanks,
  draw,
  graph,
  highlight,
  LARGE_RESULT,
  mount,
  nodeIndex,
  onGraph,
} from './graph.ts';
import { setupKeyboard } from './keyboard.ts';
import {
  collapseAll,
  isOrgScale,
  leaveOrgViews,
  matrixView,
  onExpandChange,
  orgOverviewView,
  prefetchOrgOverview,
  wireOrg,
} from './org/index.ts';
import { gridLayout, orgChartLayout, pathLayout } from './layouts.ts';
import { buildLegend } from './legend.ts';
import type { GraphResult } from './model.ts';
import { accountNames } from './model.ts';
import { keepAssumptionsWithSession, renderReview, reviewGraph, setViewer, walk } from './review.ts';
import { setupSearch } from './search.ts';
import { withPeople } from './people/who-can-reach.ts';
import { askAboutPeople, openPeopleHit } from './people/search.ts';
import { computePeopleView } from './people/views.ts';
import { computeResourceView, showResourcePanel } from './resources/views.ts';
import { openResourceHit } from './resources/search.ts';
import { renderPlan, showPlanSelection } from './plan/panel.ts';
import { planView } from './plan/view.ts';
import { renderPickers, setSnapshots, setupPickers, snapshotName } from './snapshots.ts';
import { clearError, showError, track } from './status.ts';
import type { ViewState } from './url-state.ts';
import { load, MAX_HOPS, onChange, state, update } from './url-state.ts';

type Tab = 'explore' | 'findings' | 'review' | 'plan';
/** The views that open with their own tab; the others open with Explore. */
const VIEW_TAB: Partial<Record<ViewState['view'], Tab>> = {
  finding: 'findings',
  review: 'review',
  plan: 'plan',
};

let routeSeq = 0;
let forceDraw = false;

const questionKey = (s: ViewState) =>
  [
    s.view,
    s.snap,
    s.base,
    s.node,
    s.to,
    s.hops,
    s.off.join(','),
    s.finding,
    s.session,
    s.item,
    s.rType,
    s.rLevel,
    s.rPublic,
  ].join('|');
const filterKey = (s: ViewState) => [s.fAccount, s.fKind, s.fEdge, s.fCond].join('|');

const nameOf = (key: string | undefined) =>
  key ? (nodeIndex.get(key)?.name ?? accountNames.get(key) ?? key.split(/[/:]/).pop() ?? key) : '';

function setTab(tab: Tab): void {
  for (const b of document.querySelectorAll<HTMLElement>('.tabs [data-tab]'))
    b.setAttribute('aria-selected', b.dataset.tab === tab ? 'true' : 'false');
  for (const t of ['explore', 'findings', 'review', 'plan'] as Tab[]) byId(`panel-${t}`).hidden = t !== tab;
  document.body.dataset.tab = tab;
  if (tab === 'findings') void renderFindings().catch(reportError);
  if (tab === 'review') void renderReview().catch(reportError);
  if (tab === 'plan') renderPlan(() => void route());
  if (tab === 'explore') renderExplore();
}

function heading(title: string, summary = '', crumbs: [string, string][] = []): void {
  byId('view-title').textContent = title;
  byId('view-summary').textContent = summary;
  const c = byId('crumbs');
  clear(c);
  crumbs.forEach(([label, href], i) => {
    if (i) c.append(' › ');
    c.append(h('a', { href }, label));
  });
  document.title = `${title} · IAM Atlas`;
}

function banner(text: string, actions: [string, () => void][] = []): void {
  const b = byId('banner');
  clear(b);
  if (!text) {
    b.hidden = true;
    return;
  }
  b.append(text);
  for (const [label, fn] of actions) {
    const btn = h('button', { type: 'button', class: 'btn' }, label);
    btn.addEventListener('click', fn);
    b.append(btn);
  }
  b.hidden = false;
}

function emptyState(title: string, text = '', retry?: () => void): void {
  const e = byId('empty');
  clear(e);
  if (!title) {
    e.hidden = true;
    return;
  }
  e.append(h('strong', {}, title));
  if (text) e.append(h('span', {}, text));
  if (retry) {
    const b = h('button', { type: 'button', class: 'btn', id: 'retry' }, 'Try again');
    b.addEventListener('click', retry);
    e.append(b);
  }
  e.hidden = false;
}

function reportError(err: unknown): void {
  const msg = err instanceof ApiError ? err.message : `Something went wrong: ${(err as Error).message}`;
  showError(msg);
}

const overviewHref = '?view=overview';

interface Drawn {
  result: GraphResult;
  layout: ReturnType<typeof pathLayout>;
  title: string;
  summary: string;
  crumbs?: [string, string][];
  note?: string;
  empty?: [string, string];
}

function describeReach(r: GraphResult & { totalCount: number }, s: ViewState, dir: 'in' | 'out'): string {
  const n = r.nodes.length - 1;
  const cond = r.edges.filter((e) => e.conditional).length;
  const what = dir === 'in' ? 'principal' : 'node';
  return `${n} ${what}${n === 1 ? '' : 's'} within ${s.hops} hop${s.hops === 1 ? '' : 's'} · ${r.edges.length} edges, ${cond} conditional${s.off.length ? ` · assumed false: ${s.off.join(', ')}` : ''}`;
}

async function compute(s: ViewState): Promise<Drawn> {
  const people = computePeopleView(s);
  if (people) return track('people', () => people);
  const resources = computeResourceView(s);
  if (resources) return track('resources', () => resources);
  switch (s.view) {
    case 'overview': {
      if (isOrgScale()) return orgOverviewView();
      const r: OverviewResult = await track('organization', loadOverview);
      const accounts = r.nodes.filter((n) => n.kind === 'account' && !n.compound).length;
      const providers = new Set(r.nodes.filter((n) => n.parent === PROVIDERS).map((n) => n.id));
      const trustEdges = r.edges.filter((e) => !providers.has(e.source)).length;
      return {
        result: r,
        layout: orgChartLayout(r),
        title: `Organization ${r.organizationId ?? ''}`.trim(),
        summary: `${accounts} accounts · ${trustEdges} aggregated trust edges · ${r.providerCount} sign-in providers · ${r.externalEdgeCount} roles trusted from outside. Click an account to open its principals.`,
        empty: ['No snapshot loaded', 'Load one with `iamatlas demo` or `iamatlas ingest PATH`.'],
      };
    }
    case 'matrix':
      return matrixView();
    case 'account': {
      const r = await track('account', () => loadAccountGraph(s.node ?? ''));
      return {
        result: r,
        layout: r.edges.length ? pathLayout(r.nodes.length) : gridLayout(),
        title: `Account ${r.name}`,
        summary: `${r.total} principals (service-linked roles hidden) · ${r.edges.length} edges in, out and within`,
        crumbs: [['Overview', overviewHref]],
      };
    }
    case 'node': {
      const r = await track('neighbours', () => loadNeighbours(s.node ?? ''));
      if (!r.nodes.some((n) => n.id === s.node) && s.node)
        r.nodes.push({ id: s.node, kind: 'role', name: nameOf(s.node), label: nameOf(s.node) });
      for (const n of r.nodes) if (n.id === s.node) n.mark = 'start';
      return {
        result: r,
        layout: pathLayout(r.nodes.length),
        title: nameOf(s.node),
        summary: `Direct neighbours: ${r.edges.length} edges. Ask a question about it in the panel on the right.`,
        crumbs: [['Overview', overviewHref]],
      };
    }
    case 'reach-in':
    case 'reach-out': {
      const dir = s.view === 'reach-in' ? 'in' : 'out';
      const r = await track(dir === 'in' ? 'who can reach' : 'what can be reached', () =>
        loadReach(dir, s.node ?? '', s.hops),
      );
      const name = nameOf(s.node);
      const summary = describeReach(r, s, dir);
      const signIns = dir === 'in' ? await track('people', () => withPeople(r, s.node ?? '', s.hops)) : '';
      return {
        result: r,
        layout: pathLayout(r.nodes.length),
        title: dir === 'in' ? `Who can reach ${name}` : `What ${name} can reach`,
        summary: summary + signIns,
        crumbs: [['Overview', overviewHref]],
        ...(r.truncated
          ? {
              note: `Showing ${r.nodes.length - 1} of ${r.totalCount} results: the answer was cut at its size limit.`,
            }
          : {}),
        empty: [
          'Nothing',
          dir === 'in'
            ? 'Nobody can assume this role within these hops and assumptions.'
            : 'It can assume nothing within these hops and assumptions.',
        ],
      };
    }
    case 'admin': {
      const r = await track('escalation paths', () => loadEscalation(s.node ?? '', s.hops));
      return {
        result: r,
        layout: pathLayout(r.nodes.length),
        title: `Paths to admin from ${nameOf(s.node)}`,
        summary: r.available
          ? `${r.nodes.filter((n) => n.admin).length} admin targets within ${s.hops} hops, by escalation or by assuming a role`
          : '',
        crumbs: [['Overview', overviewHref]],
        empty: r.available
          ? [
              'No path to admin',
              'No "can escalate to" or "can assume" path to an admin within these hops and assumptions.',
            ]
          : [
              'Escalation analysis is not in this snapshot',
              'This snapshot has no "can escalate to" edges; re-ingest with a version that computes them.',
            ],
      };
    }
    case 'paths': {
      const r = await track('paths', () => loadPaths(s.node ?? '', s.to ?? '', s.hops));
      return {
        result: r,
        layout: pathLayout(r.nodes.length),
        title: `Paths from ${nameOf(s.node)} to ${nameOf(s.to)}`,
        summary: `${r.edges.length} edges on the shortest paths within ${s.hops} hops`,
        crumbs: [['Overview', overviewHref]],
        empty: ['No path', 'No "can assume" path within these hops and assumptions.'],
      };
    }
    case 'finding': {
      const { finding, result } = await findingGraph(s.finding ?? '', s.hops);
      return {
        result,
        layout: pathLayout(result.nodes.length),
        title: finding?.title ?? 'Finding not in this snapshot',
        summary: finding ? `${finding.severity} · ${finding.kind}` : '',
        crumbs: [['Overview', overviewHref]],
      };
    }
    case 'review': {
      const g = await reviewGraph();
      return {
        result: g?.result ?? { nodes: [], edges: [] },
        layout: pathLayout(g?.result.nodes.length ?? 0),
        title: g ? `Review: ${g.title}` : 'Review',
        summary: '',
        crumbs: [['Overview', overviewHref]],
        empty: g
          ? ['Nothing to draw', 'This item has no subgraph in the snapshot.']
          : ['Choose or start a review session', 'in the Review panel on the left.'],
      };
    }
    case 'diff': {
      const r = await track('diff', () => loadDiff(s.base ?? '', s.snap ?? ''));
      return {
        result: r,
        layout: pathLayout(r.nodes.length),
        title: `Changes since ${r.fromName}`,
        summary: `${r.added} edges appeared · ${r.removed} disappeared · findings +${r.findingsAdded.length} −${r.findingsRemoved.length} (in ${snapshotName(s.snap)})`,
        crumbs: [['Overview', overviewHref]],
        empty: ['No change', 'The two snapshots have the same "can assume" and "can escalate to" edges.'],
      };
    }
    case 'plan':
      return planView();
    default:
      // The people views (person, person-reach, permission-set, people-group) returned above.
      throw new Error(`The view ${s.view} is drawn by ui/src/people/views.ts.`);
  }
}

async function route(): Promise<void> {
  const seq = ++routeSeq;
  const s = state();
  const g = byId('graph');
  g.dataset.state = 'loading';
  g.dataset.view = s.view;
  banner('');
  emptyState('');
  leaveOrgViews(s.view);
  for (const a of document.querySelectorAll<HTMLElement>('[data-nav]'))
    a.setAttribute('aria-current', a.dataset.nav === s.view ? 'page' : 'false');
  try {
    await track('accounts', ensureAccounts);
    const d = await compute(s);
    if (seq !== routeSeq) return;
    const size = d.result.nodes.length + d.result.edges.length;
    heading(d.title, d.summary, d.crumbs);
    buildLegend(byId('legend'), s.view);
    if (size > LARGE_RESULT && !forceDraw) {
      graph().elements().remove();
      g.dataset.state = 'large';
      g.dataset.count = String(size);
      banner(
        `This result has ${d.result.nodes.length} nodes and ${d.result.edges.length} edges: drawing all of it would make the page slow.`,
        s.view === 'overview'
          ? [
              ['Collapse to OUs', collapseAll],
              ['Trust matrix', () => update({ view: 'matrix', sel: undefined })],
              [
                'Draw anyway',
                () => {
                  forceDraw = true;
                  void route().finally(() => (forceDraw = false));
                },
              ],
            ]
          : [
              ...(s.hops > 1
                ? ([[`Fewer hops (${s.hops - 1})`, () => update({ hops: s.hops - 1 }, 'replace')]] as [
                    string,
                    () => void,
                  ][])
                : []),
              [
                'Only unconditional edges',
                () =>
                  update(
                    { off: ['mfa', 'externalId', 'network', 'federation', 'region', 'other'] },
                    'replace',
                  ),
              ],
              [
                'Draw anyway',
                () => {
                  forceDraw = true;
                  void route().finally(() => (forceDraw = false));
                },
              ],
            ],
      );
      if (s.view === 'overview')
        emptyState(
          'Too much to draw at once',
          'Collapse the organization to its OUs, or open the trust matrix.',
        );
      else
        emptyState('Narrow the question', 'Lower the max hops, switch assumptions off, or draw it anyway.');
      return;
    }
    await draw(d.result, d.layout);
    if (seq !== routeSeq) return;
    lastWidth = graph().width();
    if (s.view === 'overview') arcEdges();
    else wrapRanks();
    applyFilters(s);
    if (d.note)
      banner(
        d.note,
        s.hops > 1 ? [[`Fewer hops (${s.hops - 1})`, () => update({ hops: s.hops - 1 }, 'replace')]] : [],
      );
    if (!d.result.nodes.length && d.empty) emptyState(...d.empty);
    g.dataset.count = String(size);
    g.dataset.state = 'ready';
    await selectFromUrl();
    if (s.view === 'finding' && !s.sel) await showFindingDetails();
    if ((s.view === 'resource' || s.view === 'external-access') && !s.sel) await showResourcePanel(s);
    if (document.body.dataset.tab === 'explore' || !document.body.dataset.tab) renderExplore();
  } catch (err) {
    if (seq !== routeSeq) return;
    g.dataset.state = 'error';
    graph().elements().remove();
    reportError(err);
    const e = err as ApiError;
    emptyState(
      e.kind === 'offline'
        ? 'The server does not answer'
        : e.kind === 'database'
          ? 'The graph database is away'
          : e.kind === 'auth'
            ? 'Not signed in'
            : 'This view could not be loaded',
      e.kind === 'auth' ? e.message : '',
      e.kind === 'auth' ? undefined : () => void route(),
    );
  }
}

async function showFindingDetails(): Promise<void> {
  const { finding } = await findingGraph(state().finding ?? '', state().hops);
  if (!finding) return;
  const p = byId('details');
  p.hidden = false;
  byId('details-title').textContent = 'Finding';
  const b = byId('details-body');
  clear(b);
  b.append(findingCard(finding));
  p.dataset.state = 'ready';
  resize();
}

async function selectFromUrl(): Promise<void> {
  const s = state();
  const c = graph();
  c.elements(':selected').unselect();
  if (!s.sel) {
    closeDetails();
    resize();
    return;
  }
  const el = c.getElementById(s.sel);
  if (el.nonempty()) el.select();
  if (s.view === 'plan' && showPlanSelection(s.sel)) return resize();
  // The panel opens synchronously when the request starts: refit for its width at once.
  const shown = el.nonempty() && el.isEdge() ? showEdge(s.sel) : showNode(s.sel);
  resize();
  await shown;
}

let lastWidth = 0;

/** The details panel opening or closing changes the graph's width: refit then, but not on every click. */
function resize(): void {
  requestAnimationFrame(() => {
    const c = graph();
    c.resize();
    const w = c.width();
    if (lastWidth && Math.abs(w - lastWidth) > 40) fitReadable();
    lastWidth = w;
  });
}

function wireGraph(c: Core): void {
  c.on('tap', 'node', (ev) => {
    const n = ev.target;
    if (n.isParent() && n.data('compound') !== 'account') return;
    // OUs and outside groups of a large organization expand on click (org/index.ts).
    if (n.data('orgUnit') === 'OU' || n.data('orgUnit') === 'OUTSIDE_GROUP') return;
    if (isPickingTarget()) {
      const from = state().node;
      stopPicking();
      if (from && from !== n.id()) update({ view: 'paths', node: from, to: n.id(), sel: undefined });
      return;
    }
    update({ sel: n.id() }, 'replace');
  });
  c.on('dbltap', 'node[?openable]', (ev) =>
    update({ view: 'account', node: ev.target.id(), sel: undefined }),
  );
  c.on('tap', 'edge', (ev) => update({ sel: ev.target.id() }, 'replace'));
  c.on('tap', (ev) => {
    if (ev.target === c) update({ sel: undefined }, 'replace');
  });
  c.on('mouseover', 'node', (ev) => {
    if (!ev.target.isParent()) highlight(ev.target.id());
  });
  c.on('mouseout', 'node', () => highlight(undefined));
}

function zoom(f: number): void {
  const c = graph();
  c.zoom({ level: c.zoom() * f, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } });
}

function stepNode(dir: 1 | -1): void {
  const items = [...document.querySelectorAll<HTMLElement>('#result-list li')];
  if (!items.length) return;
  const i = items.findIndex((li) => li.dataset.key === state().sel);
  const next = items[(i + dir + items.length) % items.length];
  if (next) update({ sel: next.dataset.key }, 'replace');
}

function selectedNode(): string | undefined {
  const s = state();
  return s.sel && graph().getElementById(s.sel).isNode() ? s.sel : s.node;
}

function exportName(ext: string): string {
  const s = state();
  return `iam-atlas-${s.view}${s.node ? `-${nameOf(s.node).replace(/[^\w.-]+/g, '_')}` : ''}.${ext}`;
}

function wireToolbar(): void {
  const tools: Record<string, () => void> = {
    fit: () => graph().fit(undefined, 30),
    'zoom-in': () => zoom(1.25),
    'zoom-out': () => zoom(0.8),
    png: () => download(exportName('png'), exportPng(graph())),
    svg: () => download(exportName('svg'), exportSvg(graph(), byId('view-title').textContent ?? 'IAM Atlas')),
    json: () =>
      download(
        exportName('json'),
        exportJson(graph(), {
          view: state(),
          title: byId('view-title').textContent,
          snapshot: snapshotName(state().snap),
        }),
      ),
    legend: () => {
      const l = byId('legend');
      l.hidden = !l.hidden;
      document.querySelector('[data-tool="legend"]')?.setAttribute('aria-pressed', String(!l.hidden));
    },
  };
  for (const b of document.querySelectorAll<HTMLElement>('[data-tool]'))
    b.addEventListener('click', () => tools[b.dataset.tool ?? '']?.());
  return void setupKeyboard([
    { keys: '/', what: 'Search', run: () => byId('search').focus() },
    { keys: 'f', what: 'Fit the graph to the window', run: tools.fit! },
    { keys: '+ / =', what: 'Zoom in', run: tools['zoom-in']! },
    { keys: '-', what: 'Zoom out', run: tools['zoom-out']! },
    { keys: 'n', what: 'Select the next node', run: () => stepNode(1) },
    { keys: 'p', what: 'Select the previous node', run: () => stepNode(-1) },
    { keys: 'r', what: 'Who can reach the selected role', run: () => ask('reach-in') },
    { keys: 'w', what: 'What the selected node can reach', run: () => ask('reach-out') },
    { keys: 'a', what: 'Paths to admin from the selected principal', run: () => ask('admin') },
    {
      keys: 't',
      what: 'Paths to… : pick a target',
      run: () => document.querySelector<HTMLElement>('[data-q="paths"]')?.click(),
    },
    {
      keys: 'e',
      what: 'Expand the selected node’s neighbours',
      run: () => selectedNode() && void expand(selectedNode()!),
    },
    {
      keys: 'c',
      what: 'Collapse what expanding it added',
      run: () => selectedNode() && collapse(selectedNode()!),
    },
    {
      keys: '[',
      what: 'One hop fewer',
      run: () => update({ hops: Math.max(1, state().hops - 1) }, 'replace'),
    },
    {
      keys: ']',
      what: 'One hop more',
      run: () => update({ hops: Math.min(MAX_HOPS, state().hops + 1) }, 'replace'),
    },
    { keys: 'j', what: 'Next review item', run: () => walk(1) },
    { keys: 'k', what: 'Previous review item', run: () => walk(-1) },
    {
      keys: 'o',
      what: 'Organization overview',
      run: () => update({ view: 'overview', node: undefined, to: undefined, sel: undefined }),
    },
    { keys: 'l', what: 'Show or hide the legend', run: tools.legend! },
    {
      keys: 'Escape',
      what: 'Close the details / cancel picking',
      run: () => (isPickingTarget() ? stopPicking() : update({ sel: undefined }, 'replace')),
    },
    { keys: '?', what: 'This help', run: () => byId<HTMLDialogElement>('help').showModal() },
  ]);
}

function ask(view: 'reach-in' | 'reach-out' | 'admin'): void {
  const key = selectedNode();
  if (key && !askAboutPeople(view, key)) update({ view, node: key, to: undefined, sel: undefined });
}

function onViewChange(s: ViewState, prev: ViewState): void {
  clearError();
  if (s.snap !== prev.snap || s.view === 'diff' || prev.view === 'diff') renderPickers();
  if (questionKey(s) !== questionKey(prev)) {
    if (s.view === 'finding') setTab('findings');
    else if (s.view === 'review') setTab('review');
    else if (s.view === 'plan') setTab('plan');
    else if (
      prev.view === 'finding' ||
      prev.view === 'review' ||
      prev.view === 'plan' ||
      document.body.dataset.tab !== 'findings'
    )
      setTab('explore');
    void route();
    return;
  }
  if (filterKey(s) !== filterKey(prev)) {
    applyFilters(s);
    if (document.body.dataset.tab === 'explore') renderExplore();
  }
  if (s.fSeverity !== prev.fSeverity && document.body.dataset.tab === 'findings') void renderFindings();
  if (s.sel !== prev.sel) {
    void selectFromUrl().catch(reportError);
    for (const li of document.querySelectorAll<HTMLElement>('#result-list li'))
      li.setAttribute('aria-current', li.dataset.key === s.sel ? 'true' : 'false');
  }
}

async function boot(): Promise<void> {
  await signInFromUrl();
  load();
  mount(byId('graph'));
  onGraph(wireGraph);
  onGraph(wireOrg);
  onExpandChange(() => void route());
  buildLegend(byId('legend'));
  setupSearch((hit) => {
    const from = state().node;
    if (isPickingTarget() && from && from !== hit.key) {
      stopPicking();
      update({ view: 'paths', node: from, to: hit.key, sel: undefined });
    } else if (openPeopleHit(hit) || openResourceHit(hit)) return;
    else if (hit.kind === 'Account') update({ view: 'account', node: hit.key, to: undefined, sel: hit.key });
    else update({ view: 'node', node: hit.key, to: undefined, sel: hit.key });
  });
  setupPickers();
  wireToolbar();
  byId('details-close').addEventListener('click', () => update({ sel: undefined }, 'replace'));
  byId('help-btn').addEventListener('click', () => byId<HTMLDialogElement>('help').showModal());
  for (const b of document.querySelectorAll<HTMLElement>('[data-tab]'))
    b.addEventListener('click', () => setTab(b.dataset.tab as Tab));
  onChange(onViewChange);
  keepAssumptionsWithSession();
  // The printed page is narrower than the screen: redraw the canvas at the print size.
  const refit = () => {
    graph().resize();
    fitReadable();
  };
  window.addEventListener('beforeprint', refit);
  window.addEventListener('afterprint', refit);
  const s = state();
  setTab(VIEW_TAB[s.view] ?? 'explore');
  // Names and colours of the accounts load alongside the snapshot list, and so does the overview.
  void ensureAccounts().catch(() => undefined);
  if (s.view === 'overview') prefetchOrgOverview();
  try {
    const { viewer, snapshots } = await track('snapshots', loadSnapshots);
    setViewer(viewer);
    setSnapshots(snapshots);
    document.body.dataset.role = viewer.role.toLowerCase();
  } catch (err) {
    reportError(err);
    byId('graph').dataset.state = 'error';
    const e = err as ApiError;
    emptyState(
      e.kind === 'auth'
        ? 'Not signed in'
        : e.kind === 'database'
          ? 'The graph database is away'
          : 'IAM Atlas cannot reach its API',
      e.kind === 'auth' ? e.message : '',
      e.kind === 'auth' ? undefined : () => location.reload(),
    );
    return;
  }
  await route();
}

void boot();
