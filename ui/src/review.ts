/**
 * The Review tab: walks a review session item by item (status, note, reviewer), and exports
 * its report. The graph shows the current item's finding subgraph or path.
 */
import { ApiError, request } from './api.ts';
import type { Viewer } from './data.ts';
import type { ReviewSessionQuery, SetStatusMutation } from './generated/operations.ts';
import { edgesToResult } from './data.ts';
import { download } from './export.ts';
import { byId, clear, h, keyboardList } from './dom.ts';
import { findingCard, findingGraph, findings } from './findings.ts';
import type { GraphResult } from './model.ts';
import type { ConditionKind } from './palette.ts';
import { CONDITION_BADGE, CONDITION_KINDS, SEVERITY_RANK } from './palette.ts';
import { hopsGraph } from './plan/graph.ts';
import { planEvidenceCard } from './plan/parts.ts';
import { showError, track } from './status.ts';
import { onChange, state, update } from './url-state.ts';

export const STATUSES = [
  'OPEN',
  'NEEDS_FIX',
  'ACCEPTED_RISK',
  'FIXED',
  'FALSE_POSITIVE',
  'ARCHIVED',
] as const;
export type ReviewStatus = (typeof STATUSES)[number];
const STATUS_LABEL: Record<ReviewStatus, string> = {
  OPEN: 'Open',
  NEEDS_FIX: 'Needs fix',
  ACCEPTED_RISK: 'Accepted risk',
  FIXED: 'Fixed',
  FALSE_POSITIVE: 'False positive',
  ARCHIVED: 'Archived',
};

/** A review session and its items, as REVIEW_SESSION selects them. */
type Session = NonNullable<ReviewSessionQuery['reviewSession']>;
type Item = Session['items'][number];

let viewer: Viewer | undefined;
let current: Session | undefined;

export function setViewer(v: Viewer): void {
  viewer = v;
}

const reviewerName = (): string => localStorage.getItem('atlas.reviewer') ?? '';

const offOf = (a: Session['assumptions']): ConditionKind[] => CONDITION_KINDS.filter((k) => !a[k]);
const sameOff = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k) => b.includes(k));

async function loadSession(id: string): Promise<Session | undefined> {
  const d = await track('review session', () => request('REVIEW_SESSION', { id }));
  current = d.reviewSession ?? undefined;
  // Opening a session restores the assumptions its review is made under.
  if (current && !sameOff(state().off, offOf(current.assumptions)))
    update({ off: offOf(current.assumptions) }, 'replace');
  return current;
}

/** In review mode, the assumption toggles are saved to the open session as they change. */
export function keepAssumptionsWithSession(): void {
  onChange((s, prev) => {
    const sess = current;
    if (s.view !== 'review' || !sess || s.session !== sess.id || prev.session !== sess.id) return;
    if (viewer?.role !== 'REVIEWER' || sameOff(s.off, offOf(sess.assumptions))) return;
    const a = Object.fromEntries(
      CONDITION_KINDS.map((k) => [k, !s.off.includes(k)]),
    ) as Session['assumptions'];
    sess.assumptions = a;
    track('saving assumptions', () => request('SET_SESSION_ASSUMPTIONS', { id: sess.id, a }))
      .then(() => {
        if (current === sess && document.body.dataset.tab === 'review') renderSession(byId('panel-review'));
      })
      // track has shown the error in the status bar.
      .catch(() => undefined);
  });
}

function assumptionsText(a: Session['assumptions']): string {
  const off = offOf(a);
  return off.length
    ? `Not assumed (edges that need it are left out): ${off.map((k) => CONDITION_BADGE[k]).join(', ')}`
    : 'Every request-time condition assumed satisfiable';
}

export async function renderReview(): Promise<void> {
  const s = state();
  const panel = byId('panel-review');
  panel.dataset.state = 'loading';
  try {
    if (!s.session) await renderSessions(panel);
    else {
      if (!current || current.id !== s.session) await loadSession(s.session);
      renderSession(panel);
    }
  } finally {
    panel.dataset.state = 'ready';
  }
}

