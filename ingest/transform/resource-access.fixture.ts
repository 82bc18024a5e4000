/**
 * A small model with resources and a hand-built resource analysis, for the
 * tests of the resource rows and their load: a public bucket, a KMS key shared
 * with a vendor account and granted to a vendor role, a Lambda function with
 * its execution role and an EC2 instance with an instance profile.
 */
import { findingId, type Finding } from '../../engine/findings/index.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import type { Resource } from '../../engine/resources/model.ts';
import {
  ACCESS_LEVELS,
  type CanAccessEdge,
  type LevelAccess,
  type LevelEdge,
  type ResourceAnalysis,
} from '../../engine/resources/types.ts';
import { A, ModelBuilder, doc, trustAws } from '../../engine/trust/test-model.ts';
import type { StatementRef } from '../../engine/types.ts';

export const VENDOR = '999988887777';
export const BUCKET = 'arn:aws:s3:::site';
export const KEY = `arn:aws:kms:eu-west-1:${A}:key/k1`;
export const FUNCTION = `arn:aws:lambda:eu-west-1:${A}:function:f`;
export const INSTANCE = `arn:aws:ec2:eu-west-1:${A}:instance/i-1`;
export const VENDOR_ROLE = `arn:aws:iam::${VENDOR}:role/reader`;
export const PROFILE = `arn:aws:iam::${A}:instance-profile/web`;

const resource = (
  r: Omit<Resource, 'tags' | 'sensitive' | 'source' | 'settings'> & Partial<Resource>,
): Resource => ({
  tags: [],
  sensitive: false,
  settings: {},
  source: { path: `${A}.resources.json`, jsonPath: 'resources[0]' },
  ...r,
});

