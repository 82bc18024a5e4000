/**
 * The organization's units and which of them are shown (pure; read by
 * query/org-overview.ts): the OU tree, each account's unit given what is
 * expanded, and the counts of an OU summed over its subtree.
 *
 * The root is always expanded. An account belongs to the topmost collapsed OU
 * above it; when every OU above it is expanded, it is shown itself. Callers
 * outside the organization are grouped by kind (cypher/queries/organization.cypher)
 * and a group is shown member by member only when expanded.
 */
import { SEVERITY_ORDER, type Severity } from '../engine/findings/finding.ts';

export const OUTSIDE_GROUPS = ['accounts', 'aws-services', 'identity-providers', 'anyone'] as const;
export type OutsideGroup = (typeof OUTSIDE_GROUPS)[number];

/** The id of an outside group as a unit ("outside:accounts"), and of one of its members. */
export const outsideGroupId = (g: OutsideGroup): string => `outside:${g}`;
export const outsideMemberId = (g: OutsideGroup, key: string): string => `outside:${g}:${key}`;

/** The group of an outside unit id, when it is one. */
export function outsideGroupOf(id: string): OutsideGroup | undefined {
  const g = /^outside:([a-z-]+)/.exec(id)?.[1];
  return (OUTSIDE_GROUPS as readonly string[]).includes(g ?? '') ? (g as OutsideGroup) : undefined;
}

export interface OrgUnitRow {
  id: string;
  name: string | null;
  isRoot: boolean;
  parentId: string | null;
}

export interface OrgAccountRow {
  id: string;
  name: string | null;
  parentId: string | null;
  roleCount: number;
}

export function worstSeverity(severities: Iterable<string | null | undefined>): Severity | null {
  let best = SEVERITY_ORDER.length;
  for (const s of severities) {
    const i = SEVERITY_ORDER.indexOf(s as Severity);
    if (i >= 0 && i < best) best = i;
  }
  return best < SEVERITY_ORDER.length ? SEVERITY_ORDER[best]! : null;
}

export class OrgTree {
  readonly byId: Map<string, OrgUnitRow>;
  readonly children = new Map<string, string[]>();

  constructor(
    readonly units: readonly OrgUnitRow[],
    readonly accounts: readonly OrgAccountRow[],
  ) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    for (const u of units)
      if (u.parentId) this.children.set(u.parentId, [...(this.children.get(u.parentId) ?? []), u.id]);
  }

  /** The OUs from the root down to (and including) `ou`. */
  pathTo(ou: string | null): OrgUnitRow[] {
    const path: OrgUnitRow[] = [];
    const seen = new Set<string>();
    for (
      let u = ou ? this.byId.get(ou) : undefined;
      u && !seen.has(u.id);
      u = u.parentId ? this.byId.get(u.parentId) : undefined
    ) {
      seen.add(u.id);
      path.unshift(u);
    }
    return path;
  }

  /** Is this OU expanded, given the ids asked for? The root always is. */
  isExpanded(ou: OrgUnitRow, expand: ReadonlySet<string>): boolean {
    return ou.isRoot || !ou.parentId || expand.has(ou.id);
  }

  /** The unit an account is shown as: the topmost collapsed OU above it, else itself. */
  unitOfAccount(a: OrgAccountRow, expand: ReadonlySet<string>): string {
    for (const ou of this.pathTo(a.parentId)) if (!this.isExpanded(ou, expand)) return ou.id;
    return a.id;
  }

  /** Account id -> the unit it is shown as. */
  unitMap(expand: ReadonlySet<string>): Record<string, string> {
    return Object.fromEntries(this.accounts.map((a) => [a.id, this.unitOfAccount(a, expand)]));
  }

  /**
   * Account id -> the units its callers count for at some level: the account, then each OU above
   * it that can be collapsed (every OU but the root), nearest first.
   */
  chains(): Record<string, string[]> {
    const none = new Set<string>();
    return Object.fromEntries(
      this.accounts.map((a) => [
        a.id,
        [
          a.id,
          ...this.pathTo(a.parentId)
            .filter((ou) => !this.isExpanded(ou, none))
            .map((ou) => ou.id)
            .reverse(),
        ],
      ]),
    );
  }

  /** Every account id -> itself (the account × account matrix). */
  identityMap(): Record<string, string> {
    return Object.fromEntries(this.accounts.map((a) => [a.id, a.id]));
  }

  /** Is the OU shown (every OU above it expanded)? */
  isShown(ou: OrgUnitRow, expand: ReadonlySet<string>): boolean {
    return this.pathTo(ou.parentId).every((p) => this.isExpanded(p, expand));
  }

  /** The accounts in an OU's subtree. */
  accountsUnder(ou: string): OrgAccountRow[] {
    return this.accounts.filter((a) => this.pathTo(a.parentId).some((p) => p.id === ou));
  }

  /** The OU names from below the root down to the account's OU ("Workloads / Prod"). */
  ouPath(a: OrgAccountRow): string[] {
    return this.pathTo(a.parentId)
      .filter((u) => !u.isRoot)
      .map((u) => u.name ?? u.id);
  }
}