async function renderSessions(panel: HTMLElement): Promise<void> {
  const d = await track('review sessions', () => request('REVIEW_SESSIONS', { snap: state().snap }));
  clear(panel);
  const canWrite = viewer?.role === 'REVIEWER';
  const name = h('input', {
    type: 'text',
    id: 'session-name',
    value: `Access review ${new Date().toISOString().slice(0, 10)}`,
    'aria-label': 'Session name',
  });
  const who = h('input', {
    type: 'text',
    id: 'session-reviewer',
    value: reviewerName(),
    placeholder: 'your name',
    'aria-label': 'Reviewer',
  });
  const start = h(
    'button',
    { type: 'button', class: 'btn primary', id: 'session-create', disabled: !canWrite },
    'Start a review of all findings',
  );
  start.addEventListener(
    'click',
    () => void createFromFindings(name.value.trim() || 'Access review', who.value.trim()),
  );
  const ul = h('ul', { class: 'list', id: 'session-list', 'aria-label': 'Review sessions' });
  for (const x of d.reviewSessions.nodes) {
    const open = x.statusCounts.find((c) => c.name === 'OPEN')?.count ?? 0;
    const total = x.statusCounts.reduce((n, c) => n + c.count, 0);
    const li = h(
      'li',
      { tabindex: 0, 'data-session': x.id },
      h('span', { class: 'title' }, x.name),
      h('span', { class: 'meta' }, `${total - open} of ${total} reviewed · ${x.createdAt.slice(0, 10)}`),
    );
    li.addEventListener('click', () =>
      update({ view: 'review', session: x.id, item: undefined, sel: undefined }),
    );
    ul.append(li);
  }
  keyboardList(ul, 'li', (li) =>
    update({ view: 'review', session: li.dataset.session, item: undefined, sel: undefined }),
  );
  panel.append(
    h('h2', {}, 'Review sessions'),
    d.reviewSessions.nodes.length
      ? ul
      : h('p', { class: 'muted' }, 'No review session for this snapshot yet.'),
    h('h2', {}, 'New session'),
    h(
      'div',
      { class: 'card' },
      h('div', { class: 'field' }, h('label', { for: 'session-name' }, 'Name'), name),
      h('div', { class: 'field' }, h('label', { for: 'session-reviewer' }, 'Reviewer'), who),
      h('div', { class: 'row' }, start),
      canWrite
        ? null
        : h('p', { class: 'hint' }, 'Signed in as a reader: review sessions need a reviewer sign-in.'),
    ),
  );
}

async function createFromFindings(name: string, reviewer: string): Promise<void> {
  if (reviewer) localStorage.setItem('atlas.reviewer', reviewer);
  const list = [...(await findings())].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const assumptions = Object.fromEntries(CONDITION_KINDS.map((k) => [k, !state().off.includes(k)]));
  const session = await track('new review session', async () => {
    const c = await request('CREATE_SESSION', {
      input: { name, snapshot: state().snap, assumptions, ...(reviewer ? { reviewer } : {}) },
    });
    // One call for every finding (the API takes up to 500 at a time).
    for (let i = 0; i < list.length; i += 500)
      await request('ADD_ITEMS', {
        sessionId: c.createReviewSession.id,
        items: list.slice(i, i + 500).map((f) => ({ finding: f.id, ...(reviewer ? { reviewer } : {}) })),
      });
    return c.createReviewSession.id;
  });
  current = undefined;
  update({ view: 'review', session, item: undefined, sel: undefined });
}

