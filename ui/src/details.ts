/** The right-hand panel: a node's details, or an edge's evidence ("why does this edge exist?"). */
import { request } from './api.ts';
import type { EdgeEvidenceQuery } from './generated/operations.ts';
import { loadNeighbours } from './data.ts';
import { byId, h } from './dom.ts';
import { addElements, collapse, edgeIndex, graph, nodeIndex, runLayout } from './graph.ts';
import { jsonView, parseJson, statementAt } from './json-view.ts';
import { pathLayout } from './layouts.ts';
import type { ApiNode, FullEdge, GEdge, StatementRef } from './model.ts';
import { accountLine, conditionKindsOf, kindOf, shortName } from './model.ts';
import type { ConditionKind } from './palette.ts';
import {
  accountColor,
  CONDITION_BADGE,
  CONDITION_HELP,
  EDGE_LABEL,
  KIND_LABEL,
  SEVERITY_COLOR,
} from './palette.ts';
import { track } from './status.ts';
import { state, update } from './url-state.ts';
import { swatch } from './legend.ts';
import { button, closeDetails, dl, open, section } from './panel-parts.ts';
import { showPeopleEdge, showPeopleNode } from './people/panel.ts';
import { isPeopleKey } from './people/graph.ts';
import { showAccessEdge, showResourceDetails } from './resources/panel.ts';

export { closeDetails };

const isPrincipal = (key: string) => /^arn:aws[\w-]*:iam::\d{12}:(user|role)\//.test(key);

/** The questions one can ask about a node, as buttons. */
function questions(key: string, kind: string): HTMLElement {
  const s = state();
  const box = h('div', { class: 'questions' });
  if (kind === 'role')
    box.append(
      button(
        'Who can reach this',
        () => update({ view: 'reach-in', node: key, to: undefined, sel: undefined }),
        { 'data-q': 'reach-in' },
      ),
    );
  box.append(
    button(
      'What can this reach',
      () => update({ view: 'reach-out', node: key, to: undefined, sel: undefined }),
      { 'data-q': 'reach-out' },
    ),
  );
  if (kind === 'user' || kind === 'role')
    box.append(
      button('Paths to admin', () => update({ view: 'admin', node: key, to: undefined, sel: undefined }), {
        'data-q': 'admin',
      }),
    );
  box.append(
    button(
      s.node && s.node !== key ? `Paths from ${shortLabel(s.node)} to here` : 'Paths to… (pick a target)',
      () => {
        if (s.node && s.node !== key) update({ view: 'paths', node: s.node, to: key, sel: undefined });
        else {
          update({ node: key }, 'replace');
          document.dispatchEvent(new CustomEvent('atlas:pick-target', { detail: key }));
        }
      },
      { 'data-q': 'paths' },
    ),
  );
  if (isPrincipal(key)) {
    box.append(
      button('Expand neighbours', () => void expand(key), { 'data-q': 'expand', title: 'e' }),
      button('Collapse', () => void collapse(key), { 'data-q': 'collapse' }),
    );
  }
  return box;
}

function shortLabel(key: string): string {
  const n = nodeIndex.get(key);
  return n?.name ?? key.split(/[/:]/).pop() ?? key;
}

export async function expand(key: string): Promise<void> {
  const r = await track('neighbours', () => loadNeighbours(key));
  const added = addElements(r, key);
  if (added.length) await runLayout({ ...pathLayout(graph().nodes().length), fit: false } as never);
}

const accountChip = (id: string | undefined | null) =>
  id ? h('span', { class: 'chip' }, swatch(accountColor(id)), accountLine(id)) : null;

