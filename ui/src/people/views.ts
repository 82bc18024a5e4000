/**
 * The people views of the page: a person (the roles their assignments let them sign in as), what a
 * person reaches from there, a permission set (who holds it, the roles it is provisioned as where it
 * is assigned), and a group of people. Each answers what main.ts draws: a graph, a title, a summary.
 */
import type { ApiNode, GraphResult } from '../model.ts';
import { pathLayout } from '../layouts.ts';
import type { ViewState } from '../url-state.ts';
import { loadGroup, loadPermissionSet, loadPerson, loadPersonReach, type PersonReach } from './data.ts';
import { accountNode, Builder, groupNode, link, permissionSetNode, personNode, roleNode } from './graph.ts';

export interface PeopleDrawn {
  result: GraphResult;
  layout: ReturnType<typeof pathLayout>;
  title: string;
  summary: string;
  crumbs: [string, string][];
  empty: [string, string];
}

const crumbs: [string, string][] = [['Overview', '?view=overview']];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A node of a way's path, known by key only: a role, a user or an account. */
function keyNode(key: string, known: Map<string, ApiNode>): ApiNode {
  const k = known.get(key);
  if (k) return k;
  if (/^\d{12}$/.test(key)) return { key, kind: 'Account' };
  return { key, kind: /:user\//.test(key) ? 'User' : 'Role' };
}

function drawn(b: Builder, title: string, summary: string, empty: [string, string]): PeopleDrawn {
  const result = b.result();
  return { result, layout: pathLayout(result.nodes.length), title, summary, crumbs, empty };
}

async function personView(id: string): Promise<PeopleDrawn> {
  const p = (await loadPerson(id)).person;
  const b = new Builder();
  if (!p)
    return drawn(b, 'Person not in this snapshot', '', [
      'Nobody by that name',
      'This snapshot has no Identity Center user with that name, email or id.',
    ]);
  b.node({ ...personNode(p), mark: 'start' });
  for (const s of p.signIns) {
    b.node(roleNode(s.role));
    b.edge(link('canSignIn', p.key, s.role.key, s.permissionSets.join(' · ')));
  }
  const accounts = new Set(p.assignments.map((a) => a.accountId));
  const missing = p.assignments.filter((a) => !a.role).length;
  return drawn(
    b,
    p.displayName ?? p.name,
    `${plural(p.groups.length, 'group')} · ${plural(p.assignments.length, 'assignment')} in ${plural(accounts.size, 'account')} · signs in as ${plural(p.signIns.length, 'role')}${missing ? ` · ${missing} without a provisioned role` : ''}${p.status === 'DISABLED' ? ' · disabled: cannot sign in' : ''}`,
    [
      'No roles to sign in as',
      p.status === 'DISABLED'
        ? 'This person is disabled in the identity store.'
        : 'No assignment gives this person a role: see the panel on the right.',
    ],
  );
}

/** The person, the roles they sign in as, and every way on from there to the roles and accounts reached. */
export function reachGraph(r: PersonReach): Builder {
  const b = new Builder();
  b.node({ ...personNode(r.person), mark: 'start' });
  const known = new Map<string, ApiNode>();
  for (const s of r.signIns) known.set(s.role.key, s.role);
  for (const w of r.reach) if (w.node.kind !== 'Account') known.set(w.node.key, w.node);
  for (const s of r.signIns) {
    b.node(roleNode(s.role));
    b.edge(link('canSignIn', r.person.key, s.role.key, s.permissionSets.join(' · ')));
  }
  for (const w of [...r.reach, ...r.admin]) {
    w.path.forEach((key, i) => {
      b.node(/^\d{12}$/.test(key) ? accountNode(key) : roleNode(keyNode(key, known)));
      if (i === 0) return;
      const last = i === w.path.length - 1;
      const kind = last && w.how === 'escalation' ? 'canEscalateTo' : 'canAssume';
      b.edge(link(kind, w.path[i - 1]!, key, '', w.conditional));
    });
    const end = w.path.at(-1)!;
    if (w.adminOf && end !== w.adminOf) {
      b.node(accountNode(w.adminOf));
      b.edge(link('canEscalateTo', end, w.adminOf, '', w.conditional));
    }
  }
  const result = b.result();
  for (const n of result.nodes) if (r.admin.some((a) => a.adminOf === n.id)) n.mark = 'target';
  return b;
}

async function personReachView(id: string, hops: number): Promise<PeopleDrawn> {
  const r = (await loadPersonReach(id, hops)).personReach;
  const b = reachGraph(r);
  const name = r.person.displayName ?? r.person.name;
  return drawn(
    b,
    `What ${name} can reach`,
    `signs in as ${plural(r.signIns.length, 'role')} · reaches ${plural(r.reach.length, 'role')} within ${hops} hops · administrator of ${plural(r.admin.length, 'account')}${r.truncated ? ' · cut at the size limit' : ''}`,
    ['Nothing', 'This person signs in as no role.'],
  );
}

/** An assignment edge over several accounts names them in its details and counts them on the graph. */
function countAccounts(b: Builder): void {
  for (const e of b.result().edges) {
    const names = e.kind === 'assigned' ? e.badge.split(' · ') : [];
    if (names.length < 2) continue;
    e.summaryLabel = e.badge;
    e.badge = `${names.length} accounts`;
  }
}

async function permissionSetView(id: string): Promise<PeopleDrawn> {
  const ps = (await loadPermissionSet(id)).permissionSet;
  const b = new Builder();
  if (!ps)
    return drawn(b, 'Permission set not in this snapshot', '', [
      'No such permission set',
      'This snapshot has no permission set with that ARN or name.',
    ]);
  b.node({ ...permissionSetNode(ps), mark: 'start' });
  for (const a of ps.assignments) {
    const holder = a.group ? groupNode(a.group) : a.person ? personNode(a.person) : undefined;
    if (holder) {
      b.node(holder);
      b.edge(link('assigned', holder.id, ps.key, a.accountName ?? a.accountId));
    }
    if (a.role) {
      b.node(roleNode(a.role));
      b.edge(link('provisions', ps.key, a.role.key));
    }
  }
  countAccounts(b);
  const unassigned = ps.provisionedAccountIds.filter((x) => !ps.assignedAccountIds.includes(x)).length;
  return drawn(
    b,
    `Permission set ${ps.name}`,
    `assigned in ${plural(ps.assignedAccountIds.length, 'account')}${unassigned ? ` (provisioned in ${unassigned} more, where nobody holds it)` : ''} · held by ${plural(ps.holders.length, 'person', 'people')}${ps.sessionDuration ? ` · sessions up to ${ps.sessionDuration.replace(/^PT/, '').toLowerCase()}` : ''}`,
    ['Not assigned', 'Nobody holds this permission set in any account.'],
  );
}

async function groupView(id: string): Promise<PeopleDrawn> {
  const d = await loadGroup(id);
  const g = d.peopleGroups.nodes[0];
  const b = new Builder();
  if (!g)
    return drawn(b, 'Group not in this snapshot', '', [
      'No such group',
      'This snapshot has no group by that name.',
    ]);
  b.node({ ...groupNode(g), mark: 'start' });
  for (const p of d.people.nodes) {
    b.node(personNode(p));
    b.edge(link('memberOf', p.key, g.key));
  }
  for (const a of d.assignments.nodes) {
    b.node(permissionSetNode(a.permissionSet));
    b.edge(link('assigned', g.key, a.permissionSet.key, a.accountName ?? a.accountId));
    if (a.role) {
      b.node(roleNode(a.role));
      b.edge(link('provisions', a.permissionSet.key, a.role.key));
    }
  }
  countAccounts(b);
  return drawn(
    b,
    `Group ${g.name}`,
    `${plural(d.people.totalCount, 'member')} · ${plural(d.assignments.nodes.length, 'assignment')}`,
    ['Empty group', 'Nobody is in this group.'],
  );
}

/** The people views by name; undefined for the page's other views. */
export function computePeopleView(s: ViewState): Promise<PeopleDrawn> | undefined {
  const id = s.node ?? '';
  switch (s.view) {
    case 'person':
      return personView(id);
    case 'people-group':
      return groupView(id);
    case 'person-reach':
      return personReachView(id, s.hops);
    case 'permission-set':
      return permissionSetView(id);
    default:
      return undefined;
  }
}
