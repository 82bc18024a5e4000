/**
 * `whoCan`: every principal of a snapshot allowed to make one request (an
 * action on a resource): its users and roles, and the root user of each of
 * its accounts. This is `simulate` run in reverse. Candidates
 * come from the action index written at ingest (only principals holding a
 * policy whose Allow statements could cover the action, see
 * engine/policy/action-index.ts), plus, for sts:AssumeRole* on a role, those
 * its trust policy can let in; each candidate is then evaluated exactly as
 * `simulate` evaluates it, so both always agree. `viaRoles` adds the
 * principals that reach an allowed role over CAN_ASSUME, with the path.
 */
import type { Driver } from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { actionLookupKeys } from '../engine/policy/action-index.ts';
import { parsePolicy } from '../engine/evaluate/index.ts';
import type { PolicyDocumentJson } from '../engine/model.ts';
import { statementCovers } from '../engine/trust/index.ts';
import type { ContextValue } from '../engine/types.ts';
import { DEFAULT_MAX_HOPS, DEFAULT_WHO_CAN_LIMIT, parseArgs } from './args.ts';
import {
  callerOf,
  isRootUserAccount,
  outcome,
  requestOptions,
  requestTarget,
  roleResource,
  sliceContext,
  rootUserCaller,
  targetInput,
  type Caller,
  type EvaluationOutcome,
} from './evaluate.ts';
import { loadModelSlice } from './model-slice.ts';
import { reachAnyRole } from './reach-many.ts';
import type { ReachEntry } from './reachability.ts';
import { driverOf, type Source } from './cache.ts';
import { whoCanArgs, type WhoCanArgs } from './arg-schemas.ts';

const Q = 'queries/who-can';

export interface WhoCanResult {
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
  contextComplete: boolean;
  /** Principals evaluated: users and roles whose policies (or the role's trust policy) could allow the request, and each account's root user. */
  candidates: number;
  /** How many are allowed; `principals` lists at most `limit` of them. */
  total: number;
  limit: number;
  truncated: boolean;
  /** The allowed principals (users, roles, root users) by ARN, each as `simulate` reports it (conditions, evidence, reasons). */
  principals: EvaluationOutcome[];
  /** With `viaRoles`: principals not allowed themselves that reach an allowed role, each with one shortest path. */
  viaRoles?: {
    maxHops: number;
    total: number;
    /** Some principals may be missing (a hop found too many edges) or were cut at `limit`. */
    truncated: boolean;
    principals: ReachEntry[];
  };
}

async function keysOf(driver: Driver, name: string, params: Record<string, unknown>): Promise<string[]> {
  const res = await driver.executeQuery(statement(Q, name), params);
  return res.records.map((r) => r.get('key') as string);
}

/** Does an Allow statement of the policy cover `action` (whatever its resource and conditions)? */
function allowsAction(document: string, id: string, action: string): boolean {
  return parsePolicy(JSON.parse(document) as PolicyDocumentJson, id).statements.some(
    (st) => st.effect === 'Allow' && statementCovers(st, action),
  );
}