export async function showNode(key: string): Promise<void> {
  if (isPeopleKey(key)) return showPeopleNode(key);
  const gn = nodeIndex.get(key);
  if (gn?.kind === 'resource') return showResourceDetails(key);
  const kind =
    gn?.kind ??
    (isPrincipal(key)
      ? key.includes(':user/')
        ? 'user'
        : 'role'
      : /^\d{12}$/.test(key)
        ? 'account'
        : 'external');
  const b = open(gn?.name ?? shortName({ key, kind: 'x' }), 'node');
  b.append(h('p', { class: 'kind-line' }, KIND_LABEL[kind]));
  try {
    if (isPrincipal(key)) {
      const d = await track('details', () => request('PRINCIPAL', { arn: key, snap: state().snap }));
      const p = d.principal;
      if (!p) {
        b.append(h('p', {}, 'This principal is not in the selected snapshot.'));
        return;
      }
      byId('details-title').textContent = p.name;
      b.append(
        dl([
          ['ARN', h('code', { class: 'arn' }, p.arn)],
          ['Account', accountChip(p.accountId)],
          ['Path', p.path],
          ['Created', p.createDate?.slice(0, 10)],
          ['Last used', p.kind === 'ROLE' ? (p.lastUsedDate?.slice(0, 10) ?? 'never recorded') : undefined],
          ['Description', p.description],
          ['Service-linked', p.serviceLinked ? 'yes: only AWS can use it' : undefined],
          ['Boundary', p.boundary ? (p.boundary.name ?? p.boundary.key) : 'none'],
        ]),
        questions(key, kind),
      );
      if (p.tags.length)
        b.append(
          section(
            'Tags',
            h(
              'table',
              { class: 'tags' },
              p.tags.map((t) => h('tr', {}, h('th', {}, t.key), h('td', {}, t.value))),
            ),
          ),
        );
      b.append(
        section(
          'Policies',
          p.policies.length
            ? h(
                'ul',
                { class: 'plain' },
                p.policies.map((x) => h('li', {}, h('span', { class: 'tag' }, x.kind), ' ', x.name ?? x.key)),
              )
            : h('p', { class: 'muted' }, 'No identity policies.'),
        ),
      );
      for (const g of p.groups)
        b.append(
          section(
            `Group ${g.name}`,
            h(
              'ul',
              { class: 'plain' },
              g.policies.map((x) => h('li', {}, h('span', { class: 'tag' }, x.kind), ' ', x.name ?? x.key)),
            ),
          ),
        );
      if (p.trustPolicy) b.append(section('Trust policy', jsonView(parseJson(p.trustPolicy))));
    } else if (/^\d{12}$/.test(key)) {
      const d = await track('details', () => request('ACCOUNT', { id: key, snap: state().snap }));
      const a = d.account;
      if (a) {
        byId('details-title').textContent = a.name ?? a.id;
        b.append(
          dl([
            ['Account id', a.id],
            ['Colour', accountChip(a.id)],
            ['Email', a.email],
            ['Status', a.status],
            [
              'Organization',
              a.external
                ? 'outside: named only by a trust policy'
                : a.inOrganization
                  ? a.isManagement
                    ? 'management account'
                    : 'member'
                  : 'not listed',
            ],
            ['OU', a.parentId],
            ['IAM data', a.hasIamData ? 'ingested' : 'none'],
          ]),
        );
        if (a.hasIamData)
          b.append(
            h(
              'div',
              { class: 'questions' },
              button('Open its principals', () => update({ view: 'account', node: a.id, sel: undefined }), {
                'data-q': 'open-account',
              }),
            ),
          );
      }
      b.append(questions(key, 'account'));
    } else {
      b.append(
        dl([
          ['Key', h('code', { class: 'arn' }, key)],
          ['Account', accountChip(gn?.accountId)],
        ]),
        questions(key, kind),
      );
    }
  } finally {
    byId('details').dataset.state = 'ready';
  }
}

/** A policy that may hold an edge's evidence, as EDGE_EVIDENCE selects it. */
type EvidenceDoc = NonNullable<EdgeEvidenceQuery['source']>['policies'][number];

