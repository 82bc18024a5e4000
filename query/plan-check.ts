/**
 * plan-check: a proposed change (Terraform plan or CloudFormation template)
 * laid over a snapshot's model, analysed as ingest analyses, and compared
 * with the snapshot as it is. Without a snapshot the change is checked alone,
 * in an otherwise empty account.
 *
 * The snapshot's model is rebuilt from the graph (model-slice.ts): a snapshot
 * keeps the paths of the files it was read from, not their content, and those
 * files may have moved or changed since; the graph is what the snapshot is.
 * Both sides of the comparison are analysed here from the same rebuilt
 * model, so what the rebuild leaves out (instance profiles, identity
 * providers) cannot show up as a difference.
 */
import type { SnapshotModel } from '../engine/model.ts';
import type { ChangeSet, UnknownValue } from '../engine/plan/change.ts';
import { analyse, diffAnalyses, type PlanDiff, type StoredFrame } from '../engine/plan/diff.ts';
import { evaluateGate, ruleText, type GateFailure, type GateRule } from '../engine/plan/gate.ts';
import { applyChangeSet } from '../engine/plan/overlay.ts';
import { addMissingAwsManagedPolicies } from '../ingest/read/missing-policies.ts';
import { changeSetOf, planAccountOf, type LoadedPlan } from '../ingest/read/plan/index.ts';
import { formatProblem, type InputProblem } from '../ingest/read/problems.ts';
import type { Source } from './cache.ts';
import { QueryInputError } from './errors.ts';
import { loadModelSlice, loadPolicies, loadSnapshotModel } from './model-slice.ts';
import { loadStoredFrame } from './plan-frame.ts';
import { planScope } from './plan-scope.ts';

export { loadSnapshotModel } from './model-slice.ts';

/** The account a plan is read in when nothing names one (documentation's reserved-looking id). */
export const STAND_IN_ACCOUNT = '000000000000';

export interface PlanCheckResult {
  file: string;
  format: ChangeSet['format'];
  snapshot?: { id: string; name: string };
  accountId: string;
  /** How the account was chosen, in words. */
  accountSource: string;
  changes: { address: string; resourceType: string; action: string; line?: number }[];
  unknowns: UnknownValue[];
  skipped: ChangeSet['skipped'];
  warnings: string[];
  diff: PlanDiff;
  rules: string[];
  failures: GateFailure[];
  seconds: number;
  /** How a check against a snapshot ran: on the principals the change can affect, or on all. */
  analysis?: AnalysisMode;
}

export interface AnalysisMode {
  mode: 'incremental' | 'full';
  /** Why this mode, in words. */
  reason: string;
  principals: number;
  /** The snapshot's users and roles. */
  total: number;
  /** Seconds per phase: scope (what the change can affect), load (the model from the graph), analyse. */
  phases: { scope: number; load: number; analyse: number };
}

export function emptyModel(): SnapshotModel {
  return {
    accounts: [],
    users: [],
    groups: [],
    roles: [],
    policies: [],
    instanceProfiles: [],
    identityProviders: [],
    sources: [],
  };
}

/** --account, else the account the plan names, else the snapshot's only account with IAM data. */
export function chooseAccount(
  loaded: LoadedPlan,
  model: SnapshotModel,
  option: string | undefined,
): { accountId: string; source: string; warning?: string } {
  if (option !== undefined) {
    if (!/^\d{12}$/.test(option))
      throw new QueryInputError(`--account must be a 12-digit account id, not "${option}"`);
    return { accountId: option, source: '--account' };
  }
  const named = planAccountOf(loaded);
  if (named) return { accountId: named.accountId, source: named.source };
  const withData = model.accounts.filter((a) => a.hasIamData);
  if (withData.length === 1 && withData[0])
    return { accountId: withData[0].id, source: "the snapshot's only account" };
  if (withData.length > 1)
    throw new QueryInputError(
      `${loaded.file} does not say which account it changes, and the snapshot holds ${withData.length}; name it with --account ID`,
    );
  return {
    accountId: STAND_IN_ACCOUNT,
    source: 'none named',
    warning: `${loaded.file} does not say which account it changes; it is read as account ${STAND_IN_ACCOUNT} (name it with --account ID)`,
  };
}

export interface PlanCheckOptions {
  account?: string;
  rules: GateRule[];
  snapshot?: { id: string; name: string };
  /** The stored edges and administrators of the nodes beyond the model that the change cannot reach. */
  frame?: StoredFrame;
}