/** Users and roles that could be allowed: the action index's, and for sts:AssumeRole* the role's trust side. */
async function candidates(
  driver: Driver,
  snapshotId: string,
  action: string,
  roleArn: string | undefined,
): Promise<Set<string>> {
  const res = await driver.executeQuery(statement(Q, 'policies-by-action'), {
    snapshotId,
    actionKeys: actionLookupKeys(action),
  });
  // The index narrows by action name; the documents say which Allow statements really cover it.
  const policies = res.records
    .filter((r) => allowsAction(r.get('document') as string, r.get('key') as string, action))
    .map((r) => r.get('key') as string);
  const keys = new Set(await keysOf(driver, 'principals-by-policy', { snapshotId, keys: policies }));
  if (!roleArn || !/^sts:assumerole/i.test(action)) return keys;
  // Assuming a role always needs its trust policy to allow the caller
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html):
  // by ARN, by its account, or as anyone / everyone but some (NotPrincipal).
  const role = await driver.executeQuery(statement(Q, 'role-trust'), { snapshotId, role: roleArn });
  const rec = role.records[0];
  if (!rec) return keys;
  const trust = parsePolicy(JSON.parse(rec.get('trustPolicy') as string) as PolicyDocumentJson, roleArn)
    .statements.filter((st) => st.effect === 'Allow' && st.principal && statementCovers(st, action))
    .map((st) => st.principal!);
  const open = trust.some((p) => p.anyone || p.negated);
  const accounts = new Set(trust.flatMap((p) => [...p.accounts.keys()]));
  const out = new Set([...keys].filter((k) => open || accounts.has(k.split(':')[4] ?? '')));
  for (const p of trust) for (const arn of p.arns) out.add(arn);
  for (const k of await keysOf(driver, 'role-callers', { snapshotId, role: roleArn })) out.add(k);
  if (open)
    for (const k of await keysOf(driver, 'account-principals', {
      snapshotId,
      accountId: rec.get('accountId'),
    }))
      out.add(k);
  return out;
}

/** Every user and role allowed to make the request, evaluated as `simulate` would; optionally who reaches them. */
export async function whoCan(source: Source, snapshotId: string, args: WhoCanArgs): Promise<WhoCanResult> {
  const driver = driverOf(source);
  const a = parseArgs(whoCanArgs, args);
  const roleArn = roleResource(a.resource);
  const keys = await candidates(driver, snapshotId, a.action, roleArn);
  // Only the target role's trust policy takes part; the candidates' own are not read.
  const slice = await loadModelSlice(driver, snapshotId, roleArn ? [...keys, roleArn] : [...keys], {
    trustOf: roleArn ? [roleArn] : [],
  });
  const options = await requestOptions(driver, snapshotId, a);
  const ctx = sliceContext(slice, options);
  const target = requestTarget(ctx, snapshotId, a.action, a.resource, roleArn);

  // The users and roles found, and the root user of every account in the snapshot.
  const callers = new Map<string, Caller>();
  for (const key of keys) {
    const p = ctx.principals.get(key);
    if (p) callers.set(key, callerOf(p));
  }
  const partition = a.resource.startsWith('arn:') ? (a.resource.split(':')[1] ?? 'aws') : 'aws';
  for (const account of ctx.accounts.values()) {
    if (!isRootUserAccount(account)) continue;
    const arn = `arn:${partition}:iam::${account.id}:root`;
    callers.set(arn, rootUserCaller(arn, account));
  }
  const allowed: EvaluationOutcome[] = [];
  for (const key of [...callers.keys()].sort()) {
    const caller = callers.get(key)!;
    const result = outcome(targetInput(caller, a.action, target, options), caller, key);
    if (result.allowed) allowed.push(result);
  }
  const limit = a.limit ?? DEFAULT_WHO_CAN_LIMIT;
  const result: WhoCanResult = {
    action: a.action,
    resource: a.resource,
    context: options.context,
    contextComplete: options.contextComplete,
    candidates: callers.size,
    total: allowed.length,
    limit,
    truncated: allowed.length > limit,
    principals: allowed.slice(0, limit),
  };
  if (a.viaRoles) {
    const maxHops = a.maxHops ?? DEFAULT_MAX_HOPS;
    const roles = allowed.filter((r) => r.principal.type === 'Role').map((r) => r.principal.arn);
    const reached = await reachAnyRole(
      driver,
      snapshotId,
      roles,
      allowed.map((r) => r.principal.arn),
      maxHops,
    );
    result.viaRoles = {
      maxHops,
      total: reached.entries.length,
      truncated: reached.truncated || reached.entries.length > limit,
      principals: reached.entries.slice(0, limit),
    };
  }
  return result;
}