export async function showEdge(id: string): Promise<void> {
  const ge = edgeIndex.get(id);
  if (!ge) return;
  if (ge.kind === 'trustSummary') return showSummary(ge);
  if (isPeopleKey(ge.source)) return showPeopleEdge(ge);
  if (ge.kind === 'canAccess') return showAccessEdge(ge);
  const from = nodeIndex.get(ge.source);
  const to = nodeIndex.get(ge.target);
  const b = open(`${from?.name ?? ge.source} ${EDGE_LABEL[ge.kind]} ${to?.name ?? ge.target}`, 'edge');
  try {
    const d = await track('evidence', () =>
      request('EDGE_EVIDENCE', {
        from: ge.source,
        to: ge.target,
        snap: state().snap,
        fromIsPrincipal: isPrincipal(ge.source),
        toIsPrincipal: isPrincipal(ge.target),
      }),
    );
    const edge =
      ge.kind === 'canEscalateTo'
        ? d.source?.canEscalateTo.nodes.find((e) => e.to.key === ge.target)
        : d.target?.assumableBy.nodes.find((e) => e.from.key === ge.source);
    if (!edge) {
      b.append(h('p', {}, 'This edge is not in the selected snapshot any more.'));
      return;
    }
    renderEdge(
      b,
      ge,
      edge,
      d.target?.trustPolicy,
      [
        ...(d.source?.policies ?? []),
        ...(d.source?.groups.flatMap((g) =>
          g.policies.map((p) => ({ ...p, name: `${p.name ?? p.key} (group ${g.name})` })),
        ) ?? []),
      ],
      d.source?.boundary ?? undefined,
    );
  } finally {
    byId('details').dataset.state = 'ready';
  }
}

function nodeLine(n: ApiNode): HTMLElement {
  const kind = kindOf(n);
  return h(
    'span',
    { class: 'node-line' },
    h('span', { class: `kind-dot kind-${kind}` }),
    h('strong', {}, shortName(n)),
    ' ',
    h('span', { class: 'muted' }, accountLine(n.accountId) || KIND_LABEL[kind]),
  );
}

function renderEdge(
  b: HTMLElement,
  ge: GEdge,
  e: FullEdge,
  trustPolicy: string | null | undefined,
  policies: EvidenceDoc[],
  boundary: EvidenceDoc | undefined,
): void {
  const kinds = conditionKindsOf(e.conditions);
  const badges = h('p', { class: 'badges' });
  if (e.conditional)
    for (const k of kinds) badges.append(h('span', { class: `badge cond cond-${k}` }, CONDITION_BADGE[k]));
  else badges.append(h('span', { class: 'badge ok' }, 'no request-time condition'));
  if (e.crossAccount) badges.append(h('span', { class: 'badge' }, 'cross-account'));
  if (e.crossOrganization) badges.append(h('span', { class: 'badge warn' }, 'outside the organization'));
  if (e.roleChaining) badges.append(h('span', { class: 'badge' }, 'role chaining: 1 h session'));
  b.append(
    h(
      'p',
      { class: 'edge-sentence' },
      nodeLine(e.from),
      h('span', { class: 'edge-verb' }, ` ${EDGE_LABEL[ge.kind]} `),
      nodeLine(e.to),
    ),
    badges,
    dl([
      ['Method', e.method ?? undefined],
      ['Mechanism', e.mechanism ?? undefined],
      ['Trust names the caller', e.via ?? undefined],
      ['Actions', e.actions?.join(', ')],
      ['SCPs / RCPs', e.orgPolicyIds?.length ? e.orgPolicyIds.join(', ') : undefined],
    ]),
  );

  if (e.conditions.length) {
    const table = h(
      'ul',
      { class: 'conditions' },
      e.conditions.map((c) =>
        h(
          'li',
          {},
          h('code', { class: 'cond-key' }, c.key),
          h('span', { class: 'muted' }, ` ${c.operator} · ${c.mustHold ? 'must hold' : 'must not hold'}`),
          h('div', { class: 'cond-values' }, c.values.join(', ')),
        ),
      ),
    );
    b.append(section('Conditions that must hold at request time', table, assumptionToggles(kinds)));
  }

  const marks = e.conditions.map((c) => c.key);
  const trustRefs = (e.evidence ?? []).filter((r) => r.policyKind === 'trust');
  const trustDoc = parseJson(trustPolicy);
  for (const r of trustRefs.length ? trustRefs : []) {
    b.append(
      section(
        `Trust statement ${label(r)}`,
        jsonView(statementAt(trustDoc, r.statementIndex) ?? trustDoc, marks),
      ),
    );
  }
  if (!trustRefs.length && trustDoc && ge.kind === 'canAssume')
    b.append(section('Trust policy', jsonView(trustDoc, marks)));

  for (const r of (e.evidence ?? []).filter((x) => x.policyKind !== 'trust')) {
    const doc = [...policies, ...(boundary ? [boundary] : [])].find(
      (p) => p.key === r.policyId || p.arn === r.policyId,
    );
    const title = `${r.policyKind === 'boundary' ? 'Boundary' : 'Identity'} statement ${label(r)} · ${doc?.name ?? r.policyId}`;
    if (r.policyId.startsWith('assumed:'))
      b.append(
        section(
          'Caller’s own policies',
          h(
            'p',
            { class: 'muted' },
            'The caller is outside the snapshot: its own policies are assumed to allow the call.',
          ),
        ),
      );
    else
      b.append(
        section(
          title,
          doc?.document
            ? jsonView(statementAt(parseJson(doc.document), r.statementIndex), marks)
            : h('p', { class: 'muted' }, r.policyId),
        ),
      );
  }
  if (e.reasons?.length)
    b.append(
      section(
        'How it was decided',
        h(
          'ol',
          { class: 'reasons' },
          e.reasons.map((r) => h('li', {}, r)),
        ),
      ),
    );
}

