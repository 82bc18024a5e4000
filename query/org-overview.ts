/**
 * The organization at any size (cypher/queries/organization.cypher): its OUs with counts summed
 * over their subtrees, expanded on request into their accounts; callers outside the organization
 * grouped by kind; CAN_ASSUME aggregated between the units shown; and the account × account trust
 * matrix with the edges behind one of its cells.
 */
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import * as z from 'zod';
import { statement } from '../cypher/index.ts';
import { parseArgs } from './args.ts';
import { assumptionsSchema } from './arg-schemas.ts';
import { assumptionParams, type Assumptions } from './assumptions.ts';
import type { Window } from './catalog.ts';
import { edgeRows } from './catalog.ts';
import { cached, driverOf, type Source } from './cache.ts';
import type { Edge } from './graph.ts';
import {
  OrgTree,
  OUTSIDE_GROUPS,
  outsideGroupId,
  outsideGroupOf,
  worstSeverity,
  type OrgAccountRow,
  type OrgUnitRow,
  type OutsideGroup,
} from './org-units.ts';
import { assumptionsOfKeys } from './trust.ts';
import { SEVERITY_ORDER, type Severity } from '../engine/findings/finding.ts';

const F = 'queries/organization';

/** Ids one overview may ask to expand (OUs, outside groups). */
export const MAX_EXPAND = 500;

