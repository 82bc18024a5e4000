/**
 * Who might reach a resource, keyed exactly as CAN_ASSUME callers are
 * (engine/trust/reachability.ts): principals of the snapshot by ARN, accounts
 * without IAM data by id (`Account`), principals of such accounts by ARN
 * (`ExternalPrincipal`), services by name (`ServicePrincipal`), and `*`
 * (`Anyone`). Candidates come from
 *
 *   the resource's account  → its principals whose identity policies may
 *                              allow one of the type's actions on it
 *   an exact user/role ARN  → that principal (a role session: its role)
 *   an account (id / :root) → that account's principals whose identity
 *                              policies may allow it; an account without IAM
 *                              data → its Account node
 *   "*"                     → Anyone, the resource account's principals, and
 *                              the Account of every other account with a
 *                              principal whose identity may allow it
 *   a service               → the ServicePrincipal node
 *   a unique id             → nobody: the principal it named was deleted
 *
 * Callers the snapshot does not know are evaluated as a synthetic caller
 * whose own account allows the request (see CALLER_OWN_POLICIES in analyse).
 */
import type { ParsedPolicy } from '../evaluate/index.ts';
import type { AccountContext, CanAssumeEdge, PrincipalContext, SnapshotContext } from '../trust/index.ts';
import {
  UNKNOWN_FOR_ACCOUNT,
  UNKNOWN_FOR_ANYONE,
  UNKNOWN_FOR_ARN,
  UNKNOWN_FOR_INTERNAL_ACCOUNT,
} from '../trust/unknowable.ts';
import type { RequestPrincipal } from '../types.ts';
import { coversType, requestArns } from './actions.ts';
import type { IdentityResourceIndex } from './identity-index.ts';
import type { ResourcePlan } from './plan.ts';

export interface SyntheticCaller {
  request: RequestPrincipal;
  account?: AccountContext;
  /** Condition keys about this caller the snapshot cannot know. */
  unknown: RegExp;
}

export interface Caller {
  key: string;
  fromKind: CanAssumeEdge['fromKind'];
  principal?: PrincipalContext;
  synthetic?: SyntheticCaller;
}

export interface CallerEnv {
  ctx: SnapshotContext;
  identity: IdentityResourceIndex;
  /** `account/roleName` → the role, for policies naming role sessions. */
  rolesByAccountName: Map<string, PrincipalContext>;
}

export function rolesByAccountName(ctx: SnapshotContext): Map<string, PrincipalContext> {
  const out = new Map<string, PrincipalContext>();
  for (const p of ctx.principals.values())
    if (p.kind === 'Role') out.set(`${p.accountId}/${p.role?.name ?? ''}`, p);
  return out;
}

const IAM_ARN = /^arn:[^:]+:(?:iam|sts)::(\d{12}):(user|role|federated-user)\//;
const SESSION_ARN = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/;

/** The synthetic caller standing for any principal of an account without IAM data in the snapshot. */
export function accountCaller(account: AccountContext): Caller {
  const request: RequestPrincipal = {
    type: 'Role',
    arn: `arn:aws:iam::${account.id}:root`,
    accountId: account.id,
    credentials: 'either',
  };
  if (account.orgId) request.orgId = account.orgId;
  if (account.orgPaths) request.orgPaths = account.orgPaths;
  return {
    key: account.id,
    fromKind: 'Account',
    synthetic: {
      request,
      account,
      unknown: account.internal ? UNKNOWN_FOR_INTERNAL_ACCOUNT : UNKNOWN_FOR_ACCOUNT,
    },
  };
}

export const ANYONE_CALLER: Caller = {
  key: '*',
  fromKind: 'Anyone',
  synthetic: { request: { type: 'Role', arn: '*', credentials: 'either' }, unknown: UNKNOWN_FOR_ANYONE },
};

export function serviceCaller(service: string): Caller {
  return {
    key: service,
    fromKind: 'ServicePrincipal',
    synthetic: { request: { type: 'Service', arn: service }, unknown: UNKNOWN_FOR_ANYONE },
  };
}