const label = (r: StatementRef) => `#${r.statementIndex}${r.sid ? ` (${r.sid})` : ''} · ${r.effect}`;

/** Switches for the analyst's assumptions about the conditions on this edge; flipping one redraws the question. */
export function assumptionToggles(kinds: readonly ConditionKind[]): HTMLElement {
  const box = h('div', { class: 'assumptions' });
  for (const k of kinds) {
    const id = `assume-${k}-${Math.random().toString(36).slice(2, 7)}`;
    const input = h('input', {
      type: 'checkbox',
      id,
      'data-assumption': k,
      checked: !state().off.includes(k),
    });
    input.addEventListener('change', () => {
      const off = new Set(state().off);
      if (input.checked) off.delete(k);
      else off.add(k);
      update({ off: [...off] }, 'replace');
    });
    box.append(h('label', { for: id, class: 'switch' }, input, ` Assume ${CONDITION_HELP[k]}`));
  }
  return box;
}

function showSummary(ge: GEdge): void {
  const from = nodeIndex.get(ge.source);
  const to = nodeIndex.get(ge.target);
  const b = open(`${from?.name ?? ge.source} → ${to?.name ?? ge.target}`, 'edge');
  b.append(
    h(
      'p',
      { class: 'edge-sentence' },
      `${ge.count} role${ge.count === 1 ? '' : 's'} in ${to?.name ?? ge.target} can be assumed from ${from?.name ?? ge.source}.`,
    ),
    dl([
      ['Worst finding', ge.severity ? h('span', { class: `sev sev-${ge.severity}` }, ge.severity) : 'none'],
      [
        'Conditions',
        ge.conditionKinds.length
          ? ge.conditionKinds.map((k) => CONDITION_BADGE[k]).join(', ')
          : 'none on some edges',
      ],
    ]),
  );
  if (ge.severity) b.querySelector('.sev')?.setAttribute('data-color', SEVERITY_COLOR[ge.severity]);
  if (to?.openable)
    b.append(
      h(
        'div',
        { class: 'questions' },
        button(`Open ${to.name}`, () => update({ view: 'account', node: ge.target, sel: undefined }), {
          'data-q': 'open-account',
        }),
      ),
    );
  byId('details').dataset.state = 'ready';
}
