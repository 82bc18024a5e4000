/**
 * The overview of a large organization: its OUs as nodes carrying counts, expanded on click into
 * their accounts; callers outside the organization in one node per kind, expanded on click into
 * their members; trust aggregated at the level shown (GraphQL organizationOverview).
 */
import { request } from '../api.ts';
import { assumptions } from '../data.ts';
import type * as Op from '../generated/operations.ts';
import type { GEdge, GNode, GraphResult } from '../model.ts';
import { badgeOf, conditionKindsOf } from '../model.ts';
import type { Kind, Severity } from '../palette.ts';
import { state } from '../url-state.ts';
import { FIRST_SCREEN_BUDGET } from './budget.ts';

/**
 * Above this many accounts the overview starts from the OUs. The demo (7 accounts in the
 * organization) and any organization up to this size keep the account-level overview.
 */
export const ORG_SCALE_ACCOUNTS = 25;

export type Unit = Op.OrgOverviewQuery['organizationOverview']['units'][number];
export type UnitTrust = Op.OrgOverviewQuery['organizationOverview']['trust'][number];

export interface OrgOverviewResult extends GraphResult {
  organizationId?: string;
  accountCount: number;
  /** Every account of the organization with its counts (the ranked lists). */
  accounts: Unit[];
  units: Unit[];
}

/** What is expanded, kept for the session (OU ids and outside group ids). */
const expanded = new Set<string>();
const listeners: (() => void)[] = [];

export function expandedUnits(): string[] {
  return [...expanded].sort();
}

export function onExpandChange(fn: () => void): void {
  listeners.push(fn);
}

/** Expands a collapsed OU or outside group, collapses an expanded one. */
export function toggleUnit(id: string): void {
  if (expanded.has(id)) expanded.delete(id);
  else expanded.add(id);
  for (const fn of listeners) fn();
}

let forced = false;

/** The OU view was asked for (the size guard's "Collapse to OUs"), whatever the organization's size. */
export function orgScaleForced(): boolean {
  return forced;
}

/** Back to the OUs: nothing expanded. */
export function collapseAll(): void {
  expanded.clear();
  forced = true;
  for (const fn of listeners) fn();
}

const OUTSIDE = 'outside-organization';
const GROUP_KIND: Record<string, Kind> = {
  'outside:accounts': 'external',
  'outside:aws-services': 'service',
  'outside:identity-providers': 'provider',
  'outside:anyone': 'anyone',
};
const groupOf = (id: string) => /^outside:[a-z-]+/.exec(id)?.[0] ?? '';

const plural = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

function unitNode(u: Unit, rootId: string | undefined): GNode {
  const base = { id: u.id, name: u.name };
  const data = { orgUnit: u.kind, worst: u.worstSeverity ?? '' };
  switch (u.kind) {
    case 'OU':
      if (u.expanded)
        return {
          ...base,
          kind: 'account',
          label: u.parentId
            ? `${u.name} · ${plural(u.accountCount, 'account')}${u.trustAtBox ? ` · trust shown for the OU: in ${u.trustIn} · out ${u.trustOut}` : ''}`
            : `${u.name} · ${u.id}`,
          compound: 'ou',
          ...(u.parentId ? { parent: u.parentId } : {}),
          ...data,
        } as GNode;
      return {
        ...base,
        kind: 'account',
        label: `▸ ${u.name}\n${plural(u.accountCount, 'account')} · ${plural(u.roleCount, 'role')}\nin ${u.trustIn} · out ${u.trustOut}${u.worstSeverity ? ` · ${u.worstSeverity}` : ''}`,
        ...(u.parentId ? { parent: u.parentId } : {}),
        ...data,
      } as GNode;
    case 'ACCOUNT':
      return {
        ...base,
        kind: 'account',
        label: `${u.name}\n${u.id}`,
        accountId: u.id,
        openable: true,
        ...(u.parentId && u.parentId !== rootId ? { parent: u.parentId } : rootId ? { parent: rootId } : {}),
        ...data,
      } as GNode;
    case 'OUTSIDE_GROUP':
      return {
        ...base,
        kind: GROUP_KIND[u.id] ?? 'external',
        label: u.expanded
          ? u.name
          : `▸ ${u.name}\n${plural(u.memberCount, 'caller')} · ${plural(u.roleCount, 'role')}`,
        ...(u.expanded ? { compound: 'outside' } : { parent: OUTSIDE }),
        ...data,
      } as GNode;
    case 'OUTSIDE_MEMBER':
      return {
        ...base,
        kind: GROUP_KIND[groupOf(u.id)] ?? 'external',
        label: u.name,
        parent: OUTSIDE,
        ...data,
      } as GNode;
  }
}