export const bucketPolicy = doc({
  Sid: 'Public',
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: `${BUCKET}/*`,
});
export const keyPolicy = doc(
  {
    Sid: 'Vendor',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
    Action: 'kms:Decrypt',
    Resource: '*',
  },
  { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::123412341234:root' }, Action: 'kms:*', Resource: '*' },
);

export function resourceModel(): { model: SnapshotModel; app: string; web: string; admin: string } {
  const b = new ModelBuilder().account(A);
  const app = b.role(
    A,
    'app',
    doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  );
  const web = b.role(
    A,
    'web',
    doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  );
  const admin = b.role(A, 'admin', trustAws(`arn:aws:iam::${A}:root`));
  const model = b.build();
  model.instanceProfiles.push({
    arn: PROFILE,
    name: 'web',
    instanceProfileId: 'AIPAWEB',
    path: '/',
    accountId: A,
    roleArns: [web],
  });
  model.resources = [
    resource({
      arn: BUCKET,
      type: 's3-bucket',
      accountId: A,
      name: 'site',
      policy: bucketPolicy,
      tags: [{ key: 'team', value: 'web' }],
    }),
    resource({
      arn: KEY,
      type: 'kms-key',
      accountId: A,
      region: 'eu-west-1',
      name: 'k1',
      policy: keyPolicy,
      sensitive: true,
      settings: { grants: [{ GranteePrincipal: VENDOR_ROLE, Operations: ['Decrypt'] }] },
    }),
    resource({
      arn: FUNCTION,
      type: 'lambda-function',
      accountId: A,
      region: 'eu-west-1',
      name: 'f',
      settings: { roleArn: app },
    }),
    resource({
      arn: INSTANCE,
      type: 'ec2-instance',
      accountId: A,
      region: 'eu-west-1',
      name: 'i-1',
      settings: { instanceProfileArn: PROFILE },
    }),
  ];
  return { model, app, web, admin };
}

const ref = (
  policyId: string,
  statementIndex: number,
  sid?: string,
  policyKind: StatementRef['policyKind'] = 'resource',
): StatementRef => ({
  policyId,
  policyKind,
  statementIndex,
  effect: 'Allow',
  ...(sid === undefined ? {} : { sid }),
  statement: { Effect: 'Allow', Action: '*' },
});

const edge = (e: Partial<LevelEdge> & Pick<LevelEdge, 'from' | 'fromKind' | 'to' | 'level'>): LevelEdge => ({
  actions: [],
  via: 'resource-policy',
  crossAccount: false,
  crossOrganization: false,
  public: false,
  conditional: false,
  conditions: [],
  evidence: [],
  reasons: [],
  ...e,
});

/** What the engine would say about resourceModel(): hand-built, so the rows and the load are tested without it. */
export function handBuiltAnalysis(admin: string): ResourceAnalysis {
  const publicRef = ref(BUCKET, 0, 'Public');
  const vendorRef = ref(KEY, 0, 'Vendor');
  const perLevel: LevelEdge[] = [
    edge({
      from: '*',
      fromKind: 'Anyone',
      to: BUCKET,
      level: 'read',
      actions: ['s3:GetObject'],
      public: true,
      crossAccount: true,
      crossOrganization: true,
      resourceStatement: publicRef,
      evidence: [publicRef, ref('p-FullAWSAccess', 0, undefined, 'rcp')],
      reasons: ['the bucket policy allows anyone'],
    }),
    edge({
      from: VENDOR,
      fromKind: 'Account',
      to: KEY,
      level: 'write',
      actions: ['kms:Decrypt'],
      via: 'both',
      crossAccount: true,
      crossOrganization: true,
      conditional: true,
      conditions: [
        {
          key: 'kms:ViaService',
          operator: 'StringEquals',
          values: ['s3.eu-west-1.amazonaws.com'],
          mustHold: true,
          source: vendorRef,
        },
        {
          key: 'aws:SourceIp',
          operator: 'IpAddress',
          values: ['203.0.113.0/24'],
          mustHold: true,
          source: vendorRef,
        },
      ],
      resourceStatement: vendorRef,
      evidence: [vendorRef],
    }),
    edge({
      from: VENDOR_ROLE,
      fromKind: 'ExternalPrincipal',
      to: KEY,
      level: 'write',
      actions: ['kms:Decrypt'],
      via: 'kms-grant',
      crossAccount: true,
      crossOrganization: true,
    }),
    edge({
      from: admin,
      fromKind: 'Role',
      to: KEY,
      level: 'permissions-management',
      actions: ['kms:PutKeyPolicy'],
      via: 'identity-policy',
      evidence: [ref(`${admin}#inline/p0`, 0, undefined, 'identity')],
    }),
    edge({
      from: admin,
      fromKind: 'Role',
      to: KEY,
      level: 'write',
      actions: ['kms:Decrypt'],
      via: 'identity-policy',
    }),
  ];
  // One edge per (caller, resource), its levels in ACCESS_LEVELS order.
  const edges: CanAccessEdge[] = [];
  for (const { from, fromKind, to, crossAccount, crossOrganization, ...level } of perLevel) {
    const known = edges.find((x) => x.from === from && x.to === to);
    if (known)
      known.levels = ACCESS_LEVELS.flatMap((l) => [...known.levels, level].filter((x) => x.level === l));
    else edges.push({ from, fromKind, to, crossAccount, crossOrganization, levels: [level] });
  }
  const finding = (kind: string, caller: string, e: LevelEdge): Finding => ({
    id: findingId(kind, [e.to, caller]),
    kind,
    severity: kind === 'public-access' ? 'high' : 'medium',
    title: `${e.to} is reachable by ${caller}`,
    why: 'hand-built',
    subjects: [e.to, caller],
    evidence: {
      level: e.level,
      actions: e.actions,
      statement: e.resourceStatement,
      conditions: e.conditions,
      zoneOfTrust: 'organization',
    },
  });
  const [pub, vendor] = perLevel as [LevelEdge, LevelEdge];
  return {
    edges,
    findings: [finding('public-access', '*', pub), finding('external-access', VENDOR, vendor)],
    stats: {
      resources: 4,
      analysedResources: 2,
      evaluateCalls: 0,
      edges: edges.length,
      publicEdges: 1,
      externalEdges: 2,
    },
  };
}

/** One level reached through an identity policy, unconditionally, with the given reasons. */
export function identityLevel(level: LevelAccess['level'], action: string, reasons: string[]): LevelAccess {
  return {
    level,
    actions: [action],
    via: 'identity-policy',
    public: false,
    conditional: false,
    conditions: [],
    evidence: [],
    reasons,
  };
}
