/**
 * The GraphQL documents of the plan check on the page (schema: api/schema/plan-check.graphql): a
 * plan checked against the snapshot shown, and the same check added to a review session.
 * ui/documents.ts writes them out for codegen.
 */
const EDGE = 'type from to method conditionKeys addresses';
const HOPS = 'hops { from to type method changed addresses }';
const PATH = `from adminAccount addresses ${HOPS}`;
const REPORT = `
  snapshot { id name }
  accountId accountSource passed rules failures { rule count }
  newAdminPathCount newAdminPaths { ${PATH} } removedAdminPaths { ${PATH} }
  newExternalTrust { ${EDGE} } addedEdges { ${EDGE} } removedEdges { ${EDGE} }
  newFindings { id kind severity title addresses subjects } resolvedFindings { id kind severity title }
  unknowns { address attribute } warnings`;

export const CHECK_PLAN = /* GraphQL */ `
  mutation CheckPlan($input: CheckPlanInput!) {
    checkPlan(input: $input) { ${REPORT} }
  }
`;

export const ADD_PLAN_TO_REVIEW = /* GraphQL */ `
  mutation AddPlanToReview($input: AddPlanCheckToReviewInput!) {
    addPlanCheckToReview(input: $input) {
      report {
        passed
      }
      items {
        id
        kind
        title
      }
    }
  }
`;

/** What a review item about a proposed change shows (selected by REVIEW_SESSION's items). */
export const PLAN_CHANGE_FIELDS = `planChange { what plan snapshotId accountId passed failures { rule count }
  counts { name count } adminAccount ${HOPS} addresses finding { kind severity title } }`;