export interface Candidates {
  callers: Map<string, Caller>;
  /** Policy entries naming a deleted principal or one missing from an account whose IAM data is loaded. */
  unmatched: number;
}

/** Every caller worth evaluating against the resource (an over-approximation). */
export function candidateCallers(plan: ResourcePlan, env: CallerEnv): Candidates {
  const { ctx, identity } = env;
  const callers = new Map<string, Caller>();
  let unmatched = 0;
  const add = (c: Caller): void => {
    if (!callers.has(c.key)) callers.set(c.key, c);
  };
  const addPrincipal = (p: PrincipalContext): void => add({ key: p.key, fromKind: p.kind, principal: p });
  const accountId = plan.resource.accountId;
  const arns = requestArns(plan.type, plan.resource.arn);

  // Same account: an identity-policy Allow alone can be enough.
  for (const p of identity.candidatesInAccount(plan.type, arns, accountId, accountId)) addPrincipal(p);

  for (const st of grantingStatements(plan.parsed, plan)) {
    const m = st.principal!;
    for (const service of m.services) add(serviceCaller(service));
    if (m.anyone) {
      add(ANYONE_CALLER);
      for (const p of ctx.principalsByAccount.get(accountId) ?? []) addPrincipal(p);
      // Other accounts with IAM data: one Account caller each, standing for its principals whose
      // identity policies may allow it (a "*" grant open to an organization would otherwise pair
      // every principal of every account with the resource).
      for (const other of ctx.principalsByAccount.keys()) {
        if (other !== accountId && identity.anyCandidateInAccount(plan.type, arns, accountId, other))
          add(accountCaller(ctx.account(other)));
      }
    }
    for (const arn of m.arns) {
      const known = ctx.principals.get(arn);
      if (known) {
        addPrincipal(known);
        continue;
      }
      const match = IAM_ARN.exec(arn);
      const account = match?.[1] ? ctx.account(match[1]) : undefined;
      if (!account || account.hasIamData) {
        unmatched++;
        continue;
      }
      const type = match?.[2] === 'user' ? 'User' : match?.[2] === 'role' ? 'Role' : 'FederatedUser';
      add({
        key: arn,
        fromKind: 'ExternalPrincipal',
        synthetic: { request: { type, arn, accountId: account.id }, account, unknown: UNKNOWN_FOR_ARN },
      });
    }
    for (const session of m.sessions) {
      const match = SESSION_ARN.exec(session);
      if (!match) continue;
      const [, sessionAccount = '', roleName = '', sessionName = ''] = match;
      const role = env.rolesByAccountName.get(`${sessionAccount}/${roleName}`);
      if (role) {
        add({
          key: role.key,
          fromKind: 'Role',
          principal: { ...role, principal: { ...role.principal, sessionName } },
        });
        continue;
      }
      const account = ctx.account(sessionAccount);
      if (account.hasIamData) {
        unmatched++;
        continue;
      }
      const request: RequestPrincipal = {
        type: 'Role',
        arn: `arn:aws:iam::${sessionAccount}:role/${roleName}`,
        accountId: sessionAccount,
        name: roleName,
        sessionName,
      };
      add({
        key: session,
        fromKind: 'ExternalPrincipal',
        synthetic: { request, account, unknown: UNKNOWN_FOR_ARN },
      });
    }
    for (const named of m.accounts.keys()) {
      const account = ctx.account(named);
      if (account.hasIamData) {
        for (const p of identity.candidatesInAccount(plan.type, arns, accountId, named)) addPrincipal(p);
      } else add(accountCaller(account));
    }
    unmatched += m.uniqueIds.length;
  }
  return { callers, unmatched };
}

/** The resource policy's Allow statements (Principal, not NotPrincipal) that can grant one of the type's actions. */
function grantingStatements(
  parsed: ParsedPolicy | undefined,
  plan: ResourcePlan,
): ParsedPolicy['statements'] {
  if (!parsed) return [];
  return parsed.statements.filter(
    (st) =>
      st.effect === 'Allow' &&
      st.principal !== undefined &&
      !st.principal.negated &&
      coversType(st, plan.type),
  );
}
