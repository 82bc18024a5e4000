/**
 * The account root user as a caller: full access in its own account without
 * any identity policy, limited by SCPs in member accounts and by nothing in
 * the management account; across accounts the other account's resource-based
 * policy must allow it; it can never assume a role.
 */
import {
  A,
  B,
  CITE,
  type Case,
  MGMT,
  ORG,
  allow,
  assume,
  bucketObj,
  deny,
  doc,
  fullAccessLevel,
  grant,
  idOnly,
  pol,
  req,
  roleRes,
  rootUser,
  runCases,
  scpLevel,
} from './helpers.ts';

const root = rootUser(A, { orgId: ORG });
const mgmtRoot = rootUser(MGMT, { orgId: ORG, inManagementAccount: true });
const ownObject = bucketObj('amzn-s3-demo-bucket', 'data.csv', { accountId: A });
const otherObject = bucketObj('amzn-s3-demo-bucket2', 'data.csv', { accountId: B });
const newRole = { arn: `arn:aws:iam::${A}:role/new`, accountId: A };
const denyIam = () => [fullAccessLevel(), scpLevel(allow('*'), deny('iam:*'))];

const cases: Case[] = [
  {
    name: 'Root user, own account, no identity policy at all: allowed',
    cite: CITE.rootUser,
    input: idOnly(req(root, 'iam:CreateRole', newRole)),
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Near miss: an SCP Deny still limits the root user of a member account',
    cite: CITE.scps,
    input: { ...idOnly(req(root, 'iam:CreateRole', newRole)), scps: denyIam() },
    expect: { decision: 'explicitDeny', evidence: [{ policyKind: 'scp' }] },
  },
  {
    name: 'Management account root user: SCPs do not apply, nothing restricts it',
    cite: CITE.scps,
    input: {
      ...idOnly(req(mgmtRoot, 'iam:CreateRole', { arn: `arn:aws:iam::${MGMT}:role/new`, accountId: MGMT })),
      scps: denyIam(),
    },
    expect: { decision: 'allowed', conditions: [] },
  },
  {
    name: 'Cross-account: the root user needs the other account to allow it in a resource-based policy',
    cite: CITE.crossAccount,
    input: idOnly(req(root, 's3:GetObject', otherObject)),
    expect: { decision: 'implicitDeny' },
  },
  {
    name: 'Near miss: cross-account with a bucket policy trusting the account: allowed',
    cite: CITE.crossAccount,
    input: {
      ...idOnly(req(root, 's3:GetObject', otherObject)),
      resourcePolicy: pol(
        doc(grant({ AWS: A }, 's3:GetObject', { Resource: 'arn:aws:s3:::amzn-s3-demo-bucket2/*' })),
        'arn:aws:s3:::amzn-s3-demo-bucket2#policy',
      ),
    },
    expect: { decision: 'allowed', evidence: [{ policyKind: 'resource' }] },
  },
  {
    name: 'Own account object: allowed without a resource-based policy',
    cite: CITE.rootUser,
    input: idOnly(req(root, 's3:GetObject', ownObject)),
    expect: { decision: 'allowed' },
  },
  {
    name: 'The root user cannot assume a role its own trust names exactly',
    cite: CITE.assumeRoleApi,
    input: assume(root, roleRes(A, 'admin'), [grant({ AWS: root.arn }, 'sts:AssumeRole')]),
    expect: { decision: ['implicitDeny', 'explicitDeny'] },
  },
];

runCases('the account root user as a caller', cases);
