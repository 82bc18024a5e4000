/**
 * CAN_ASSUME summed up per caller unit and target account, at every level of the organization at
 * once, as TrustRollup rows (cypher/load/trust-rollup.cypher), so that the organization overview
 * and the trust matrix read a few thousand rows instead of every edge (query/org-overview.ts).
 * Pure: the model, the edges and the findings in, rows out.
 *
 * A caller of an account the organization lists counts for that account and for each OU above it
 * (the root aside); any other caller for its outside group by kind and for itself as a member of
 * it. Only roles of accounts the organization lists are targets, and roles of one account are
 * counted apart from any other's, so rows add up to any units, distinct roles included. The same
 * rules as the statement trust-rollup of cypher/queries/organization.cypher, which answers for
 * snapshots loaded without these rows and under assumptions.
 */
import { SEVERITY_ORDER } from '../../engine/findings/finding.ts';
import type { Finding } from '../../engine/findings/index.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import type { CanAssumeEdge } from '../../engine/trust/index.ts';
import type { ExtraNodeSet } from '../load/loader.ts';
import { conditionKeysOf } from './evidence-json.ts';

const OUTSIDE_KIND: Partial<Record<CanAssumeEdge['fromKind'], string>> = {
  ServicePrincipal: 'aws-services',
  IdentityProvider: 'identity-providers',
  Anyone: 'anyone',
};

const accountOfArn = (arn: string) => /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];

/** Account id -> [the account, the OUs above it nearest first, the root left out]. */
export function unitChains(model: SnapshotModel): Map<string, string[]> {
  const org = model.organization;
  const parent = new Map((org?.organizationalUnits ?? []).map((u) => [u.id, u.parentId]));
  const chains = new Map<string, string[]>();
  for (const a of model.accounts) {
    if (!a.inOrganization) continue;
    const chain = [a.id];
    const seen = new Set<string>();
    for (let ou = a.parentId; ou && parent.has(ou) && !seen.has(ou); ou = parent.get(ou)) {
      seen.add(ou);
      chain.push(ou);
    }
    chains.set(a.id, chain);
  }
  return chains;
}

interface Sum {
  from: string;
  to: string;
  edges: number;
  conditional: number;
  roles: Set<string>;
  keys: Set<string>;
  worst: number;
}

export function trustRollupRows(
  model: SnapshotModel,
  edges: readonly CanAssumeEdge[],
  findings: readonly Finding[],
): ExtraNodeSet {
  const chains = unitChains(model);
  const roleAccount = new Map(model.roles.map((r) => [r.arn, r.accountId]));
  const principalAccount = new Map([...model.users, ...model.roles].map((p) => [p.arn, p.accountId]));
  const roleRank = new Map<string, number>();
  for (const f of findings)
    for (const s of f.subjects)
      if (roleAccount.has(s))
        roleRank.set(s, Math.min(roleRank.get(s) ?? 99, SEVERITY_ORDER.indexOf(f.severity)));

  const sums = new Map<string, Sum>();
  for (const e of edges) {
    const to = roleAccount.get(e.to);
    if (!to || !chains.has(to)) continue;
    const kind = OUTSIDE_KIND[e.fromKind];
    const account =
      e.fromKind === 'Account'
        ? e.from
        : kind
          ? undefined
          : (principalAccount.get(e.from) ?? accountOfArn(e.from));
    let units: string[];
    if (!kind && account && chains.has(account)) units = chains.get(account)!;
    else {
      const group = kind ?? 'accounts';
      const member = group === 'accounts' ? (account ?? e.from) : e.from;
      units = [`outside:${group}`, `outside:${group}:${member}`];
    }
    const keys = conditionKeysOf(e.conditions);
    for (const from of units) {
      if (from === to) continue;
      const k = `${from}\u0000${to}`;
      let s = sums.get(k);
      if (!s) {
        s = { from, to, edges: 0, conditional: 0, roles: new Set(), keys: new Set(), worst: 99 };
        sums.set(k, s);
      }
      s.edges++;
      if (e.conditional) s.conditional++;
      s.roles.add(e.to);
      for (const key of keys) s.keys.add(key);
      s.worst = Math.min(s.worst, roleRank.get(e.to) ?? 99);
    }
  }
  return {
    file: 'load/trust-rollup',
    name: 'node-TrustRollup',
    label: 'TrustRollup',
    rows: [...sums.values()].map((s) => ({
      key: `TRUST_ROLLUP|${s.from}|${s.to}`,
      props: {
        fromUnit: s.from,
        toAccount: s.to,
        edgeCount: s.edges,
        conditionalCount: s.conditional,
        roleCount: s.roles.size,
        conditionKeys: [...s.keys].sort(),
        ...(s.worst < SEVERITY_ORDER.length ? { worstSeverity: SEVERITY_ORDER[s.worst]! } : {}),
      },
    })),
  };
}
