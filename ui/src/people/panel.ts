/**
 * The right-hand panel for Identity Center: a person (groups, assignments per account with their
 * permission sets and roles, the roles they sign in as, a button to draw what they reach), a
 * permission set (policies, boundary, session duration, accounts, holders), a group, and the edges
 * the people views draw.
 */
import { h } from '../dom.ts';
import { jsonView, parseJson } from '../json-view.ts';
import { swatch } from '../legend.ts';
import type { GEdge } from '../model.ts';
import { accountLine, shortName } from '../model.ts';
import { accountColor, ADMIN_BADGE, EDGE_LABEL, KIND_LABEL } from '../palette.ts';
import { button, dl, open, section } from '../panel-parts.ts';
import { nodeIndex } from '../graph.ts';
import { track } from '../status.ts';
import { state, update } from '../url-state.ts';
import { loadGroup, loadPermissionSet, loadPerson, loadPersonReach } from './data.ts';
import { isGroupKey, isPermissionSetKey } from './graph.ts';

const ready = () => {
  const p = document.getElementById('details');
  if (p) p.dataset.state = 'ready';
};

const chip = (id: string, name?: string | null) =>
  h('span', { class: 'chip' }, swatch(accountColor(id)), name ? `${name} · ${id}` : accountLine(id));

/** A link that opens another view of the page. */
function go(label: string, view: 'person' | 'permission-set' | 'people-group' | 'node', key: string) {
  const a = h('a', { href: '#', class: 'people-link', 'data-key': key }, label);
  a.addEventListener('click', (ev) => {
    ev.preventDefault();
    update({ view, node: key, to: undefined, sel: key });
  });
  return a;
}

const list = (items: (Node | string)[], empty: string) =>
  items.length
    ? h(
        'ul',
        { class: 'plain' },
        items.map((x) => h('li', {}, x)),
      )
    : h('p', { class: 'muted' }, empty);

function table(head: string[], rows: (Node | string)[][], cls: string): HTMLTableElement {
  return h(
    'table',
    { class: `people-table ${cls}` },
    h(
      'tr',
      {},
      head.map((x) => h('th', {}, x)),
    ),
    rows.map((r) =>
      h(
        'tr',
        {},
        r.map((c) => h('td', {}, c)),
      ),
    ),
  );
}

async function showPerson(key: string): Promise<void> {
  const b = open(nodeIndex.get(key)?.name ?? 'Person', 'person');
  b.append(h('p', { class: 'kind-line' }, KIND_LABEL.person));
  const p = (await track('person', () => loadPerson(key))).person;
  if (!p) {
    b.append(h('p', {}, 'This person is not in the selected snapshot.'));
    return;
  }
  document.getElementById('details-title')!.textContent = p.displayName ?? p.name;
  b.append(
    dl([
      ['User name', p.userName],
      ['Email', p.emails.join(', ')],
      ['Status', p.status === 'DISABLED' ? 'disabled: cannot sign in' : 'enabled'],
      ['User id', h('code', {}, p.id)],
    ]),
    h(
      'div',
      { class: 'questions' },
      button(
        'Draw what they reach',
        () => update({ view: 'person-reach', node: p.key, to: undefined, sel: p.key }),
        { 'data-q': 'person-reach' },
      ),
      state().view === 'person'
        ? null
        : button('Their roles only', () => update({ view: 'person', node: p.key, sel: p.key }), {
            'data-q': 'person',
          }),
    ),
    section(
      'Groups',
      list(
        p.groups.map((g) => go(g.name, 'people-group', g.key)),
        'In no group.',
      ),
    ),
    section(
      'Assignments',
      p.assignments.length
        ? table(
            ['Account', 'Permission set', 'Role'],
            p.assignments.map((a) => [
              h(
                'span',
                { class: 'chip', title: a.accountId },
                swatch(accountColor(a.accountId)),
                a.accountName ?? a.accountId,
              ),
              h(
                'span',
                {},
                go(a.permissionSet.name, 'permission-set', a.permissionSet.key),
                h('br', {}),
                h('span', { class: 'muted' }, a.group ? 'through ' : 'directly'),
                a.group ? go(a.group.name, 'people-group', a.group.key) : '',
              ),
              a.role
                ? go('provisioned', 'node', a.role.key)
                : h(
                    'span',
                    { class: 'warn', title: 'The account has no provisioned AWSReservedSSO_ role' },
                    'missing',
                  ),
            ]),
            'assignments',
          )
        : h('p', { class: 'muted' }, 'No assignment.'),
    ),
    section(
      'Signs in as',
      list(
        p.signIns.map((s) =>
          h(
            'span',
            {},
            go(shortName(s.role), 'node', s.role.key),
            ` in ${accountLine(s.accountId)}${s.role.isAdmin ? ` · ${ADMIN_BADGE}` : ''}`,
          ),
        ),
        'No role.',
      ),
    ),
  );
  if (state().view === 'person-reach') await appendReach(b, p.key);
}

async function appendReach(b: HTMLElement, key: string): Promise<void> {
  const r = (await track('what they reach', () => loadPersonReach(key, state().hops))).personReach;
  b.append(
    section(
      'Administrator of',
      list(
        r.admin.map((w) =>
          h(
            'span',
            {},
            chip(w.adminOf ?? w.node.key),
            ` via ${shortName({ key: w.signIn.role.key, kind: 'Role' })}${w.how === 'escalation' ? ', by escalation' : ''}${w.conditional ? ' (conditional)' : ''}`,
          ),
        ),
        'No account.',
      ),
    ),
    section(
      `Roles reached (${r.reach.length}${r.truncated ? '+' : ''})`,
      list(
        r.reach.map((w) =>
          h(
            'span',
            {},
            go(shortName(w.node), 'node', w.node.key),
            ` · ${w.length} step${w.length === 1 ? '' : 's'}`,
          ),
        ),
        'None.',
      ),
    ),
  );
}

