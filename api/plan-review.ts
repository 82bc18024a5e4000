/**
 * addPlanCheckToReview: a plan checked against a review session's snapshot
 * (as checkPlan checks it), and what it would add written to the session as
 * PLAN_CHANGE items with their evidence: the check as a whole (the gate's
 * outcome and the counts), then each new path to admin, new outside trust
 * and new finding, with the hops the change introduces and the resources
 * behind them. The plan's text is not kept.
 */
import type { PlanChangeEvidence, ReviewItemOut } from '../query/reviews.ts';
import { getSession } from '../query/reviews.ts';
import { badInput, notFound, type ApiContext } from './context.ts';
import { addPlanChangeItems, MAX_ITEMS_PER_CALL, type PlanChangeItem } from './reviews.ts';
import { checkPlanReport } from './schema/plan-check-resolvers.ts';
import type { AddPlanCheckToReviewInput } from './schema/generated/types.ts';

type Report = Awaited<ReturnType<typeof checkPlanReport>>;

/** The last part of a node key, for titles: `arn:aws:iam::1:role/ci/deploy` → `ci/deploy`. */
const short = (key: string): string =>
  key.startsWith('admin:')
    ? `admin of ${key.slice(6)}`
    : (/:(?:role|user|group)\/(.+)$/.exec(key)?.[1] ?? key);

/** The items a check becomes, the check as a whole first. */
export function planChangeItems(report: Report, plan: string): PlanChangeItem[] {
  const base: Omit<PlanChangeEvidence, 'what' | 'hops' | 'addresses'> = {
    plan,
    snapshotId: report.snapshot.id,
    accountId: report.accountId,
    passed: report.passed,
    rules: report.rules,
    failures: report.failures,
    counts: [],
  };
  const verdict = report.passed
    ? 'passes'
    : `fails ${report.failures.map((f) => `${f.rule} (${f.count})`).join(', ')}`;
  const items: PlanChangeItem[] = [
    {
      title: `Plan ${plan} in account ${report.accountId}: the gate ${verdict}`,
      subjectKeys: [],
      evidence: {
        ...base,
        what: 'RESULT',
        counts: [
          { name: 'new paths to admin', count: report.newAdminPathCount },
          { name: 'removed paths to admin', count: report.removedAdminPaths.length },
          { name: 'new outside trust', count: report.newExternalTrust.length },
          { name: 'added edges', count: report.addedEdges.length },
          { name: 'removed edges', count: report.removedEdges.length },
          { name: 'new findings', count: report.newFindings.length },
          { name: 'resolved findings', count: report.resolvedFindings.length },
          { name: 'values known after apply', count: report.unknowns.length },
        ],
        hops: [],
        addresses: [...new Set(report.addedEdges.flatMap((e) => e.addresses))].sort(),
      },
    },
  ];
  for (const p of report.newAdminPaths)
    items.push({
      title: `New path to admin of ${p.adminAccount}: ${[p.from, ...p.hops.map((h) => h.to)].map(short).join(' → ')}`,
      subjectKeys: [p.from, ...p.hops.map((h) => h.to)],
      evidence: {
        ...base,
        what: 'NEW_ADMIN_PATH',
        adminAccount: p.adminAccount,
        hops: p.hops,
        addresses: p.addresses,
      },
    });
  for (const e of report.newExternalTrust)
    items.push({
      title: `New trust: ${short(e.from)} can assume ${short(e.to)}`,
      subjectKeys: [e.from, e.to],
      evidence: {
        ...base,
        what: 'NEW_EXTERNAL_TRUST',
        hops: [
          { from: e.from, to: e.to, type: e.type, method: e.method, changed: true, addresses: e.addresses },
        ],
        addresses: e.addresses,
      },
    });
  for (const f of report.newFindings)
    items.push({
      title: `[${f.severity}] ${f.title}`,
      subjectKeys: f.subjects,
      evidence: { ...base, what: 'NEW_FINDING', finding: f, hops: [], addresses: f.addresses },
    });
  return items;
}

export async function addPlanCheckToReview(
  input: AddPlanCheckToReviewInput,
  ctx: ApiContext,
): Promise<{ report: Report; items: ReviewItemOut[] }> {
  const session = await getSession(ctx.reader, String(input.sessionId));
  if (!session) throw notFound(`No review session "${input.sessionId}".`);
  const plan = input.fileName ?? 'uploaded-plan.json';
  const report = await checkPlanReport(
    {
      plan: input.plan,
      fileName: plan,
      snapshot: session.snapshotId,
      account: input.account ?? null,
      failOn: input.failOn ?? null,
    },
    ctx,
  );
  const items = planChangeItems(report, plan);
  if (items.length > MAX_ITEMS_PER_CALL)
    throw badInput(
      `The check found ${items.length - 1} results; a session takes at most ${MAX_ITEMS_PER_CALL} items per call. ` +
        'Check the plan with `iamatlas plan-check` and review its report instead, or split the change.',
      'plan',
    );
  return {
    report,
    items: await addPlanChangeItems(
      ctx.db,
      session.id,
      items,
      { note: input.note, reviewer: input.reviewer },
      ctx.caller.name,
    ),
  };
}
