/**
 * What "administrator" means here: a handful of representative sensitive
 * actions, each on a concrete resource of the principal's own account, must
 * all be allowed by the evaluator (identity policies, boundary, SCPs, denies).
 * Conditions that stay unresolved (a region SCP, MFA) are kept with the verdict.
 */
export interface AdminProbe {
  action: string;
  /** `{account}` is replaced by the principal's account id. */
  resource: string;
}

/** IAM writes first: they are the most selective, so non-admins fail on the first probe. */
export const ADMIN_PROBES: readonly AdminProbe[] = [
  { action: 'iam:AttachRolePolicy', resource: 'arn:aws:iam::{account}:role/atlas-admin-probe' },
  { action: 'iam:PutUserPolicy', resource: 'arn:aws:iam::{account}:user/atlas-admin-probe' },
  { action: 'iam:CreateUser', resource: 'arn:aws:iam::{account}:user/atlas-admin-probe' },
  { action: 'iam:CreatePolicyVersion', resource: 'arn:aws:iam::{account}:policy/atlas-admin-probe' },
  { action: 'iam:UpdateAssumeRolePolicy', resource: 'arn:aws:iam::{account}:role/atlas-admin-probe' },
  { action: 'iam:PassRole', resource: 'arn:aws:iam::{account}:role/atlas-admin-probe' },
  { action: 'sts:AssumeRole', resource: 'arn:aws:iam::{account}:role/atlas-admin-probe' },
  { action: 'ec2:RunInstances', resource: 'arn:aws:ec2:us-east-1:{account}:instance/i-0a1b2c3d4e5f60718' },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::atlas-admin-probe/object' },
  { action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::atlas-admin-probe' },
  {
    action: 'lambda:CreateFunction',
    resource: 'arn:aws:lambda:us-east-1:{account}:function:atlas-admin-probe',
  },
  {
    action: 'kms:Decrypt',
    resource: 'arn:aws:kms:us-east-1:{account}:key/00000000-0000-0000-0000-000000000000',
  },
  {
    action: 'secretsmanager:GetSecretValue',
    resource: 'arn:aws:secretsmanager:us-east-1:{account}:secret:atlas-admin-probe-AbCdEf',
  },
];

export const probeResource = (probe: AdminProbe, account: string): string =>
  probe.resource.replaceAll('{account}', account);

/** The policy a principal would give itself (AdministratorAccess's statement). */
export const ALLOW_ALL_DOCUMENT = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'GrantedByEscalation', Effect: 'Allow', Action: '*', Resource: '*' }],
};