function renderSession(panel: HTMLElement): void {
  clear(panel);
  panel.scrollTop = 0;
  const sess = current;
  if (!sess) {
    panel.append(h('p', {}, 'This review session does not exist.'), backButton());
    return;
  }
  const s = state();
  const idx = Math.max(
    0,
    sess.items.findIndex((i) => i.id === s.item),
  );
  const item = sess.items[idx];
  const counts = h(
    'div',
    { class: 'counts' },
    STATUSES.map((st) => {
      const n = sess.items.filter((i) => i.status === st).length;
      return n ? h('span', { class: `status-chip status-${st}` }, `${STATUS_LABEL[st]} ${n}`) : null;
    }),
  );
  const exportMd = h(
    'button',
    { type: 'button', class: 'btn', id: 'export-report' },
    'Export report (Markdown)',
  );
  exportMd.addEventListener('click', () => void exportReport('MARKDOWN'));
  const exportJson = h('button', { type: 'button', class: 'btn', id: 'export-report-json' }, 'JSON');
  exportJson.addEventListener('click', () => void exportReport('JSON'));

  panel.append(
    backButton(),
    h('h2', {}, sess.name),
    h('p', { class: 'hint', id: 'review-assumptions' }, assumptionsText(sess.assumptions)),
    counts,
    h('div', { class: 'row' }, exportMd, exportJson),
  );
  if (!item) {
    panel.append(h('p', { class: 'muted' }, 'This session has no items.'));
    return;
  }
  panel.append(h('h2', {}, `Item ${idx + 1} of ${sess.items.length}`), itemCard(sess, item, idx));

  const ul = h('ul', { class: 'list', id: 'review-items', 'aria-label': 'Review items' });
  sess.items.forEach((it) => {
    const li = h(
      'li',
      { tabindex: 0, 'data-item': it.id, 'aria-current': it.id === item.id ? 'true' : undefined },
      h(
        'span',
        { class: 'title' },
        it.finding ? h('span', { class: `sev sev-${it.finding.severity}` }, it.finding.severity) : null,
        ' ',
        it.title,
      ),
      h(
        'span',
        { class: 'meta' },
        h('span', { class: `status-chip status-${it.status}` }, STATUS_LABEL[it.status]),
        it.note ? ` · ${it.note}` : '',
      ),
    );
    li.addEventListener('click', () => update({ item: it.id, sel: undefined }));
    ul.append(li);
  });
  keyboardList(ul, 'li', (li) => update({ item: li.dataset.item, sel: undefined }));
  panel.append(h('h2', {}, 'All items'), ul);
}

function backButton(): HTMLElement {
  const b = h('button', { type: 'button', class: 'btn' }, '← Sessions');
  b.addEventListener('click', () =>
    update({ view: 'review', session: undefined, item: undefined, sel: undefined }),
  );
  return b;
}

function itemCard(sess: Session, item: Item, idx: number): HTMLElement {
  const canWrite = viewer?.role === 'REVIEWER';
  let chosen: ReviewStatus = item.status;
  const buttons = STATUSES.map((st) => {
    const b = h(
      'button',
      {
        type: 'button',
        class: 'btn',
        'data-status': st,
        'aria-pressed': st === chosen ? 'true' : 'false',
        disabled: !canWrite,
      },
      STATUS_LABEL[st],
    );
    b.addEventListener('click', () => {
      chosen = st;
      for (const x of buttons) x.setAttribute('aria-pressed', x.dataset.status === st ? 'true' : 'false');
    });
    return b;
  });
  const note = h('textarea', {
    id: 'review-note',
    'aria-label': 'Note',
    placeholder: 'Why: what was checked, who owns the fix…',
    disabled: !canWrite,
  });
  note.value = item.note ?? '';
  const who = h('input', {
    type: 'text',
    id: 'review-reviewer',
    value: reviewerName(),
    placeholder: 'your name',
    'aria-label': 'Reviewer',
    disabled: !canWrite,
  });
  const save = h(
    'button',
    { type: 'button', class: 'btn primary', id: 'review-save', disabled: !canWrite },
    'Save & next',
  );
  save.addEventListener(
    'click',
    () => void saveItem(sess, item, chosen, note.value, who.value.trim(), sess.items[idx + 1]?.id),
  );
  const prev = h(
    'button',
    { type: 'button', class: 'btn', id: 'review-prev', disabled: idx === 0 },
    '← Prev',
  );
  prev.addEventListener('click', () => update({ item: sess.items[idx - 1]?.id, sel: undefined }));
  const next = h(
    'button',
    { type: 'button', class: 'btn', id: 'review-next', disabled: idx >= sess.items.length - 1 },
    'Next →',
  );
  next.addEventListener('click', () => update({ item: sess.items[idx + 1]?.id, sel: undefined }));
  return h(
    'div',
    { class: 'card', id: 'review-item', 'data-item': item.id, 'data-status': item.status },
    h(
      'div',
      { class: 'review-item-head' },
      h('span', { class: `status-chip status-${item.status}` }, STATUS_LABEL[item.status]),
      item.reviewer ? h('span', { class: 'muted' }, `by ${item.reviewer}`) : null,
    ),
    item.finding
      ? findingCard({ ...item.finding, subjects: [], evidence: '{}' })
      : h('p', {}, h('strong', {}, item.title)),
    item.planChange ? planEvidenceCard(item.planChange) : null,
    h('div', { class: 'status-buttons', role: 'group', 'aria-label': 'Status' }, buttons),
    note,
    h('div', { class: 'field' }, h('label', { for: 'review-reviewer' }, 'Reviewer'), who),
    h('div', { class: 'row' }, prev, next, save),
  );
}

