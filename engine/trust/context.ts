/**
 * What the evaluator needs to know about each principal and each account of a
 * snapshot, computed once per snapshot so that evaluating many candidate
 * edges never rebuilds it: identity policies (users include their groups'),
 * boundary, the `RequestPrincipal` with its snapshot facts, and the SCP / RCP
 * levels of every account.
 *
 * Policy documents are handed to the evaluator as the model's own objects, so
 * the evaluator's parse cache (keyed by document identity) parses each one once.
 */
import type {
  Account,
  ManagedPolicy,
  OrganizationPolicy,
  PolicyDocumentJson,
  Role,
  SnapshotModel,
  Tag,
  User,
} from '../model.ts';
import { snapshotReferenceDate } from '../reference-date.ts';
import type { PolicyInput, RequestPrincipal, RequestResource } from '../types.ts';

/** An organization level (root, OU or account) always carries RCPFullAWSAccess, even when the export lists none. */
const IMPLICIT_RCP_FULL_ACCESS: PolicyInput = {
  id: 'RCPFullAWSAccess (always attached)',
  document: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
  },
};

export interface AccountContext {
  id: string;
  /** In organization.json or the management account; without an organization: has IAM data in the snapshot. */
  internal: boolean;
  hasIamData: boolean;
  inManagementAccount: boolean;
  orgId?: string;
  /** aws:PrincipalOrgPaths / aws:ResourceOrgPaths, e.g. `o-x/r-ab12/ou-ab12-1/`. */
  orgPaths?: string[];
  /** SCP levels from the root down to the account; empty when SCPs do not apply. */
  scps: PolicyInput[][];
  /** RCP levels from the root down to the account; empty when RCPs do not apply. */
  rcps: PolicyInput[][];
}

export interface PrincipalContext {
  /** Node key: the user or role ARN. */
  key: string;
  kind: 'User' | 'Role';
  accountId: string;
  principal: RequestPrincipal;
  identityPolicies: PolicyInput[];
  boundary?: PolicyInput;
  account: AccountContext;
  role?: Role;
  user?: User;
}

export interface RoleTarget {
  role: Role;
  resource: RequestResource;
  account: AccountContext;
}

export interface SnapshotContext {
  orgId?: string;
  /** The snapshot's reference date (engine/reference-date.ts): requests are evaluated as made on or after it. */
  referenceDate?: string;
  managementAccountId?: string;
  accounts: Map<string, AccountContext>;
  principals: Map<string, PrincipalContext>;
  /** Principals per account id, in model order. */
  principalsByAccount: Map<string, PrincipalContext[]>;
  roles: Map<string, RoleTarget>;
  /** The account context for any 12-digit id; accounts not in the snapshot get an external context. */
  account(id: string): AccountContext;
}

/** The tag map of everything without tags: one frozen object, not one per principal and resource. */
const NO_TAGS = Object.freeze(Object.create(null) as Record<string, string>);

/**
 * Tag key → value; a null prototype, so a tag named `constructor` or `__proto__` is just a tag.
 * Read-only: an empty list gives one shared frozen map.
 */
export function tagMap(tags: readonly Tag[]): Record<string, string> {
  if (tags.length === 0) return NO_TAGS;
  const out = Object.create(null) as Record<string, string>;
  for (const t of tags) out[t.key] = t.value;
  return out;
}

export function defaultDocument(policy: ManagedPolicy): PolicyDocumentJson | undefined {
  const version =
    policy.versions.find((v) => v.versionId === policy.defaultVersionId) ??
    policy.versions.find((v) => v.isDefaultVersion);
  return version?.document;
}

export function inlinePolicyId(ownerArn: string, name: string): string {
  return `${ownerArn}#inline/${name}`;
}

function managedInputs(arns: readonly string[], byArn: Map<string, PolicyInput | null>): PolicyInput[] {
  const out: PolicyInput[] = [];
  for (const arn of arns) {
    // A policy missing from the export (filtered exports) contributes nothing we can evaluate.
    const input = byArn.get(arn);
    if (input) out.push(input);
  }
  return out;
}

