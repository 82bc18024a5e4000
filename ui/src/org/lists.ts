/**
 * Ranked lists beside the overview of a large organization: the accounts most trusted from
 * outside, the roles reachable from outside the organization, and the riskiest edges between
 * units; each item a link into the graph.
 */
import { request } from '../api.ts';
import { assumptions } from '../data.ts';
import { byId, clear, h } from '../dom.ts';
import { SEVERITY_RANK, type Severity } from '../palette.ts';
import { state, update } from '../url-state.ts';
import type { OrgOverviewResult } from './overview.ts';

const TOP = 8;

/** Resolves after the next frame is painted (a task queued from the frame's callback). */
const afterPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

function host(): HTMLElement {
  let el = document.getElementById('org-lists');
  if (!el) {
    el = h('aside', { id: 'org-lists', class: 'org-lists', 'aria-label': 'Ranked lists' });
    byId('graph').after(el);
  }
  return el;
}

export function hideLists(): void {
  const el = document.getElementById('org-lists');
  if (el) el.hidden = true;
}

const rank = (s: string | null | undefined) => (s ? 4 - SEVERITY_RANK[s as Severity] : 9);

function section(title: string, id: string, items: HTMLElement[]): HTMLElement {
  return h(
    'section',
    { id },
    h('h3', {}, title),
    items.length ? h('ol', {}, items) : h('p', { class: 'muted' }, 'None.'),
  );
}

function link(text: string, meta: string, go: () => void, key: string): HTMLElement {
  const a = h('a', { href: '#', 'data-key': key }, text);
  a.addEventListener('click', (ev) => {
    ev.preventDefault();
    go();
  });
  return h('li', {}, a, h('span', { class: 'muted' }, ` ${meta}`));
}

export async function renderLists(r: OrgOverviewResult): Promise<void> {
  const el = host();
  clear(el);
  el.hidden = false;
  const trusted = r.accounts
    .filter((a) => a.trustFromOutside > 0)
    .sort((a, b) => b.trustFromOutside - a.trustFromOutside)
    .slice(0, TOP)
    .map((a) =>
      link(
        a.name,
        `${a.trustFromOutside} edges from outside`,
        () => update({ view: 'account', node: a.id, sel: a.id }),
        a.id,
      ),
    );
  const risky = r.edges
    .filter((e) => e.severity)
    .sort((a, b) => rank(a.severity) - rank(b.severity) || (b.count ?? 0) - (a.count ?? 0))
    .slice(0, TOP)
    .map((e) => {
      const name = (id: string) => r.nodes.find((n) => n.id === id)?.name ?? id;
      return link(
        `${name(e.source)} → ${name(e.target)}`,
        `${e.severity} · ${e.summaryLabel ?? ''}`,
        () => update({ sel: e.id }, 'replace'),
        e.id,
      );
    });
  el.append(
    section('Most trusted from outside', 'rank-trusted', trusted),
    section('Riskiest trust shown', 'rank-risky', risky),
  );
  const roles = h(
    'section',
    { id: 'rank-roles' },
    h('h3', {}, 'Roles reachable from outside'),
    h('p', { class: 'muted' }, 'Loading…'),
  );
  el.append(roles);
  // The roles are asked for once the overview is on screen: their answer is a longer read on the
  // server, and the first screen does not wait for it, nor share the machine with it.
  await afterPaint();
  const d = await request('OUTSIDE_ROLES', { snap: state().snap, a: assumptions() });
  const byRole = new Map<string, { name: string; callers: number; account: string }>();
  for (const e of d.externalTrust.nodes) {
    const v = byRole.get(e.to.key) ?? {
      name: e.to.name ?? e.to.key,
      callers: 0,
      account: e.to.accountId ?? '',
    };
    v.callers++;
    byRole.set(e.to.key, v);
  }
  const items = [...byRole]
    .sort((a, b) => b[1].callers - a[1].callers)
    .slice(0, TOP)
    .map(([key, v]) =>
      link(
        v.name,
        `${v.account} · ${v.callers} outside callers`,
        () => update({ view: 'reach-in', node: key, sel: undefined }),
        key,
      ),
    );
  roles.replaceWith(
    section(`Roles reachable from outside (${d.externalTrust.totalCount} edges)`, 'rank-roles', items),
  );
}
