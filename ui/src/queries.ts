/**
 * Every GraphQL document the page sends (schema: api/schema.graphql). Results carry light edges;
 * an edge's full evidence is fetched when someone opens it.
 */
import { PLAN_CHANGE_FIELDS } from './plan/queries.ts';

const NODE = 'key kind arn name accountId';
const LIGHT_EDGE = `type method conditional crossAccount from { ${NODE} } to { ${NODE} } conditions { key assumption }`;
const STATEMENT = 'policyId policyKind statementIndex sid effect';
const FULL_EDGE = `type actions mechanism via method crossAccount crossOrganization conditional roleChaining reasons orgPolicyIds
  from { ${NODE} } to { ${NODE} }
  conditions { key operator values mustHold assumption source { ${STATEMENT} } }
  evidence { ${STATEMENT} }`;
const POLICY = 'key kind name arn document';

export const SNAPSHOTS = /* GraphQL */ `
  query Snapshots {
    viewer {
      role
      via
    }
    snapshots(first: 50) {
      nodes {
        id
        name
        status
        createdAt
        completedAt
      }
    }
  }
`;

const OU = 'id name isRoot';
export const OVERVIEW = /* GraphQL */ `
  query Overview($snap: ID, $a: AssumptionsInput) {
    organization(snapshot: $snap) {
      id managementAccountId
      root { ${OU} children { ${OU} children { ${OU} children { ${OU} children { ${OU} } } } } }
    }
    accounts(snapshot: $snap, first: 500) {
      nodes { id name inOrganization external hasIamData isManagement parentId }
    }
    crossAccountTrust(snapshot: $snap, assumptions: $a) {
      fromAccount toAccount external edgeCount conditionalCount roleCount assumptions worstSeverity
    }
    externalTrust(snapshot: $snap, assumptions: $a, first: 500) { totalCount nodes { ${LIGHT_EDGE} } }
    providerTrust(snapshot: $snap, assumptions: $a) { provider { ${NODE} } toAccount roleCount conditionalCount assumptions }
    findings(snapshot: $snap, first: 500) { nodes { id severity subjectKeys } }
  }`;

/** An account's principals; its edges come a page at a time with ACCOUNT_EDGES. */
export const ACCOUNT_GRAPH = /* GraphQL */ `
  query AccountGraph($id: ID!, $snap: ID) {
    account(id: $id, snapshot: $snap) {
      id
      name
      principals(first: 500) {
        totalCount
        nodes {
          arn
          kind
        }
      }
    }
  }
`;
/** One page of the edges of one type that leave or enter an account's principals. */
export const ACCOUNT_EDGES = /* GraphQL */ `
  query AccountEdges($id: ID!, $snap: ID, $direction: EdgeDirection!, $type: EdgeType!, $after: String) {
    account(id: $id, snapshot: $snap) {
      edges(direction: $direction, type: $type, first: 500, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ${LIGHT_EDGE} }
      }
    }
  }`;

export const SEARCH = /* GraphQL */ `
  query Search($q: String!, $snap: ID) {
    principals(snapshot: $snap, filter: { search: $q }, orderBy: { field: NAME }, first: 50) {
      totalCount
      nodes {
        arn
        kind
        name
        accountId
      }
    }
    accounts(snapshot: $snap, filter: { search: $q }, first: 6) {
      nodes {
        id
        name
        external
      }
    }
  }
`;

const REACH_NODE = `totalCount truncated nodes { hops node { ${NODE} } path { edges { ${LIGHT_EDGE} } } }`;
export const WHO_CAN_REACH = /* GraphQL */ `
  query WhoCanReach($key: ID!, $hops: Int, $a: AssumptionsInput, $snap: ID, $first: Int) {
    whoCanAssume(role: $key, maxHops: $hops, assumptions: $a, snapshot: $snap, first: $first) { ${REACH_NODE} }
  }`;
export const WHAT_CAN_REACH = /* GraphQL */ `
  query WhatCanReach($key: ID!, $hops: Int, $a: AssumptionsInput, $snap: ID, $first: Int) {
    reachableFrom(principal: $key, maxHops: $hops, assumptions: $a, snapshot: $snap, first: $first) { ${REACH_NODE} }
  }`;