function trustEdge(t: UnitTrust): GEdge {
  const kinds = conditionKindsOf(t.assumptions.map((assumption) => ({ assumption })));
  const allConditional = t.edgeCount > 0 && t.conditionalCount >= t.edgeCount;
  const badge = allConditional ? badgeOf(kinds) : '';
  const e: GEdge = {
    id: `trust:${t.from}->${t.to}`,
    source: t.from,
    target: t.to,
    kind: 'trustSummary',
    conditional: allConditional,
    conditionKinds: kinds,
    badge,
    crossAccount: true,
    count: t.roleCount,
    summaryLabel: `${plural(t.roleCount, 'role')}${badge ? ` · ${badge}` : ''}`,
  };
  if (t.worstSeverity) e.severity = t.worstSeverity as Severity;
  return e;
}

const overviewArgs = () => ({
  snap: state().snap,
  a: assumptions(),
  expand: expandedUnits(),
  // Past the budget, the trust of the biggest expanded OUs is drawn at their box.
  budget: FIRST_SCREEN_BUDGET,
});

let early: { key: string; answer: ReturnType<typeof fetchOverview> } | undefined;
const fetchOverview = (args: ReturnType<typeof overviewArgs>) => request('ORG_OVERVIEW', args);

/**
 * Asks for the overview now, alongside the accounts and snapshots the page loads first, so the
 * first screen waits for the longest of them rather than for their sum; loadOrgOverview takes the
 * answer when it asks the same. Whether the overview starts from the OUs is known only from the
 * accounts: for a small organization the answer goes unused.
 */
export function prefetchOrgOverview(): void {
  const args = overviewArgs();
  const answer = fetchOverview(args);
  // Failures are reported by the view that uses the answer, if one does.
  answer.catch(() => undefined);
  early = { key: JSON.stringify(args), answer };
}

/** The overview at the level expanded so far, as the page's graph model. */
export async function loadOrgOverview(): Promise<OrgOverviewResult> {
  const args = overviewArgs();
  const pending = early?.key === JSON.stringify(args) ? early.answer : undefined;
  early = undefined;
  const d = await (pending ?? fetchOverview(args));
  const o = d.organizationOverview;
  const root = o.units.find((u) => u.kind === 'OU' && !u.parentId);
  // Expanded outside groups are compounds of their own; collapsed ones sit in one band.
  const nodes = o.units
    .filter((u) => !(u.kind === 'OUTSIDE_GROUP' && u.expanded))
    .map((u) => unitNode(u, root?.id));
  for (const g of o.units.filter((u) => u.kind === 'OUTSIDE_GROUP' && u.expanded))
    nodes.push({ ...unitNode({ ...g, expanded: false }, root?.id), label: `▾ ${g.name}` });
  if (nodes.some((n) => n.parent === OUTSIDE))
    nodes.push({
      id: OUTSIDE,
      kind: 'external',
      name: 'Outside the organization',
      label: 'Outside the organization',
      compound: 'outside',
    });
  const ids = new Set(nodes.map((n) => n.id));
  const edges = o.trust.filter((t) => ids.has(t.from) && ids.has(t.to)).map(trustEdge);
  return {
    nodes,
    edges,
    accountCount: o.accountCount,
    accounts: o.accounts,
    units: o.units,
    ...(d.organization?.id ? { organizationId: d.organization.id } : {}),
  };
}