function boundaryText(json: string | null | undefined): string {
  const b = parseJson(json) as {
    customerManaged?: { name?: string; path?: string };
    managedPolicyArn?: string;
  } | null;
  if (!b) return 'none';
  if (b.managedPolicyArn) return b.managedPolicyArn;
  if (b.customerManaged)
    return `customer managed: ${b.customerManaged.path ?? '/'}${b.customerManaged.name ?? ''}`;
  return JSON.stringify(b);
}

async function showPermissionSet(key: string): Promise<void> {
  const b = open(nodeIndex.get(key)?.name ?? 'Permission set', 'permission-set');
  b.append(h('p', { class: 'kind-line' }, KIND_LABEL.permissionSet));
  const ps = (await track('permission set', () => loadPermissionSet(key))).permissionSet;
  if (!ps) {
    b.append(h('p', {}, 'This permission set is not in the selected snapshot.'));
    return;
  }
  document.getElementById('details-title')!.textContent = ps.name;
  const unassigned = ps.provisionedAccountIds.filter((a) => !ps.assignedAccountIds.includes(a));
  b.append(
    dl([
      ['ARN', h('code', { class: 'arn' }, ps.arn)],
      ['Description', ps.description],
      ['Session duration', ps.sessionDuration],
      ['Relay state', ps.relayState],
      ['Boundary', boundaryText(ps.permissionsBoundary)],
    ]),
    section(
      'Policies',
      list(
        [
          ...ps.awsManagedPolicyArns.map((a) =>
            h('span', {}, h('span', { class: 'tag' }, 'AWS managed'), ' ', a),
          ),
          ...ps.customerManagedPolicies.map((c) =>
            h('span', {}, h('span', { class: 'tag' }, 'customer managed'), ' ', c),
          ),
        ],
        'No managed policy.',
      ),
      ps.inlinePolicy ? h('p', { class: 'muted' }, 'Inline policy:') : null,
      ps.inlinePolicy ? jsonView(parseJson(ps.inlinePolicy)) : null,
    ),
    section(
      'Accounts',
      list(
        ps.assignedAccountIds.map((a) => {
          const here = ps.assignments.filter((x) => x.accountId === a);
          return h(
            'span',
            {},
            chip(a, here[0]?.accountName),
            here.some((x) => !x.role)
              ? h('span', { class: 'warn' }, ' · role missing: the assignment gives no access')
              : '',
          );
        }),
        'Assigned in no account.',
      ),
      unassigned.length
        ? h(
            'p',
            { class: 'muted' },
            `Provisioned but assigned to nobody in ${unassigned.map((a) => accountLine(a)).join(', ')}: no access there.`,
          )
        : null,
    ),
    section(
      `Held by (${ps.holders.length})`,
      ps.holders.length
        ? table(
            ['Person', 'Accounts', 'Through'],
            ps.holders.map((x) => [
              go(x.person.name.replace(/@.*$/, ''), 'person', x.person.key),
              x.accountIds.map((a) => accountLine(a).split(' · ')[0]).join(', '),
              [...(x.direct ? ['directly'] : []), ...x.groups].join(', '),
            ]),
            'holders',
          )
        : h('p', { class: 'muted' }, 'Nobody.'),
    ),
  );
}

async function showGroup(key: string): Promise<void> {
  const b = open(nodeIndex.get(key)?.name ?? 'Group', 'people-group');
  b.append(h('p', { class: 'kind-line' }, KIND_LABEL.peopleGroup));
  const d = await track('group', () => loadGroup(key));
  const g = d.peopleGroups.nodes[0];
  if (!g) {
    b.append(h('p', {}, 'This group is not in the selected snapshot.'));
    return;
  }
  document.getElementById('details-title')!.textContent = g.name;
  b.append(
    dl([
      ['Description', g.description],
      ['Members', String(g.memberCount)],
    ]),
    section(
      'Assignments',
      list(
        d.assignments.nodes.map((a) =>
          h(
            'span',
            {},
            go(a.permissionSet.name, 'permission-set', a.permissionSet.key),
            ' in ',
            chip(a.accountId, a.accountName),
          ),
        ),
        'No assignment.',
      ),
    ),
    section(
      'Members',
      list(
        d.people.nodes.map((p) => go(p.displayName ?? p.name, 'person', p.key)),
        'Nobody.',
      ),
    ),
  );
}

/** Details of a person, group or permission set. */
export async function showPeopleNode(key: string): Promise<void> {
  try {
    if (isPermissionSetKey(key)) await showPermissionSet(key);
    else if (isGroupKey(key)) await showGroup(key);
    else await showPerson(key);
  } finally {
    ready();
  }
}

/** What an edge of the people views means; the evidence is the assignment, shown on its ends. */
export function showPeopleEdge(e: GEdge): void {
  const from = nodeIndex.get(e.source);
  const to = nodeIndex.get(e.target);
  const b = open(`${from?.name ?? e.source} ${EDGE_LABEL[e.kind]} ${to?.name ?? e.target}`, 'edge');
  b.append(
    h(
      'p',
      {},
      e.kind === 'canSignIn'
        ? `An IAM Identity Center account assignment (${e.badge || 'a permission set'}) lets this person sign in as the role it provisions in that account.`
        : e.kind === 'assigned'
          ? `Assigned in: ${e.summaryLabel ?? e.badge}.`
          : e.kind === 'provisions'
            ? 'Identity Center created this AWSReservedSSO_ role in the account when the permission set was first assigned there.'
            : 'Membership in the identity store group.',
    ),
    h(
      'p',
      { class: 'muted' },
      'https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html',
    ),
  );
  ready();
}