export async function planCheck(
  loaded: LoadedPlan,
  base: SnapshotModel,
  options: PlanCheckOptions,
): Promise<PlanCheckResult> {
  const started = performance.now();
  const account = chooseAccount(loaded, base, options.account);
  const cs = changeSetOf(loaded, account.accountId);
  // Checked alone, the account holds what the plan shows of it before the change.
  if (!options.snapshot) base = applyChangeSet(base, { ...cs, changes: cs.existing }).model;
  // AWS-managed policies attached but never held by the snapshot: from the bundled catalog, on both sides.
  const notes: InputProblem[] = [];
  await addMissingAwsManagedPolicies(base, () => loaded.file, notes);
  const overlay = applyChangeSet(base, cs);
  await addMissingAwsManagedPolicies(overlay.model, () => loaded.file, notes);
  const before = analyse(base, options.frame);
  const after = analyse(overlay.model, options.frame);
  const diff = diffAnalyses(before, after, { before: base, after: overlay.model }, overlay.touched);
  return {
    file: cs.file,
    format: cs.format,
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    accountId: account.accountId,
    accountSource: account.source,
    changes: [...new Map(cs.changes.map((c) => [c.address, c])).values()].map((c) => ({
      address: c.address,
      resourceType: c.resourceType,
      action: c.action,
      ...(c.line !== undefined ? { line: c.line } : {}),
    })),
    unknowns: cs.unknowns,
    skipped: cs.skipped,
    warnings: [...(account.warning ? [account.warning] : []), ...cs.warnings, ...notes.map(formatProblem)],
    diff,
    rules: options.rules.map(ruleText),
    failures: evaluateGate(options.rules, diff, cs.unknowns),
    seconds: Math.round(performance.now() - started) / 1000,
  };
}

const since = (t: number) => Math.round(performance.now() - t) / 1000;

/** Every managed policy a change names (attachments, exclusive lists), so the slice holds those it attaches. */
function policyArnsOf(cs: ChangeSet): string[] {
  const out = new Set<string>();
  for (const c of [...cs.changes, ...cs.existing])
    for (const o of [c.before, c.after]) {
      if (!o) continue;
      if (o.type === 'attachment' || o.type === 'policy-holders') out.add(o.policyArn);
      if (o.type === 'attachments-exclusive') for (const a of o.policyArns) out.add(a);
      if (o.type === 'role') for (const a of o.managedPolicyArns ?? []) out.add(a);
      if ((o.type === 'role' || o.type === 'user') && o.permissionsBoundaryArn)
        out.add(o.permissionsBoundaryArn);
    }
  return [...out];
}

/**
 * plan-check against a stored snapshot. By default (`full` unset) only the
 * principals the change can affect are read and analysed (query/plan-scope.ts),
 * and what they reach beyond is taken from the stored edges
 * (query/plan-frame.ts), with the full analysis when the change is too broad;
 * `full: true` always analyses the whole snapshot. Both give the same answer.
 */
export async function planCheckSnapshot(
  loaded: LoadedPlan,
  source: Source,
  options: PlanCheckOptions & {
    snapshot: { id: string; name: string };
    full?: boolean;
    /** Largest share of the snapshot's principals analysed incrementally (default INCREMENTAL_SHARE_LIMIT). */
    shareLimit?: number;
  },
): Promise<PlanCheckResult> {
  const started = performance.now();
  const id = options.snapshot.id;
  let scope: Awaited<ReturnType<typeof planScope>> | undefined;
  if (!options.full) {
    const frame = await loadModelSlice(source, id, []);
    const account = chooseAccount(loaded, frame, options.account);
    scope = await planScope(
      source,
      id,
      changeSetOf(loaded, account.accountId),
      frame.organization,
      options.shareLimit,
    );
  }
  const scoped = since(started);
  const loadStarted = performance.now();
  let base: SnapshotModel;
  let frame: StoredFrame | undefined;
  if (scope?.mode === 'incremental') {
    base = await loadModelSlice(source, id, scope.arns);
    const account = chooseAccount(loaded, base, options.account);
    await loadPolicies(source, id, base, policyArnsOf(changeSetOf(loaded, account.accountId)));
    frame = await loadStoredFrame(source, id, scope.frame, scope.reaching);
  } else base = await loadSnapshotModel(source, id);
  const loadedIn = since(loadStarted);
  const r = await planCheck(loaded, base, { ...options, ...(frame ? { frame } : {}) });
  const total = scope?.total ?? base.users.length + base.roles.length;
  return {
    ...r,
    seconds: since(started),
    analysis: {
      mode: scope?.mode ?? 'full',
      reason: scope?.reason ?? 'the full analysis was asked for',
      principals: base.users.length + base.roles.length,
      total,
      phases: { scope: scoped, load: loadedIn, analyse: r.seconds },
    },
  };
}
