/**
 * Resources in the graph (docs/graph-model.md): a `Resource` node per resource,
 * `(:Account)-[:CONTAINS]->(:Resource)`, `(:Resource)-[:RUNS_AS]->(:Role)` for
 * the role a resource runs as, and nodes for the callers its policy or its
 * KMS grants name, created the way trust-policy callers are (an external
 * account, a service, `*`, a principal of an account without IAM data), so
 * that every CAN_ACCESS edge of the analysis finds its caller. Pure: the
 * model in, rows out (through the callbacks of toGraphRows).
 */
import { basename } from 'node:path';
import { parsePolicy } from '../../engine/evaluate/index.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import type { Resource } from '../../engine/resources/model.ts';
import type { PropValue } from './graph-rows.ts';
import { classifyAwsPrincipal, trustTargets, type TrustTarget } from './trust-targets.ts';

type AddNode = (label: 'Resource', key: string, p: Record<string, PropValue | undefined>) => void;
type AddRel = (
  type: 'CONTAINS' | 'RUNS_AS',
  from: string,
  to: string,
  p?: Record<string, PropValue | undefined>,
  id?: string,
) => void;

/** Service principals end in amazonaws.com (amazonaws.com.cn in China). */
const SERVICE_PRINCIPAL = /\.amazonaws\.com(\.cn)?$/;

/**
 * Who a KMS grant's `GranteePrincipal` is: an account, user, role, assumed role
 * or AWS service principal
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html#KMS-CreateGrant-request-GranteePrincipal).
 */
export function granteeTarget(grantee: string): TrustTarget {
  return SERVICE_PRINCIPAL.test(grantee)
    ? { key: grantee, kind: 'service', name: grantee }
    : classifyAwsPrincipal(grantee);
}

/**
 * The callers a resource's policy can grant to: the principals of its Allow
 * statements, and `*` for an Allow with NotPrincipal (everyone but those
 * named). Deny statements take access away and name no caller.
 */
export function policyCallers(resource: Resource): TrustTarget[] {
  if (resource.policy === undefined) return [];
  const out: TrustTarget[] = [];
  const notPrincipalAllows = parsePolicy(resource.policy, resource.arn).statements.some(
    ({ raw }) => raw.Effect === 'Allow' && raw.NotPrincipal !== undefined,
  );
  if (notPrincipalAllows) out.push({ key: '*', kind: 'anyone' });
  for (const t of trustTargets(resource.policy, resource.arn))
    if (t.effect === 'Allow' && !t.notPrincipal) out.push(t.target);
  for (const g of resource.settings.grants ?? []) out.push(granteeTarget(g.GranteePrincipal));
  return out;
}

export function resourceRows(
  model: SnapshotModel,
  add: { addNode: AddNode; addRel: AddRel; callerNode: (t: TrustTarget) => string },
): void {
  const roles = new Set(model.roles.map((r) => r.arn));
  const profiles = new Map(model.instanceProfiles.map((p) => [p.arn, p]));
  for (const r of model.resources ?? []) {
    add.addNode('Resource', r.arn, {
      arn: r.arn,
      type: r.type,
      accountId: r.accountId,
      region: r.region,
      name: r.name,
      policy: r.policy === undefined ? undefined : JSON.stringify(r.policy),
      settings: JSON.stringify(r.settings),
      tags: JSON.stringify(Object.fromEntries(r.tags.map((t) => [t.key, t.value]))),
      sensitive: r.sensitive,
      // The file's name, not its path: the same export loads the same graph wherever it sits.
      sourceFile: basename(r.source.path),
      sourceJsonPath: r.source.jsonPath,
      // Set to true by the resource analysis's marks (resource-access-rows.ts).
      public: false,
      externalAccess: false,
    });
    add.addRel('CONTAINS', r.accountId, r.arn);
    const roleArn = r.settings.roleArn;
    if (roleArn !== undefined && roles.has(roleArn)) add.addRel('RUNS_AS', r.arn, roleArn);
    const profileArn = r.settings.instanceProfileArn;
    const profile = profileArn === undefined ? undefined : profiles.get(profileArn);
    for (const role of profile?.roleArns ?? [])
      if (roles.has(role))
        add.addRel('RUNS_AS', r.arn, role, { instanceProfileArn: profile?.arn }, profile?.arn);
    for (const caller of policyCallers(r)) add.callerNode(caller);
  }
}