export interface SnapshotContextOptions {
  /** The whole snapshot's reference date, for a context built from part of it (a query's model slice). */
  referenceDate?: string;
}

export function buildSnapshotContext(
  model: SnapshotModel,
  options: SnapshotContextOptions = {},
): SnapshotContext {
  const org = model.organization;
  const managementAccountId = org?.managementAccountId;

  const managed = new Map<string, PolicyInput | null>();
  for (const p of model.policies) {
    const document = defaultDocument(p);
    managed.set(p.arn, document ? { id: p.arn, document } : null);
  }

  // Organization tree: parent of each OU / account, and policies per target.
  const parentOf = new Map<string, string>();
  for (const ou of org?.organizationalUnits ?? []) parentOf.set(ou.id, ou.parentId);
  const rootIds = new Set((org?.roots ?? []).map((r) => r.id));
  const scpsByTarget = new Map<string, PolicyInput[]>();
  const rcpsByTarget = new Map<string, PolicyInput[]>();
  const rcpFullAccessNames = new Set<string>();
  let scpCount = 0;
  let rcpCount = 0;
  const attach = (into: Map<string, PolicyInput[]>, p: OrganizationPolicy): void => {
    const input: PolicyInput = { id: p.id, document: p.document };
    for (const target of p.targets) {
      const list = into.get(target);
      if (list) list.push(input);
      else into.set(target, [input]);
    }
  };
  for (const p of org?.policies ?? []) {
    if (p.type === 'SERVICE_CONTROL_POLICY') {
      scpCount++;
      attach(scpsByTarget, p);
    } else {
      rcpCount++;
      attach(rcpsByTarget, p);
      if (p.name === 'RCPFullAWSAccess') rcpFullAccessNames.add(p.id);
    }
  }

  const pathOf = (account: Account): string[] | undefined => {
    if (!org || !account.parentId) return undefined;
    const chain: string[] = [];
    let node: string | undefined = account.parentId;
    const seen = new Set<string>();
    while (node !== undefined && !seen.has(node)) {
      seen.add(node);
      chain.unshift(node);
      if (rootIds.has(node)) break;
      node = parentOf.get(node);
    }
    return chain;
  };

  const makeAccount = (account: Account | undefined, id: string): AccountContext => {
    const inManagementAccount = id === managementAccountId;
    const inOrg = !!org && (account?.inOrganization === true || inManagementAccount);
    const internal = org ? inOrg : account?.hasIamData === true;
    const ctx: AccountContext = {
      id,
      internal,
      hasIamData: account?.hasIamData === true,
      inManagementAccount,
      scps: [],
      rcps: [],
    };
    if (!org || !inOrg || !account) return ctx;
    ctx.orgId = org.id;
    const chain = pathOf(account);
    if (chain && chain.length > 0) ctx.orgPaths = [`${org.id}/${chain.join('/')}/`];
    if (inManagementAccount || !chain) return ctx;
    const levels = [...chain, id];
    // An organization that lists no SCPs at all is read as one with SCPs disabled.
    if (scpCount > 0) ctx.scps = levels.map((level) => scpsByTarget.get(level) ?? []);
    if (rcpCount > 0) {
      ctx.rcps = levels.map((level) => {
        const attached = rcpsByTarget.get(level) ?? [];
        return attached.some((p) => rcpFullAccessNames.has(p.id))
          ? attached
          : [IMPLICIT_RCP_FULL_ACCESS, ...attached];
      });
    }
    return ctx;
  };

  const accounts = new Map<string, AccountContext>();
  for (const a of model.accounts) accounts.set(a.id, makeAccount(a, a.id));
  const account = (id: string): AccountContext => {
    let ctx = accounts.get(id);
    if (!ctx) {
      ctx = makeAccount(undefined, id);
      accounts.set(id, ctx);
    }
    return ctx;
  };

  const principalBase = (acct: AccountContext): Partial<RequestPrincipal> => {
    const base: Partial<RequestPrincipal> = { accountId: acct.id };
    if (acct.orgId) base.orgId = acct.orgId;
    if (acct.orgPaths) base.orgPaths = acct.orgPaths;
    if (acct.inManagementAccount) base.inManagementAccount = true;
    return base;
  };

  const groups = new Map<string, PolicyInput[]>();
  for (const g of model.groups) {
    groups.set(`${g.accountId}/${g.name}`, [
      ...managedInputs(g.managedPolicyArns, managed),
      ...g.inlinePolicies.map((ip) => ({ id: inlinePolicyId(g.arn, ip.name), document: ip.document })),
    ]);
  }

  const principals = new Map<string, PrincipalContext>();
  const principalsByAccount = new Map<string, PrincipalContext[]>();
  const add = (ctx: PrincipalContext): void => {
    principals.set(ctx.key, ctx);
    const list = principalsByAccount.get(ctx.accountId);
    if (list) list.push(ctx);
    else principalsByAccount.set(ctx.accountId, [ctx]);
  };
  const boundaryOf = (arn: string | undefined): PolicyInput | undefined => {
    if (!arn) return undefined;
    // A boundary whose document is missing from the export: evaluate as a boundary that allows nothing known.
    return managed.get(arn) ?? { id: arn, document: { Version: '2012-10-17', Statement: [] } };
  };

  for (const u of model.users) {
    const acct = account(u.accountId);
    const identityPolicies = [
      ...managedInputs(u.managedPolicyArns, managed),
      ...u.inlinePolicies.map((ip) => ({ id: inlinePolicyId(u.arn, ip.name), document: ip.document })),
    ];
    for (const name of u.groupNames) identityPolicies.push(...(groups.get(`${u.accountId}/${name}`) ?? []));
    const principal: RequestPrincipal = {
      ...principalBase(acct),
      type: 'User',
      arn: u.arn,
      uniqueId: u.userId,
      name: u.name,
      tags: tagMap(u.tags),
    };
    const ctx: PrincipalContext = {
      key: u.arn,
      kind: 'User',
      accountId: u.accountId,
      principal,
      identityPolicies,
      account: acct,
      user: u,
    };
    const boundary = boundaryOf(u.permissionsBoundaryArn);
    if (boundary) ctx.boundary = boundary;
    add(ctx);
  }

  const roles = new Map<string, RoleTarget>();
  for (const r of model.roles) {
    const acct = account(r.accountId);
    const identityPolicies = [
      ...managedInputs(r.managedPolicyArns, managed),
      ...r.inlinePolicies.map((ip) => ({ id: inlinePolicyId(r.arn, ip.name), document: ip.document })),
    ];
    const tags = tagMap(r.tags);
    const principal: RequestPrincipal = {
      ...principalBase(acct),
      type: 'Role',
      arn: r.arn,
      uniqueId: r.roleId,
      name: r.name,
      tags,
    };
    if (r.serviceLinked) principal.serviceLinkedRole = true;
    const ctx: PrincipalContext = {
      key: r.arn,
      kind: 'Role',
      accountId: r.accountId,
      principal,
      identityPolicies,
      account: acct,
      role: r,
    };
    const boundary = boundaryOf(r.permissionsBoundaryArn);
    if (boundary) ctx.boundary = boundary;
    add(ctx);

    // The role's tags as a resource are its tags as a principal: one map for both.
    const resource: RequestResource = { arn: r.arn, accountId: r.accountId, tags };
    if (acct.orgId) resource.orgId = acct.orgId;
    if (acct.orgPaths) resource.orgPaths = acct.orgPaths;
    if (acct.inManagementAccount) resource.inManagementAccount = true;
    roles.set(r.arn, { role: r, resource, account: acct });
  }

  const ctx: SnapshotContext = { accounts, principals, principalsByAccount, roles, account };
  if (org) ctx.orgId = org.id;
  const referenceDate = options.referenceDate ?? snapshotReferenceDate(model);
  if (referenceDate) ctx.referenceDate = referenceDate;
  if (managementAccountId) ctx.managementAccountId = managementAccountId;
  return ctx;
}
