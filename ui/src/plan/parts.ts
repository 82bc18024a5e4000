/** What the plan views share: names of nodes, the resources behind a hop, a hop in words, a review item's plan evidence. */
import { h } from '../dom.ts';
import type { ReviewSessionQuery } from '../generated/operations.ts';
import { nodeIndex } from '../graph.ts';
import { accountNames } from '../model.ts';
import type { PlanHopLike } from './graph.ts';

/** A review item's plan evidence, as REVIEW_SESSION selects it. */
type PlanChangeEvidence = NonNullable<
  NonNullable<ReviewSessionQuery['reviewSession']>['items'][number]['planChange']
>;

export const nameOf = (key: string): string =>
  key.startsWith('admin:')
    ? `Administrator of ${accountNames.get(key.slice(6)) ?? key.slice(6)}`
    : (nodeIndex.get(key)?.name ?? key.split(/[/:]/).pop() ?? key);

export const addresses = (list: readonly string[]) =>
  list.length
    ? h(
        'span',
        { class: 'plan-addresses' },
        ' by ',
        ...list.flatMap((a, i) => [i ? ', ' : '', h('code', {}, a)]),
      )
    : null;

export function hopText(hop: PlanHopLike & { changed?: boolean }): Node {
  const text = `${nameOf(hop.from)} → ${nameOf(hop.to)}${hop.method ? ` (${hop.method})` : ''}`;
  return hop.changed ? h('strong', { class: 'plan-changed' }, text) : h('span', {}, text);
}

/** A review item's plan evidence: the plan, the gate, the hops (changed ones in bold) and the resources. */
export function planEvidenceCard(
  p: Pick<PlanChangeEvidence, 'plan' | 'accountId' | 'passed' | 'failures' | 'hops' | 'addresses'>,
): HTMLElement {
  return h(
    'div',
    { class: 'plan-evidence' },
    h(
      'p',
      { class: 'muted' },
      `Plan ${p.plan} in account ${p.accountId}: gate ${p.passed ? 'passes' : `fails ${p.failures.map((f) => f.rule).join(', ')}`}`,
    ),
    p.hops.length
      ? h(
          'ol',
          { class: 'plan-hops' },
          p.hops.map((hop) => h('li', {}, hopText(hop), hop.changed ? addresses(hop.addresses) : null)),
        )
      : null,
    !p.hops.length && p.addresses.length ? h('p', {}, addresses(p.addresses)) : null,
  );
}
