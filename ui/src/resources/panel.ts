/**
 * The resource panels: one resource (its policy with the statements that matter highlighted, those
 * some CAN_ACCESS edge rests on; its settings, tags, roles and findings; who reaches it), one access
 * edge (the statement behind it), and the public / external access list with its filters.
 */
// The engine's lists of levels and types (constants only): the filters offer what the API accepts.
import { RESOURCE_TYPES } from '../../../engine/resources/model.ts';
import { ACCESS_LEVELS } from '../../../engine/resources/types.ts';
import { byId, h } from '../dom.ts';
import { jsonView, parseJson, statementAt } from '../json-view.ts';
import type { GEdge } from '../model.ts';
import { accountLine, shortName } from '../model.ts';
import { button, dl, open, section } from '../panel-parts.ts';
import { track } from '../status.ts';
import { state, update, type ViewState } from '../url-state.ts';
import { loadExternalAccess, loadResource, type AccessItem, type ResourceDetails } from './data.ts';

/** The resource types with a resource policy IAM Atlas analyses: the ones access findings are about. */
const TYPES = RESOURCE_TYPES.slice(0, RESOURCE_TYPES.indexOf('ecr-repository') + 1);

const openResource = (arn: string) => update({ view: 'resource', node: arn, sel: undefined });

/** The policy, one block per statement; the cited ones marked (class stmt-cited) and said so. */
function policyView(policy: string, cited: readonly number[], marks: readonly string[] = []): HTMLElement {
  const doc = parseJson(policy);
  const list = (doc as { Statement?: unknown })?.Statement;
  const count = Array.isArray(list) ? list.length : list ? 1 : 0;
  const blocks = Array.from({ length: count }, (_, i) => {
    const st = statementAt(doc, i) as { Sid?: string } | undefined;
    const isCited = cited.includes(i);
    return h(
      'div',
      { class: isCited ? 'stmt stmt-cited' : 'stmt', 'data-statement': i },
      h(
        'p',
        { class: 'stmt-head' },
        `Statement ${i}${st?.Sid ? ` (${st.Sid})` : ''}`,
        isCited ? h('span', { class: 'stmt-badge' }, 'grants access') : '',
      ),
      jsonView(st, marks),
    );
  });
  return h('div', { class: 'policy' }, ...blocks);
}

function resourceBody(b: HTMLElement, r: ResourceDetails): void {
  b.append(
    h('p', { class: 'kind-line' }, `resource · ${r.type}`),
    dl([
      ['ARN', h('code', { class: 'arn' }, r.key)],
      ['Account', accountLine(r.accountId)],
      ['Region', r.region],
      ['Sensitive', r.sensitive ? 'yes' : undefined],
      ['Public', r.public ? 'yes: anyone can reach it' : undefined],
      ['Outside access', r.externalAccess ? 'yes: reachable from outside the zone of trust' : undefined],
      ['Read from', r.sourceFile],
    ]),
  );
  if (r.runsAs.length)
    b.append(
      section(
        'Runs as',
        h(
          'ul',
          {},
          r.runsAs.map((x) =>
            h(
              'li',
              {},
              shortName(x.role),
              x.instanceProfileArn ? ` (instance profile ${x.instanceProfileArn})` : '',
            ),
          ),
        ),
      ),
    );
  if (r.findings.length)
    b.append(
      section(
        'Findings',
        ...r.findings.map((f) =>
          h(
            'p',
            {},
            h('span', { class: `sev sev-${f.severity}` }, f.severity),
            ' ',
            h('strong', {}, f.title),
          ),
        ),
      ),
    );
  b.append(
    section(
      'Resource policy',
      r.policy
        ? policyView(r.policy, r.citedStatements)
        : h(
            'p',
            { class: 'muted' },
            'No resource policy: only identity policies in its account can grant access.',
          ),
    ),
  );
  if (r.tags.length) b.append(section('Tags', dl(r.tags.map((t) => [t.key, t.value] as [string, string]))));
  const settings = parseJson(r.settings);
  if (settings && typeof settings === 'object' && Object.keys(settings).length)
    b.append(section('Settings', jsonView(settings)));
}

/** One resource in the details panel. */
export async function showResourceDetails(arn: string): Promise<void> {
  const b = open(arn.split(/[:/]/).pop() ?? arn, 'resource');
  try {
    const d = await track('resource', () => loadResource(arn, state().hops));
    if (!d.resource) {
      b.append(h('p', {}, 'This resource is not in the selected snapshot.'));
      return;
    }
    byId('details-title').textContent = d.resource.name ?? arn;
    if (state().view !== 'resource' || state().node !== arn)
      b.append(button('Who can access it', () => openResource(arn), { id: 'open-resource' }));
    resourceBody(b, d.resource);
  } finally {
    byId('details').dataset.state = 'ready';
  }
}

