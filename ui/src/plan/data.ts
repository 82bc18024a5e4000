/** The plan check the page holds: the last plan uploaded, its check against the snapshot shown, and adding it to a review session. */
import { gql } from '../api.ts';
import type {
  AddPlanToReviewMutation,
  AddPlanToReviewMutationVariables,
  CheckPlanMutation,
  CheckPlanMutationVariables,
} from '../generated/operations.ts';
import { state } from '../url-state.ts';
import * as Q from './queries.ts';

export type PlanReport = CheckPlanMutation['checkPlan'];

export interface PlanCheck {
  fileName: string;
  text: string;
  failOn: string;
  report: PlanReport;
}

let last: PlanCheck | undefined;

/** The last check, while the page is open (a plan is not kept in the URL: it may hold secrets). */
export const currentPlan = (): PlanCheck | undefined => last;

export async function checkPlan(text: string, fileName: string, failOn: string): Promise<PlanCheck> {
  const input: CheckPlanMutationVariables['input'] = { plan: text, fileName, snapshot: state().snap ?? null };
  if (failOn.trim()) input.failOn = failOn.trim();
  const d = await gql<CheckPlanMutation>(Q.CHECK_PLAN, { input } satisfies CheckPlanMutationVariables);
  last = { fileName, text, failOn: failOn.trim(), report: d.checkPlan };
  return last;
}

export async function addPlanToReview(
  check: PlanCheck,
  sessionId: string,
  note: string,
): Promise<AddPlanToReviewMutation['addPlanCheckToReview']> {
  const input: AddPlanToReviewMutationVariables['input'] = {
    sessionId,
    plan: check.text,
    fileName: check.fileName,
    account: check.report.accountId,
  };
  if (check.failOn) input.failOn = check.failOn;
  if (note.trim()) input.note = note.trim();
  const d = await gql<AddPlanToReviewMutation>(Q.ADD_PLAN_TO_REVIEW, {
    input,
  } satisfies AddPlanToReviewMutationVariables);
  return d.addPlanCheckToReview;
}
