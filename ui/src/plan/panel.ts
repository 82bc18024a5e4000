/**
 * The Plan tab: upload a Terraform plan (`terraform show -json`) or a CloudFormation template,
 * check it against the snapshot shown, read the gate's outcome and what the change would add
 * (each result with the resources behind it), and add the check to a review session
 * (review-form.ts). Also the details of a plan edge selected on the graph.
 */
import { ApiError } from '../api.ts';
import { append, byId, clear, h } from '../dom.ts';
import { accountNames } from '../model.ts';
import { dl, open, section } from '../panel-parts.ts';
import { showError, track } from '../status.ts';
import { state, update } from '../url-state.ts';
import { checkPlan, currentPlan, type PlanCheck } from './data.ts';
import { planEdgeId, planGraph, type PlanHopLike } from './graph.ts';
import { addresses, hopText, nameOf } from './parts.ts';
import { reviewForm } from './review-form.ts';

const DEFAULT_FAIL_ON = 'new-admin-path,new-external-trust,severity>=high';

/** A list item that selects its edge on the graph. */
function edgeItem(hop: PlanHopLike & { changed?: boolean }, diff: 'added' | 'removed'): HTMLElement {
  const id = planEdgeId(hop);
  const li = h(
    'li',
    { tabindex: 0, 'data-key': id, 'data-diff': diff, class: `plan-edge plan-${diff}` },
    hopText({ ...hop, changed: true }),
    addresses(hop.addresses),
  );
  li.addEventListener('click', () => update({ sel: id }, 'replace'));
  return li;
}

function gateLine(r: PlanCheck['report']): HTMLElement {
  return h(
    'p',
    {
      id: 'plan-gate',
      class: `plan-gate ${r.passed ? 'passed' : 'failed'}`,
      'data-passed': String(r.passed),
    },
    h('strong', {}, r.passed ? 'Gate passes' : 'Gate fails'),
    r.passed ? ` (${r.rules.join(', ')})` : `: ${r.failures.map((f) => `${f.rule} (${f.count})`).join(', ')}`,
  );
}

function results(check: PlanCheck): HTMLElement {
  const r = check.report;
  const paths = r.newAdminPaths.map((p) =>
    h(
      'li',
      { class: 'plan-path', 'data-from': p.from },
      h(
        'span',
        { class: 'title' },
        `${nameOf(p.from)} → administrator of ${accountNames.get(p.adminAccount) ?? p.adminAccount}`,
      ),
      h(
        'ol',
        { class: 'plan-hops' },
        p.hops.map((hop) => (hop.changed ? edgeItem(hop, 'added') : h('li', {}, hopText(hop)))),
      ),
    ),
  );
  const list = (title: string, items: HTMLElement[], id: string) =>
    items.length
      ? section(`${title} (${items.length})`, h('ul', { class: 'list plan-list', id }, items))
      : null;
  return h(
    'div',
    { id: 'plan-result' },
    gateLine(r),
    h(
      'p',
      { class: 'muted' },
      `${check.fileName} in account ${r.accountId} (${r.accountSource}) against ${r.snapshot.name}: ` +
        `${r.newAdminPathCount} new paths to admin, ${r.addedEdges.length} edges added, ${r.removedEdges.length} removed, ` +
        `${r.newFindings.length} new findings.`,
    ),
    list('New paths to admin', paths, 'plan-admin-paths'),
    list(
      'New trust from outside or anyone',
      r.newExternalTrust.map((e) => edgeItem(e, 'added')),
      'plan-external',
    ),
    list(
      'Edges added',
      r.addedEdges.map((e) => edgeItem(e, 'added')),
      'plan-added',
    ),
    list(
      'Edges removed',
      r.removedEdges.map((e) => edgeItem(e, 'removed')),
      'plan-removed',
    ),
    list(
      'New findings',
      r.newFindings.map((f) =>
        h(
          'li',
          {},
          h('span', { class: `sev sev-${f.severity}` }, f.severity),
          ' ',
          f.title,
          addresses(f.addresses),
        ),
      ),
      'plan-findings',
    ),
    list(
      'Known only after apply (match nothing)',
      r.unknowns.map((u) => h('li', {}, h('code', {}, `${u.address}.${u.attribute}`))),
      'plan-unknowns',
    ),
    r.warnings.length
      ? section(
          'Warnings',
          h(
            'ul',
            {},
            r.warnings.map((w) => h('li', {}, w)),
          ),
        )
      : null,
    reviewForm(check),
  );
}