export const PATHS = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $hops: Int, $a: AssumptionsInput, $snap: ID) {
    paths(from: $from, to: $to, maxHops: $hops, limit: 64, assumptions: $a, snapshot: $snap) {
      nodes { ${NODE} } edges { ${LIGHT_EDGE} }
    }
  }`;
export const ESCALATION = /* GraphQL */ `
  query Escalation($from: ID!, $hops: Int, $a: AssumptionsInput, $snap: ID) {
    escalationPaths(from: $from, to: "admin", maxHops: $hops, limit: 64, assumptions: $a, includeAssumeOnly: true, snapshot: $snap) {
      available paths { nodes { ${NODE} isAdmin } edges { ${LIGHT_EDGE} } }
    }
  }`;

export const PRINCIPAL = /* GraphQL */ `
  query Principal($arn: ID!, $snap: ID) {
    principal(arn: $arn, snapshot: $snap) {
      arn
      kind
      name
      path
      accountId
      createDate
      description
      lastUsedDate
      serviceLinked
      trustPolicy
      tags {
        key
        value
      }
      policies {
        key
        kind
        name
        arn
      }
      boundary {
        key
        kind
        name
        arn
      }
      groups {
        arn
        name
        policies {
          key
          kind
          name
          arn
        }
      }
    }
  }
`;
export const ACCOUNT = /* GraphQL */ `
  query Account($id: ID!, $snap: ID) {
    account(id: $id, snapshot: $snap) {
      id
      name
      email
      status
      inOrganization
      hasIamData
      external
      isManagement
      parentId
    }
  }
`;

/** The edge again with its evidence, and the policy documents its statements sit in. */
export const EDGE_EVIDENCE = /* GraphQL */ `
  query EdgeEvidence($from: ID!, $to: ID!, $snap: ID, $fromIsPrincipal: Boolean!, $toIsPrincipal: Boolean!) {
    target: principal(arn: $to, snapshot: $snap) @include(if: $toIsPrincipal) {
      arn trustPolicy assumableBy(from: $from, first: 1) { nodes { ${FULL_EDGE} } }
    }
    source: principal(arn: $from, snapshot: $snap) @include(if: $fromIsPrincipal) {
      arn
      policies { ${POLICY} }
      boundary { ${POLICY} }
      groups { name policies { ${POLICY} } }
      canEscalateTo(to: $to, first: 1) { nodes { ${FULL_EDGE} } }
    }
  }`;

export const FINDINGS = /* GraphQL */ `
  query Findings($snap: ID, $severity: [Severity!], $kind: [String!], $account: String) {
    findings(snapshot: $snap, severity: $severity, kind: $kind, account: $account, first: 500) {
      totalCount
      nodes { id kind severity title why subjectKeys subjects { ${NODE} } evidence }
    }
  }`;

export const DIFF = /* GraphQL */ `
  query Diff($from: ID!, $to: ID!) {
    snapshotDiff(from: $from, to: $to) {
      from { id name } to { id name }
      canAssumeAdded { ${LIGHT_EDGE} } canAssumeRemoved { ${LIGHT_EDGE} }
      canEscalateToAdded { ${LIGHT_EDGE} } canEscalateToRemoved { ${LIGHT_EDGE} }
      findingsAdded { id severity title } findingsRemoved { id severity title }
    }
  }`;

const ITEM = `id kind title subjectKeys status note reviewer updatedAt version
  finding { id kind severity title why subjectKeys }
  path { nodes { ${NODE} } edges { ${LIGHT_EDGE} } }
  ${PLAN_CHANGE_FIELDS}`;
const ASSUMPTIONS = 'assumptions { mfa externalId network federation region other }';
export const REVIEW_SESSIONS = /* GraphQL */ `
  query ReviewSessions($snap: ID) {
    reviewSessions(snapshot: $snap, first: 50) {
      nodes {
        id
        name
        snapshotId
        createdAt
        statusCounts {
          name
          count
        }
      }
    }
  }