export const orgOverviewArgs = z
  .object({
    assumptions: z.optional(assumptionsSchema),
    /** OU ids and outside group ids ("outside:accounts") to show expanded. */
    expand: z.array(z.string().min(1).max(200)).max(MAX_EXPAND).default([]),
    /**
     * Most units and trust edges to show together: past it, the trust of the expanded OUs that
     * hold the most accounts is shown at their box (`trustAtBox`), one OU at a time, until it fits.
     */
    budget: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();
export type OrgOverviewArgs = z.input<typeof orgOverviewArgs>;

/** CAN_ASSUME edges from the callers of one unit into the roles of another. */
export interface UnitTrust {
  from: string;
  to: string;
  /** The caller's name when `from` is one outside caller. */
  fromName: string | null;
  edgeCount: number;
  conditionalCount: number;
  /** Distinct target roles. */
  roleCount: number;
  assumptions: string[];
  /** The worst severity of the findings about the target roles. */
  worstSeverity: Severity | null;
}

export type UnitKind = 'OU' | 'ACCOUNT' | 'OUTSIDE_GROUP' | 'OUTSIDE_MEMBER';

/** One node of the overview, with its counts. */
export interface OverviewUnit {
  id: string;
  kind: UnitKind;
  name: string;
  /** The unit it is drawn inside (an expanded OU or outside group); null at the top. */
  parentId: string | null;
  expanded: boolean;
  /** An expanded OU whose trust is shown at its box, as if collapsed (to stay within the budget). */
  trustAtBox: boolean;
  accountCount: number;
  roleCount: number;
  /** Outside groups: the callers in it. */
  memberCount: number;
  /** CAN_ASSUME edges into its roles from callers outside it (the organization's other units included). */
  trustIn: number;
  /** CAN_ASSUME edges from its callers into roles outside it. */
  trustOut: number;
  /** Of trustIn, from callers outside the organization. */
  trustFromOutside: number;
  worstSeverity: Severity | null;
}

export interface OrgOverview {
  /** Accounts the organization lists. */
  accountCount: number;
  /** What is shown: OUs (expanded ones contain others), accounts, outside groups and their members. */
  units: OverviewUnit[];
  /** Every account of the organization with its counts, shown or not (for ranked lists). */
  accounts: OverviewUnit[];
  /** CAN_ASSUME aggregated between the units shown. */
  trust: UnitTrust[];
}

export interface MatrixAccount {
  id: string;
  name: string;
  ouId: string | null;
  /** OU names below the root down to the account's OU. */
  ouPath: string[];
  roleCount: number;
  worstSeverity: Severity | null;
}

export interface TrustMatrix {
  /** The organization's accounts, ordered by OU path then name. */
  accounts: MatrixAccount[];
  /** Caller (an account, or an outside group) × target account, only where some edge is. */
  cells: UnitTrust[];
}

interface TreeData {
  tree: OrgTree;
  severities: Map<string, string[]>;
}

async function treeData(source: Source, snapshotId: string): Promise<TreeData> {
  return cached(source, snapshotId, 'org-tree', {}, async () => {
    const d = driverOf(source);
    const [units, accounts, sev] = await Promise.all([
      d.executeQuery(statement(F, 'org-units'), { snapshotId }),
      d.executeQuery(statement(F, 'org-accounts'), { snapshotId }),
      d.executeQuery(statement(F, 'account-severities'), { snapshotId }),
    ]);
    const unitRows: OrgUnitRow[] = units.records.map((r) => ({
      id: String(r.get('id')),
      name: (r.get('name') as string | null) ?? null,
      isRoot: r.get('isRoot') === true,
      parentId: (r.get('parentId') as string | null) ?? null,
    }));
    const accountRows: OrgAccountRow[] = accounts.records.map((r) => ({
      id: String(r.get('id')),
      name: (r.get('name') as string | null) ?? null,
      parentId: (r.get('parentId') as string | null) ?? null,
      roleCount: Number(r.get('roleCount')),
    }));
    const severities = new Map(
      sev.records.map((r) => [String(r.get('account')), r.get('severities') as string[]]),
    );
    return { tree: new OrgTree(unitRows, accountRows), severities };
  });
}

/** One row of the rollup: CAN_ASSUME from the callers of one unit (at any level) into one account's roles. */
interface RollupRow {
  /** An account, an OU (its whole subtree), an outside group, or one outside caller. */
  from: string;
  toAccount: string;
  edgeCount: number;
  conditionalCount: number;
  /** Distinct roles of `toAccount`. */
  roleCount: number;
  conditionKeys: string[];
  worstSeverity: Severity | null;
}

/**
 * The trust of a snapshot at every level at once, in one pass over CAN_ASSUME (organization.cypher,
 * trust-rollup), kept per snapshot and assumptions: every overview, expanded however, and the matrix
 * add its rows up. Roles are counted per target account, and roles of different accounts are
 * different roles, so sums over target accounts stay counts of distinct roles.
 */
async function trustRollup(
  source: Source,
  snapshotId: string,
  assumptions: Assumptions | undefined,
): Promise<RollupRow[]> {
  return cached(
    source,
    snapshotId,
    'trust-rollup',
    assumptions ?? {},
    async () => {
      const d = driverOf(source);
      // With every condition assumed satisfiable, ingest's rows answer (when the snapshot has them).
      if (Object.values(assumptions ?? {}).every((v) => v !== false)) {
        const stored = storedRows(
          (await d.executeQuery(statement(F, 'stored-rollup'), { snapshotId })).records[0],
        );
        if (stored.length) return stored;
      }
      const [{ tree }, sev] = await Promise.all([
        treeData(source, snapshotId),
        d.executeQuery(statement(F, 'role-severities'), { snapshotId }),
      ]);
      const roleRank: Record<string, number> = {};
      for (const r of sev.records) {
        const worst = worstSeverity(r.get('severities') as string[]);
        if (worst) roleRank[String(r.get('role'))] = SEVERITY_ORDER.indexOf(worst);
      }
      const res = await d.executeQuery(statement(F, 'trust-rollup'), {
        snapshotId,
        chains: tree.chains(),
        roleRank,
        ...assumptionParams(assumptions),
      });
      return res.records.map(rollupRow);
    },
    (rows) => rows.length,
  );
}

/** The stored rollup's parallel lists (statement stored-rollup) as rows. */
function storedRows(r: Neo4jRecord | undefined): RollupRow[] {
  if (!r) return [];
  const col = <T>(k: string) => r.get(k) as T[];
  const [from, to, edges, conditional, roles, keys, worst] = [
    col<string>('fromUnit'),
    col<string>('toAccount'),
    col<unknown>('edgeCount'),
    col<unknown>('conditionalCount'),
    col<unknown>('roleCount'),
    col<string[]>('conditionKeys'),
    col<string>('worstSeverity'),
  ];
  return from.map((f, i) => ({
    from: f,
    toAccount: to[i]!,
    edgeCount: Number(edges[i]),
    conditionalCount: Number(conditional[i]),
    roleCount: Number(roles[i]),
    conditionKeys: [...new Set(keys[i])],
    worstSeverity: (worst[i] || null) as Severity | null,
  }));
}

function rollupRow(r: Neo4jRecord): RollupRow {
  const keyLists = r.get('keyLists') as (string[] | null)[];
  const rank = r.get('worstRank') as unknown;
  return {
    from: String(r.get('fromUnit')),
    toAccount: String(r.get('toAccount')),
    edgeCount: Number(r.get('edgeCount')),
    conditionalCount: Number(r.get('conditionalCount')),
    roleCount: Number(r.get('roleCount')),
    conditionKeys: [...new Set(keyLists.flatMap((ks) => ks ?? []))],
    worstSeverity: rank === null ? null : (SEVERITY_ORDER[Number(rank)] ?? null),
  };
}

/** The names of outside callers (unit ids "outside:GROUP:KEY"), read by key. */
async function memberNames(source: Source, snapshotId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const keyOf = (id: string) => id.replace(/^outside:[a-z-]+:/, '');
  const res = await driverOf(source).executeQuery(statement(F, 'member-names'), {
    snapshotId,
    keys: [...new Set(ids.map(keyOf))],
  });
  const names = new Map(res.records.map((r) => [String(r.get('key')), String(r.get('name'))]));
  return new Map(ids.map((id) => [id, names.get(keyOf(id)) ?? keyOf(id)]));
}

/** Rollup rows added up per (caller unit, target unit); `toUnit` maps an account to its unit, or drops it. */
function addUp(rows: Iterable<RollupRow>, toUnit: (account: string) => string | undefined): UnitTrust[] {
  const pairs = new Map<string, { t: UnitTrust; keys: Set<string>; ranks: (Severity | null)[] }>();
  for (const r of rows) {
    const to = toUnit(r.toAccount);
    if (to === undefined || to === r.from) continue;
    const k = `${r.from}\u0000${to}`;
    let p = pairs.get(k);
    if (!p) {
      p = {
        t: {
          from: r.from,
          to,
          fromName: null,
          edgeCount: 0,
          conditionalCount: 0,
          roleCount: 0,
          assumptions: [],
          worstSeverity: null,
        },
        keys: new Set(),
        ranks: [],
      };
      pairs.set(k, p);
    }
    p.t.edgeCount += r.edgeCount;
    p.t.conditionalCount += r.conditionalCount;
    p.t.roleCount += r.roleCount;
    for (const key of r.conditionKeys) p.keys.add(key);
    p.ranks.push(r.worstSeverity);
  }
  return [...pairs.values()]
    .map(({ t, keys, ranks }) => ({
      ...t,
      assumptions: assumptionsOfKeys([...keys]),
      worstSeverity: worstSeverity(ranks),
    }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

const GROUP_NAMES: Record<OutsideGroup, string> = {
  accounts: 'Other AWS accounts',
  'aws-services': 'AWS services',
  'identity-providers': 'Identity providers',
  anyone: 'Anyone',
};

/** The overview: counts per OU and account, outside groups, and trust between the units shown. */
export async function orgOverview(
  source: Source,
  snapshotId: string,
  input: OrgOverviewArgs,
): Promise<OrgOverview> {
  const args = parseArgs(orgOverviewArgs, input);
  return cached(source, snapshotId, 'org-overview', args, async () => {
    // The tree and the rollup are read side by side: neither needs the other.
    const [{ tree, severities }, rollup] = await Promise.all([
      treeData(source, snapshotId),
      trustRollup(source, snapshotId, args.assumptions),
    ]);
    const expand = new Set(args.expand);
    const openGroups = OUTSIDE_GROUPS.filter((g) => expand.has(outsideGroupId(g)));
    const orgAccounts = new Set(tree.accounts.map((a) => a.id));
    // Account level: callers by account, or by outside group (the matrix's rows).
    const accountLevel = rollup.filter((r) => orgAccounts.has(r.from) || isGroupId(r.from));
    /** Trust between the units shown when the OUs in `at` are expanded (the others count as collapsed). */
    const trustAt = (at: ReadonlySet<string>) => {
      const unitOf = tree.unitMap(at);
      const from = new Set<string>(Object.values(unitOf));
      for (const g of OUTSIDE_GROUPS) if (!openGroups.includes(g)) from.add(outsideGroupId(g));
      return addUp(
        rollup.filter(
          (r) =>
            from.has(r.from) ||
            (!isGroupId(r.from) && openGroups.includes(outsideGroupOf(r.from) as OutsideGroup)),
        ),
        (a) => unitOf[a],
      );
    };
    const unitOf = tree.unitMap(expand);
    const shownFrom = new Set<string>(Object.values(unitOf));

    const counts = (accountIds: ReadonlySet<string>) => {
      let trustIn = 0;
      let trustOut = 0;
      let trustFromOutside = 0;
      for (const t of accountLevel) {
        const fromIn = accountIds.has(t.from);
        const toIn = accountIds.has(t.toAccount);
        if (toIn && !fromIn) trustIn += t.edgeCount;
        if (toIn && outsideGroupOf(t.from)) trustFromOutside += t.edgeCount;
        if (fromIn && !toIn) trustOut += t.edgeCount;
      }
      return { trustIn, trustOut, trustFromOutside };
    };
    // Every account's counts in one walk over the rows.
    const perAccount = new Map<string, { trustIn: number; trustOut: number; trustFromOutside: number }>(
      tree.accounts.map((a) => [a.id, { trustIn: 0, trustOut: 0, trustFromOutside: 0 }]),
    );
    for (const t of accountLevel) {
      const to = perAccount.get(t.toAccount);
      if (to) {
        to.trustIn += t.edgeCount;
        if (isGroupId(t.from)) to.trustFromOutside += t.edgeCount;
      }
      const from = perAccount.get(t.from);
      if (from) from.trustOut += t.edgeCount;
    }
    const accountUnit = (a: OrgAccountRow, parentId: string | null): OverviewUnit => ({
      id: a.id,
      kind: 'ACCOUNT',
      name: a.name ?? a.id,
      parentId,
      expanded: false,
      trustAtBox: false,
      accountCount: 1,
      roleCount: a.roleCount,
      memberCount: 0,
      ...perAccount.get(a.id)!,
      worstSeverity: worstSeverity(severities.get(a.id) ?? []),
    });

    const units: OverviewUnit[] = [];
    for (const ou of tree.units) {
      if (!tree.isShown(ou, expand)) continue;
      const under = tree.accountsUnder(ou.id);
      units.push({
        id: ou.id,
        kind: 'OU',
        name: ou.name ?? ou.id,
        parentId: ou.parentId,
        expanded: tree.isExpanded(ou, expand),
        trustAtBox: false,
        accountCount: under.length,
        roleCount: under.reduce((n, a) => n + a.roleCount, 0),
        memberCount: 0,
        ...counts(new Set(under.map((a) => a.id))),
        worstSeverity: worstSeverity(under.flatMap((a) => severities.get(a.id) ?? [])),
      });
    }
    const accounts = tree.accounts.map((a) => accountUnit(a, a.parentId));
    units.push(...accounts.filter((a) => shownFrom.has(a.id)));

    // Trust at the level shown; past the budget, the expanded OUs holding the most accounts
    // directly (then the deeper) show their trust at their box, one at a time, until it fits.
    const trustExpand = new Set(expand);
    let shown = trustAt(trustExpand);
    const members = (ts: UnitTrust[]) =>
      new Set(ts.filter((t) => !isGroupId(t.from) && outsideGroupOf(t.from)).map((t) => t.from)).size;
    // The page draws one more node: the band of the outside groups.
    const drawn = (ts: UnitTrust[]) => units.length + members(ts) + OUTSIDE_GROUPS.length + 1 + ts.length;
    if (args.budget !== undefined) {
      const direct = (ou: string) => tree.accounts.filter((a) => a.parentId === ou).length;
      const boxes = units
        .filter((u) => u.kind === 'OU' && u.expanded && u.parentId)
        .sort(
          (a, b) =>
            direct(b.id) - direct(a.id) ||
            tree.pathTo(b.id).length - tree.pathTo(a.id).length ||
            (a.id < b.id ? -1 : 1),
        );
      for (const box of boxes) {
        if (drawn(shown) <= args.budget) break;
        if (!trustExpand.has(box.id)) continue;
        // The box and everything expanded inside it count as collapsed for trust.
        for (const id of [...trustExpand])
          if (tree.pathTo(tree.byId.has(id) ? id : null).some((p) => p.id === box.id)) trustExpand.delete(id);
        box.trustAtBox = true;
        shown = trustAt(trustExpand);
      }
    }

    for (const g of OUTSIDE_GROUPS) {
      const id = outsideGroupId(g);
      const rows = accountLevel.filter((t) => t.from === id);
      if (!rows.length) continue;
      const open = openGroups.includes(g);
      const members = new Set(
        rollup.filter((t) => t.from.startsWith(`${id}:`) && orgAccounts.has(t.toAccount)).map((t) => t.from),
      );
      units.push({
        id,
        kind: 'OUTSIDE_GROUP',
        name: GROUP_NAMES[g],
        parentId: null,
        expanded: open,
        trustAtBox: false,
        accountCount: 0,
        roleCount: rows.reduce((n, t) => n + t.roleCount, 0),
        memberCount: members.size,
        trustIn: 0,
        trustOut: rows.reduce((n, t) => n + t.edgeCount, 0),
        trustFromOutside: 0,
        worstSeverity: worstSeverity(rows.map((t) => t.worstSeverity)),
      });
      if (!open) continue;
      const byMember = new Map<string, UnitTrust[]>();
      for (const t of shown)
        if (outsideGroupOf(t.from) === g && t.from !== id)
          byMember.set(t.from, [...(byMember.get(t.from) ?? []), t]);
      const names = await memberNames(source, snapshotId, [...byMember.keys()]);
      for (const t of shown) if (byMember.has(t.from)) t.fromName = names.get(t.from) ?? null;
      for (const [mid, ts] of byMember)
        units.push({
          id: mid,
          kind: 'OUTSIDE_MEMBER',
          name: names.get(mid) ?? mid.slice(id.length + 1),
          parentId: id,
          expanded: false,
          trustAtBox: false,
          accountCount: 0,
          roleCount: 0,
          memberCount: 1,
          trustIn: 0,
          trustOut: ts.reduce((n, t) => n + t.edgeCount, 0),
          trustFromOutside: 0,
          worstSeverity: worstSeverity(ts.map((t) => t.worstSeverity)),
        });
    }
    return {
      accountCount: tree.accounts.length,
      units,
      accounts,
      trust: shown,
    };
  });
}

const isGroupId = (id: string) =>
  (OUTSIDE_GROUPS as readonly string[]).some((g) => id === outsideGroupId(g as OutsideGroup));

export const trustMatrixArgs = z.object({ assumptions: z.optional(assumptionsSchema) }).strict();
export type TrustMatrixArgs = z.input<typeof trustMatrixArgs>;

/** Caller account × target account: roles reachable, worst finding, condition categories. */
export async function trustMatrix(
  source: Source,
  snapshotId: string,
  input: TrustMatrixArgs,
): Promise<TrustMatrix> {
  const args = parseArgs(trustMatrixArgs, input);
  return cached(source, snapshotId, 'trust-matrix', args, async () => {
    const [{ tree, severities }, rollup] = await Promise.all([
      treeData(source, snapshotId),
      trustRollup(source, snapshotId, args.assumptions),
    ]);
    const orgAccounts = new Set(tree.accounts.map((a) => a.id));
    const cells = addUp(
      rollup.filter((r) => orgAccounts.has(r.from) || isGroupId(r.from)),
      (a) => a,
    );
    const accounts = tree.accounts
      .map((a) => ({
        id: a.id,
        name: a.name ?? a.id,
        ouId: a.parentId,
        ouPath: tree.ouPath(a),
        roleCount: a.roleCount,
        worstSeverity: worstSeverity(severities.get(a.id) ?? []),
      }))
      .sort((a, b) => a.ouPath.join('/').localeCompare(b.ouPath.join('/')) || a.name.localeCompare(b.name));
    return { accounts, cells };
  });
}

export const trustBetweenArgs = z
  .object({
    from: z.string().min(1).max(300),
    to: z.string().min(1).max(300),
    assumptions: z.optional(assumptionsSchema),
    /** The overview's expanded ids, when the pair is one of its units; none: the account matrix. */
    expand: z.array(z.string().min(1).max(200)).max(MAX_EXPAND).optional(),
  })
  .strict();
export type TrustBetweenArgs = z.input<typeof trustBetweenArgs>;

/** One window of the CAN_ASSUME edges behind one pair of units (a matrix cell, an overview edge). */
export async function trustBetween(
  source: Source,
  snapshotId: string,
  input: TrustBetweenArgs,
  window: Window,
): Promise<Edge[]> {
  const args = parseArgs(trustBetweenArgs, input);
  const { tree } = await treeData(source, snapshotId);
  const expand = args.expand ? new Set(args.expand) : undefined;
  return edgeRows(source, F, 'unit-trust-edges', {
    snapshotId,
    unitOf: expand ? tree.unitMap(expand) : tree.identityMap(),
    openGroups: expand ? OUTSIDE_GROUPS.filter((g) => expand.has(outsideGroupId(g))) : [],
    fromUnit: args.from,
    toUnit: args.to,
    ...assumptionParams(args.assumptions),
    offset: neo4j.int(window.offset),
    limit: neo4j.int(window.limit),
  });
}
