/**
 * The checkPlan mutation (plan-check.graphql): the uploaded plan read as the
 * command line reads a file, the snapshot's model from the query layer, and
 * the result translated to the schema's shapes. Nothing is stored.
 */
import { DEFAULT_FAIL_ON, parseFailOn } from '../../engine/plan/gate.ts';
import type { AdminPathDelta, EdgeDelta, FindingDelta } from '../../engine/plan/diff.ts';
import type { SnapshotInfo } from '../../ingest/load/snapshots.ts';
import { parsePlanText } from '../../ingest/read/plan/index.ts';
import { formatProblem, InputError } from '../../ingest/read/problems.ts';
import { planCheckSnapshot } from '../../query/index.ts';
import { badInput, snapshotOf, type ApiContext } from '../context.ts';
import type { CheckPlanInput } from './generated/types.ts';

const edge = (e: EdgeDelta) => ({
  type: e.kind,
  from: e.from,
  to: e.to,
  method: e.method,
  conditionKeys: e.conditionKeys,
  addresses: e.addresses,
});

const adminPath = (p: AdminPathDelta) => ({
  from: p.from,
  adminAccount: p.adminAccount,
  addresses: p.addresses,
  hops: p.hops.map((h) => ({
    from: h.from,
    to: h.to,
    type: h.kind,
    method: h.method ?? null,
    changed: h.changed,
    addresses: h.addresses,
  })),
});

const finding = (f: FindingDelta) => ({ ...f });

export async function checkPlanReport(input: CheckPlanInput, ctx: ApiContext) {
  let rules;
  try {
    rules = parseFailOn(input.failOn ?? DEFAULT_FAIL_ON);
  } catch (err) {
    throw badInput((err as Error).message, 'failOn');
  }
  if (input.account != null && !/^\d{12}$/.test(input.account))
    throw badInput(`account must be a 12-digit account id, not "${input.account}"`, 'account');
  const file = input.fileName ?? 'uploaded-plan.json';
  let loaded;
  try {
    loaded = parsePlanText(input.plan, file);
  } catch (err) {
    if (err instanceof InputError) throw badInput(err.problems.map(formatProblem).join('\n'), 'plan');
    throw err;
  }
  const snapshot: SnapshotInfo = await snapshotOf(ctx, input.snapshot ?? undefined);
  let r;
  try {
    r = await planCheckSnapshot(loaded, ctx.reader, {
      rules,
      snapshot: { id: snapshot.id, name: snapshot.name },
      ...(input.account != null ? { account: input.account } : {}),
    });
  } catch (err) {
    if (err instanceof InputError) throw badInput(err.problems.map(formatProblem).join('\n'), 'plan');
    throw err;
  }
  const d = r.diff;
  return {
    snapshot,
    accountId: r.accountId,
    accountSource: r.accountSource,
    passed: r.failures.length === 0,
    rules: r.rules,
    failures: r.failures,
    newAdminPathCount: d.adminPaths.addedTotal,
    newAdminPaths: d.adminPaths.added.map(adminPath),
    removedAdminPaths: d.adminPaths.removed.map(adminPath),
    newExternalTrust: d.externalTrust.map(edge),
    addedEdges: [...d.assume.added, ...d.escalate.added].map(edge),
    removedEdges: [...d.assume.removed, ...d.escalate.removed].map(edge),
    newFindings: d.findings.added.map(finding),
    resolvedFindings: d.findings.removed.map(finding),
    unknowns: r.unknowns.map((u) => ({ address: u.address, attribute: u.attribute })),
    warnings: r.warnings,
  };
}
