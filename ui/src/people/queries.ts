/**
 * The GraphQL documents of the people views (schema: api/schema/people.graphql): people, groups and
 * permission sets in search, the person view, what a person reaches, the permission-set view, and
 * the people at the start of who-can-reach. ui/documents.ts writes them out for codegen.
 */
const ROLE = 'key kind arn name accountId isAdmin';
const SIGN_IN = `accountId permissionSets groups direct role { ${ROLE} }`;
const PERSON = 'key id name userName displayName emails status';
const PS = 'key arn name';

export const PEOPLE_SEARCH = /* GraphQL */ `
  query PeopleSearch($q: String!, $snap: ID) {
    people(snapshot: $snap, filter: { search: $q }, first: 8) {
      nodes { ${PERSON} }
    }
    permissionSets(snapshot: $snap, filter: { search: $q }, first: 5) {
      nodes { ${PS} }
    }
    peopleGroups(snapshot: $snap, filter: { search: $q }, first: 5) {
      nodes { key name memberCount }
    }
  }
`;

export const PERSON_VIEW = /* GraphQL */ `
  query PersonView($id: String!, $snap: ID) {
    person(snapshot: $snap, id: $id) {
      ${PERSON}
      groups { key name description memberCount }
      assignments {
        accountId accountName principalType
        group { key name }
        permissionSet { ${PS} sessionDuration }
        role { ${ROLE} }
      }
      signIns { ${SIGN_IN} }
    }
  }
`;

export const PERSON_REACH = /* GraphQL */ `
  query PersonReachView($id: String!, $hops: Int, $snap: ID) {
    personReach(snapshot: $snap, person: $id, maxHops: $hops) {
      person { ${PERSON} }
      signIns { ${SIGN_IN} }
      reach { length path how conditional adminOf node { ${ROLE} } signIn { role { key } } }
      admin { length path how conditional adminOf node { ${ROLE} } signIn { role { key } } }
      truncated
    }
  }
`;

export const PERMISSION_SET_VIEW = /* GraphQL */ `
  query PermissionSetView($id: String!, $snap: ID) {
    permissionSet(snapshot: $snap, id: $id) {
      ${PS} description sessionDuration relayState inlinePolicy awsManagedPolicyArns
      customerManagedPolicies permissionsBoundary provisionedAccountIds assignedAccountIds
      assignments {
        accountId accountName principalType
        group { key name memberCount }
        person { key name }
        role { ${ROLE} }
      }
      holders { person { key name } accountIds groups direct }
    }
  }
`;

export const GROUP_VIEW = /* GraphQL */ `
  query PeopleGroupView($id: String!, $snap: ID) {
    peopleGroups(snapshot: $snap, filter: { id: $id }, first: 1) {
      nodes { key id name description memberCount }
    }
    people(snapshot: $snap, filter: { group: $id }, first: 500) {
      totalCount nodes { key name displayName }
    }
    assignments(snapshot: $snap, filter: { group: $id }, first: 500) {
      nodes { accountId accountName permissionSet { ${PS} } role { ${ROLE} } }
    }
  }
`;

export const PEOPLE_WHO_CAN_REACH = /* GraphQL */ `
  query PeopleWhoCanReachRole($role: String!, $hops: Int, $snap: ID) {
    peopleWhoCanReach(snapshot: $snap, role: $role, maxHops: $hops) {
      people { person { key name displayName } way { length path signIn { ${SIGN_IN} } } }
      byGroup { group people }
    }
  }
`;