/** The Plan tab; `redraw` routes the page again once a check is in. */
export function renderPlan(redraw: () => void): void {
  const panel = byId('panel-plan');
  clear(panel);
  const canCheck = document.body.dataset.role === 'reviewer';
  const file = h('input', {
    type: 'file',
    id: 'plan-file',
    accept: '.json,.yaml,.yml,.template,application/json',
    'aria-label': 'Plan file',
    disabled: !canCheck,
  });
  const failOn = h('input', {
    type: 'text',
    id: 'plan-fail-on',
    'aria-label': 'Gate rules',
    value: currentPlan()?.failOn || DEFAULT_FAIL_ON,
    disabled: !canCheck,
  });
  const run = h(
    'button',
    { type: 'button', class: 'btn primary', id: 'plan-check', disabled: !canCheck },
    'Check',
  );
  run.addEventListener('click', () => {
    const f = file.files?.[0];
    if (!f)
      return showError(
        'Choose a plan file first: `terraform show -json PLANFILE > plan.json`, or a CloudFormation template.',
      );
    run.disabled = true;
    void (async () => {
      try {
        const text = await f.text();
        await track('plan check', () => checkPlan(text, f.name, failOn.value));
        renderPlan(redraw);
        if (state().view === 'plan') redraw();
        else update({ view: 'plan', sel: undefined, node: undefined, to: undefined });
      } catch (err) {
        showError(err instanceof ApiError ? err.message : String(err));
      } finally {
        run.disabled = !canCheck;
      }
    })();
  });
  append(panel, [
    h('h2', {}, 'Check a plan'),
    h(
      'p',
      { class: 'muted' },
      'A Terraform plan (terraform show -json PLANFILE) or a CloudFormation template, checked against the snapshot shown. Nothing is stored.',
    ),
    canCheck
      ? null
      : h(
          'p',
          { class: 'muted' },
          'Checking a plan needs a reviewer token: a plan holds sensitive values in clear.',
        ),
    h('div', { class: 'field' }, h('label', { for: 'plan-file' }, 'Plan'), file),
    h('div', { class: 'field' }, h('label', { for: 'plan-fail-on' }, 'Fail on'), failOn),
    h('div', { class: 'row' }, run),
  ]);
  const check = currentPlan();
  if (check) panel.append(results(check));
}

/** The details of a plan edge selected on the graph: the relationship, its diff state, the resources behind it. */
export function showPlanSelection(sel: string): boolean {
  const check = currentPlan();
  if (!check) return false;
  const g = planGraph(check.report);
  const hop = g.hops.get(sel);
  if (!hop) return false;
  const b = open(
    hop.diff === 'removed'
      ? 'Removed by the plan'
      : hop.diff === 'added'
        ? 'Added by the plan'
        : 'Unchanged hop',
    'plan-edge',
  );
  b.append(
    dl([
      ['From', hop.from],
      ['To', hop.to],
      ['Relationship', hop.type],
      ['Method', hop.method ?? undefined],
      ['Plan', check.fileName],
    ]),
    section(
      'Caused by',
      hop.addresses.length
        ? h(
            'ul',
            { id: 'plan-edge-addresses' },
            hop.addresses.map((a) => h('li', {}, h('code', {}, a))),
          )
        : h('p', { class: 'muted' }, 'Nothing in the plan: this hop is in the snapshot already.'),
    ),
  );
  byId('details').dataset.state = 'ready';
  return true;
}
