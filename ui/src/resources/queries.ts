/**
 * The GraphQL documents of the resource views (schema: api/schema/resources.graphql): one
 * resource with who can reach it, and the public / external access findings. ui/documents.ts
 * writes them out for codegen.
 */
const NODE = 'key kind arn name accountId';
const STATEMENT = 'policyId policyKind statementIndex sid effect';
const EDGE = `type method level public conditional crossAccount actions via
  from { ${NODE} } to { ${NODE} }
  conditions { key operator values mustHold assumption }
  evidence { ${STATEMENT} }`;
const PATH = `path { length nodes { ${NODE} } edges { ${EDGE} } }`;

export const RESOURCE_VIEW = /* GraphQL */ `
  query ResourceView($arn: String!, $snap: ID, $hops: Int) {
    resource(snapshot: $snap, arn: $arn) {
      key type name accountId region policy citedStatements settings sensitive public externalAccess sourceFile
      tags { key value }
      account { ${NODE} }
      runsAs { role { ${NODE} } instanceProfileArn }
      findings { id kind severity title why }
    }
    whoCanAccess(snapshot: $snap, resource: $arn, maxHops: $hops) {
      truncated
      direct { node { ${NODE} } level hops conditional ${PATH} }
      viaPaths { node { ${NODE} } level hops conditional ${PATH} }
      people { person { key name displayName } signIn { role { ${NODE} } permissionSets } level hops conditional ${PATH} }
    }
  }
`;

export const EXTERNAL_ACCESS = /* GraphQL */ `
  query ExternalAccessList($snap: ID, $type: String, $level: String, $publicOnly: Boolean) {
    externalAccess(snapshot: $snap, type: $type, level: $level, publicOnly: $publicOnly, first: 500) {
      totalCount
      nodes {
        finding { id kind severity title }
        resource { ${NODE} }
        resourceType
        caller { ${NODE} }
        level actions public zoneOfTrust
        statement { ${STATEMENT} }
        conditions { key operator values mustHold assumption }
      }
    }
  }
`;

export const RESOURCE_SEARCH = /* GraphQL */ `
  query ResourceSearch($q: String!, $snap: ID) {
    resources(snapshot: $snap, filter: { search: $q }, first: 8) {
      totalCount
      nodes { node { ${NODE} } type }
    }
  }
`;
