/** Builders for the escalation tests: small snapshots around one source and one target. */
import type { OrganizationPolicy, PolicyDocumentJson, SnapshotModel } from '../model.ts';
import { A, doc, MGMT, ModelBuilder, OU, ROOT } from '../trust/test-model.ts';
import { analyseEscalation, type EscalationAnalysis } from './escalate.ts';
import type { EscalationEdge } from './types.ts';

export { A, doc, ModelBuilder };

export const ADMIN_DOC = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
export const allow = (
  action: string | string[],
  resource: string | string[] = '*',
  extra: Record<string, unknown> = {},
) => doc({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
export const deny = (action: string | string[], resource: string | string[] = '*') =>
  doc({ Effect: 'Deny', Action: action, Resource: resource });
export const trustService = (service: string): PolicyDocumentJson =>
  doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });

/**
 * The trust policy by which `service` may assume a role. Cognito identity pools use web identity
 * federation: https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
export const trustFor = (service: string): PolicyDocumentJson =>
  service === 'cognito-identity.amazonaws.com'
    ? doc({
        Effect: 'Allow',
        Principal: { Federated: service },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' } },
      })
    : trustService(service);

/** Put a role in an instance profile (EC2-style methods need one). */
export function addInstanceProfile(model: SnapshotModel, roleArn: string): void {
  const role = model.roles.find((r) => r.arn === roleArn);
  if (!role) throw new Error(`no role ${roleArn}`);
  const arn = `arn:aws:iam::${role.accountId}:instance-profile/${role.name}`;
  role.instanceProfileArns.push(arn);
  model.instanceProfiles.push({
    arn,
    name: role.name,
    instanceProfileId: `AIPA${role.name.toUpperCase()}`,
    path: '/',
    accountId: role.accountId,
    roleArns: [roleArn],
  });
}

/** An organization whose OU carries FullAWSAccess plus `extra` SCPs; account A sits in it. */
export function withScps(b: ModelBuilder, ...extra: PolicyDocumentJson[]): ModelBuilder {
  const full: OrganizationPolicy = {
    id: 'p-FullAWSAccess',
    name: 'FullAWSAccess',
    type: 'SERVICE_CONTROL_POLICY',
    document: ADMIN_DOC,
    targets: [ROOT, OU, A, MGMT],
  };
  const policies: OrganizationPolicy[] = [
    full,
    ...extra.map((document, i) => ({
      id: `p-extra${i}`,
      name: `extra-${i}`,
      type: 'SERVICE_CONTROL_POLICY' as const,
      document,
      targets: [OU],
    })),
  ];
  b.organization(policies).orgAccount(MGMT).orgAccount(A);
  return b;
}

export function run(model: SnapshotModel): EscalationAnalysis {
  return analyseEscalation(model, { runtimeTargets: 'all' });
}

export function edgesFrom(a: EscalationAnalysis, from: string, method?: string): EscalationEdge[] {
  return a.edges.filter((e) => e.from === from && (method === undefined || e.method === method));
}

export function targetsOf(a: EscalationAnalysis, from: string, method?: string): string[] {
  return edgesFrom(a, from, method)
    .map((e) => e.to)
    .sort();
}