`;
export const REVIEW_SESSION = /* GraphQL */ `
  query ReviewSession($id: ID!) {
    reviewSession(id: $id) { id name snapshotId createdAt createdBy ${ASSUMPTIONS} statusCounts { name count } items { ${ITEM} } }
  }`;
export const REVIEW_REPORT = /* GraphQL */ `
  query ReviewReport($id: ID!, $format: ReportFormat) {
    reviewSession(id: $id) {
      id
      name
      report(format: $format)
    }
  }
`;
export const CREATE_SESSION = /* GraphQL */ `
  mutation CreateSession($input: CreateReviewSessionInput!) {
    createReviewSession(input: $input) {
      id
      name
    }
  }
`;
export const ADD_ITEMS = /* GraphQL */ `
  mutation AddItems($sessionId: ID!, $items: [ReviewItemInput!]!) {
    addReviewItems(sessionId: $sessionId, items: $items) {
      id
    }
  }
`;
export const SET_SESSION_ASSUMPTIONS = /* GraphQL */ `
  mutation SetSessionAssumptions($id: ID!, $a: AssumptionsInput!) {
    setReviewSessionAssumptions(id: $id, assumptions: $a) { id ${ASSUMPTIONS} }
  }`;
export const SET_STATUS = /* GraphQL */ `
  mutation SetStatus($input: SetReviewItemStatusInput!) {
    setReviewItemStatus(input: $input) {
      id
      status
      note
      reviewer
      updatedAt
      version
    }
  }
`;

/** A principal's direct edges: 300 of each kind keep the three lists within the API's cost limit. */
export const NEIGHBOURS = /* GraphQL */ `
  query Neighbours($arn: ID!, $snap: ID) {
    principal(arn: $arn, snapshot: $snap) {
      arn
      canAssume(first: 300) { nodes { ${LIGHT_EDGE} } }
      assumableBy(first: 300) { nodes { ${LIGHT_EDGE} } }
      canEscalateTo(first: 300) { nodes { ${LIGHT_EDGE} } }
    }
  }`;

export const ACCOUNTS = /* GraphQL */ `
  query Accounts($snap: ID) {
    accounts(snapshot: $snap, first: 500) {
      nodes {
        id
        name
        external
      }
    }
  }
`;

/** The organization at scale (ui/src/org/): OUs with counts, expanded on request, trust between the units shown. */
const UNIT =
  'id kind name parentId expanded trustAtBox accountCount roleCount memberCount trustIn trustOut trustFromOutside worstSeverity';
const UNIT_TRUST = 'from to fromName edgeCount conditionalCount roleCount assumptions worstSeverity';
export const ORG_OVERVIEW = /* GraphQL */ `
  query OrgOverview($snap: ID, $a: AssumptionsInput, $expand: [ID!], $budget: Int) {
    organization(snapshot: $snap) { id }
    organizationOverview(snapshot: $snap, assumptions: $a, expand: $expand, budget: $budget) {
      accountCount
      units { ${UNIT} }
      accounts { ${UNIT} }
      trust { ${UNIT_TRUST} }
    }
  }`;

export const TRUST_MATRIX = /* GraphQL */ `
  query TrustMatrix($snap: ID, $a: AssumptionsInput) {
    trustMatrix(snapshot: $snap, assumptions: $a) {
      accounts { id name ouId ouPath roleCount worstSeverity }
      cells { ${UNIT_TRUST} }
    }
  }`;

export const TRUST_BETWEEN = /* GraphQL */ `
  query TrustBetween($snap: ID, $a: AssumptionsInput, $from: ID!, $to: ID!, $expand: [ID!], $first: Int) {
    trustBetween(snapshot: $snap, assumptions: $a, from: $from, to: $to, expand: $expand, first: $first) {
      totalCount
      nodes { ${LIGHT_EDGE} }
    }
  }`;

export const OUTSIDE_ROLES = /* GraphQL */ `
  query OutsideRoles($snap: ID, $a: AssumptionsInput) {
    externalTrust(snapshot: $snap, assumptions: $a, first: 500) { totalCount nodes { ${LIGHT_EDGE} } }
  }`;