/** A CAN_ACCESS edge: its level and actions, conditions, and the policy statement behind it marked. */
export async function showAccessEdge(ge: GEdge): Promise<void> {
  const b = open(
    `${shortName({ key: ge.source, kind: 'x' })} can access ${ge.target.split(/[:/]/).pop()}`,
    'edge',
  );
  try {
    const d = await track('resource', () => loadResource(ge.target, state().hops));
    const w = d.whoCanAccess;
    const edges = [...w.direct, ...w.viaPaths, ...w.people]
      .flatMap((e) => e.path.edges)
      .filter((e) => e.type === 'CAN_ACCESS' && e.from.key === ge.source);
    if (!edges.length || !d.resource) {
      b.append(h('p', {}, 'This edge is not in the selected snapshot any more.'));
      return;
    }
    for (const e of edges.filter((x, i) => edges.findIndex((y) => y.level === x.level) === i))
      b.append(
        section(
          `${e.level ?? ''} access${e.public ? ' (public)' : ''}`,
          dl([
            ['Actions', e.actions.join(', ')],
            ['Granted by', e.via ?? undefined],
            [
              'Conditions',
              e.conditions
                .map((c) => `${c.mustHold ? '' : 'NOT '}${c.key} ${c.operator} ${c.values.join(' | ')}`)
                .join('; ') || undefined,
            ],
            [
              'Statements',
              e.evidence
                .map((s) => `${s.policyKind} ${s.policyId} #${s.statementIndex}${s.sid ? ` (${s.sid})` : ''}`)
                .join('; '),
            ],
          ]),
        ),
      );
    const cited = edges.flatMap((e) =>
      e.evidence.filter((s) => s.policyKind === 'resource').map((s) => s.statementIndex),
    );
    if (d.resource.policy) b.append(section('Resource policy', policyView(d.resource.policy, cited)));
    b.append(button('Open the resource', () => openResource(ge.target)));
  } finally {
    byId('details').dataset.state = 'ready';
  }
}

function select(
  label: string,
  id: string,
  options: readonly string[],
  value: string | undefined,
  all: string,
) {
  const sel = h(
    'select',
    { id },
    h('option', { value: '' }, all),
    options.map((o) => h('option', { value: o, selected: o === value }, o)),
  );
  return { field: h('label', { class: 'filter' }, `${label} `, sel), sel };
}

function accessRow(x: AccessItem): HTMLElement {
  const st = x.statement;
  const li = h(
    'li',
    { class: 'access-item', tabindex: 0, 'data-resource': x.resource.key },
    h(
      'p',
      {},
      h('span', { class: `sev sev-${x.finding.severity}` }, x.finding.severity),
      ' ',
      h('strong', {}, x.resource.name ?? x.resource.key),
      ` · ${x.resourceType}`,
    ),
    h(
      'p',
      { class: 'muted' },
      `${x.public ? 'anyone' : shortName(x.caller)} · ${x.level} (${x.actions.join(', ')})${x.conditions.length ? ` · if ${x.conditions.map((c) => c.key).join(', ')}` : ''}`,
    ),
    st
      ? h(
          'p',
          { class: 'muted' },
          `statement ${st.statementIndex}${st.sid ? ` (${st.sid})` : ''}${x.zoneOfTrust ? ` · zone: ${x.zoneOfTrust}` : ''}`,
        )
      : '',
  );
  li.addEventListener('click', () => openResource(x.resource.key));
  li.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') openResource(x.resource.key);
  });
  return li;
}

/** The public and external access list with its filters (type, level, public only), kept in the URL. */
export async function showExternalAccessList(s: ViewState): Promise<void> {
  const b = open('Public and external access', 'external-access');
  try {
    const type = select('Type', 'filter-type', TYPES, s.rType, 'any type');
    const level = select('Level', 'filter-level', ACCESS_LEVELS, s.rLevel, 'any level');
    const pub = h('input', { type: 'checkbox', id: 'filter-public', checked: s.rPublic === true });
    type.sel.addEventListener('change', () => update({ rType: type.sel.value || undefined }, 'replace'));
    level.sel.addEventListener('change', () => update({ rLevel: level.sel.value || undefined }, 'replace'));
    pub.addEventListener('change', () => update({ rPublic: pub.checked || undefined }, 'replace'));
    b.append(
      h(
        'div',
        { class: 'filters' },
        type.field,
        level.field,
        h('label', { class: 'filter' }, pub, ' public only'),
      ),
    );
    const r = (
      await track('external access', () =>
        loadExternalAccess({ type: s.rType, level: s.rLevel, publicOnly: s.rPublic }),
      )
    ).externalAccess;
    b.append(
      h(
        'p',
        { class: 'muted', id: 'access-count' },
        `${r.totalCount} finding${r.totalCount === 1 ? '' : 's'}`,
      ),
    );
    b.append(h('ul', { class: 'access-list' }, r.nodes.map(accessRow)));
  } finally {
    byId('details').dataset.state = 'ready';
  }
}