async function saveItem(
  sess: Session,
  item: Item,
  status: ReviewStatus,
  note: string,
  reviewer: string,
  nextId: string | undefined,
): Promise<void> {
  if (!reviewer) {
    byId('review-reviewer').focus();
    byId('review-reviewer').setAttribute('aria-invalid', 'true');
    return;
  }
  localStorage.setItem('atlas.reviewer', reviewer);
  let d: SetStatusMutation;
  try {
    d = await track('saving', () =>
      request('SET_STATUS', {
        input: { itemId: item.id, status, note: note || null, reviewer, expectedVersion: item.version },
      }),
    );
  } catch (err) {
    // Someone else changed the item since this page read it: show the item as it is now,
    // with the server's explanation, and let the reviewer decide again.
    if (err instanceof ApiError && err.kind === 'conflict') {
      await loadSession(sess.id);
      renderSession(byId('panel-review'));
      showError(err.message);
    }
    return;
  }
  Object.assign(item, d.setReviewItemStatus);
  current = sess;
  if (nextId) update({ item: nextId, sel: undefined });
  else renderSession(byId('panel-review'));
}

async function exportReport(format: 'MARKDOWN' | 'JSON'): Promise<void> {
  if (!current) return;
  const d = await track('report', () =>
    request('REVIEW_REPORT', {
      id: current!.id,
      format,
    }),
  );
  if (!d.reviewSession) return;
  const base = d.reviewSession.name.replace(/[^\w.-]+/g, '-').toLowerCase();
  download(
    format === 'JSON' ? `${base}.json` : `${base}.md`,
    new Blob([d.reviewSession.report], { type: format === 'JSON' ? 'application/json' : 'text/markdown' }),
  );
}

/** The graph for the current item: its finding's subgraph or its path. */
export async function reviewGraph(): Promise<{ title: string; result: GraphResult } | undefined> {
  const s = state();
  if (!s.session) return undefined;
  if (!current || current.id !== s.session) await loadSession(s.session);
  const sess = current;
  if (!sess?.items.length) return undefined;
  const item = sess.items.find((i) => i.id === s.item) ?? sess.items[0]!;
  if (item.path) {
    const r = edgesToResult(item.path.edges, item.path.nodes);
    const first = item.path.nodes[0]?.key;
    const last = item.path.nodes[item.path.nodes.length - 1]?.key;
    for (const n of r.nodes)
      if (n.id === first) n.mark = 'start';
      else if (n.id === last) n.mark = 'target';
    return { title: item.title, result: r };
  }
  if (item.planChange) return { title: item.title, result: hopsGraph(item.planChange.hops) };
  if (item.finding) {
    const { result } = await findingGraph(item.finding.id, 2);
    return { title: item.title, result };
  }
  return { title: item.title, result: { nodes: [], edges: [] } };
}

export function walk(step: 1 | -1): void {
  const s = state();
  if (s.view !== 'review' || !current) return;
  const idx = current.items.findIndex((i) => i.id === s.item);
  const next = current.items[Math.max(0, Math.min(current.items.length - 1, (idx < 0 ? 0 : idx) + step))];
  if (next) update({ item: next.id, sel: undefined });
}
