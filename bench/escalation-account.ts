/**
 * One AWS account shaped for escalation listings: U users and R roles, every
 * role trusting the account (so an identity policy decides who may assume it),
 * each principal allowed to assume a few named roles, some holding IAM
 * permissions that take over named users and roles (access keys, login
 * profiles, inline policies, trust policies, PassRole to a compute service),
 * and a few administrator roles. Sparse: each grant names a handful of targets,
 * never `*`. Seeded, so the same options give the same files.
 *
 * `node --import tsx bench/escalation-account.ts --users 250 --roles 250 --out DIR [--seed N]`
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from './generate.ts';

export interface EscalationAccountOptions {
  users: number;
  roles: number;
  seed?: number;
}

type Json = Record<string, unknown>;

const ACCOUNT = '210987654321';
const CREATED = '2024-01-02T03:04:05+00:00';
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const doc = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });
const userArn = (i: number) => `arn:aws:iam::${ACCOUNT}:user/user-${String(i).padStart(4, '0')}`;
const roleArn = (i: number) => `arn:aws:iam::${ACCOUNT}:role/role-${String(i).padStart(4, '0')}`;
const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(17, '0')}`;

/** Principals are in teams; most grants name targets in the principal's own team. */
const TEAMS = 10;
/** Administrator roles: the first three of team 0, trusted by Lambda only (reached by escalation, not by assuming). */
const isAdminRole = (i: number) => i % TEAMS === 0 && i < 3 * TEAMS;

/** The permissions one principal of `team` holds: assume a few roles, and sometimes an IAM grant on a few targets. */
function grants(r: () => number, opts: EscalationAccountOptions, team: number): Json[] {
  const pickOne = (count: number): number => {
    if (r() < 0.02 || count <= team) return Math.floor(r() * count);
    return team + TEAMS * Math.floor(r() * Math.ceil((count - team) / TEAMS));
  };
  const some = (n: number, arn: (i: number) => string, count: number, skip = (_: number) => false) =>
    [
      ...new Set(
        Array.from({ length: n }, () => pickOne(count))
          .filter((i) => i < count && !skip(i))
          .map(arn),
      ),
    ].sort();
  const assumable = some(1 + Math.floor(r() * 6), roleArn, opts.roles, isAdminRole);
  const out: Json[] = [{ Effect: 'Allow', Action: ['s3:GetObject', 'logs:PutLogEvents'], Resource: '*' }];
  if (assumable.length) out.push({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: assumable });
  const x = r();
  if (x < 0.1)
    out.push({
      Effect: 'Allow',
      Action: ['iam:CreateAccessKey', 'iam:CreateLoginProfile'],
      Resource: some(8, userArn, opts.users),
    });
  else if (x < 0.2)
    out.push({ Effect: 'Allow', Action: 'iam:PutRolePolicy', Resource: some(8, roleArn, opts.roles) });
  else if (x < 0.27)
    out.push({
      Effect: 'Allow',
      Action: 'iam:UpdateAssumeRolePolicy',
      Resource: some(8, roleArn, opts.roles),
    });
  else if (x < 0.32)
    out.push(
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: some(8, roleArn, opts.roles) },
      { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction'], Resource: '*' },
    );
  return out;
}

/** The account's authorization details (as `aws iam get-account-authorization-details` prints them). */
export function escalationAccount(opts: EscalationAccountOptions): Json {
  const r = mulberry32(opts.seed ?? 1);
  const users = Array.from({ length: opts.users }, (_, i) => ({
    Path: '/',
    UserName: `user-${String(i).padStart(4, '0')}`,
    UserId: id('AIDA', i),
    Arn: userArn(i),
    CreateDate: CREATED,
    UserPolicyList: [{ PolicyName: 'work', PolicyDocument: doc(...grants(r, opts, i % TEAMS)) }],
    GroupList: [],
    AttachedManagedPolicies: [],
    Tags: [],
  }));
  const roles = Array.from({ length: opts.roles }, (_, i) => {
    const admin = isAdminRole(i);
    const lambda = {
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    };
    const account = {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'sts:AssumeRole',
    };
    const trust = admin ? doc(lambda) : doc(account, lambda);
    return {
      Path: '/',
      RoleName: `role-${String(i).padStart(4, '0')}`,
      RoleId: id('AROA', i),
      Arn: roleArn(i),
      CreateDate: CREATED,
      AssumeRolePolicyDocument: trust,
      InstanceProfileList: [],
      RolePolicyList: admin
        ? []
        : [{ PolicyName: 'work', PolicyDocument: doc(...grants(r, opts, i % TEAMS)) }],
      AttachedManagedPolicies: admin ? [{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN_ARN }] : [],
      Tags: [],
      RoleLastUsed: {},
    };
  });
  const policies = [
    {
      PolicyName: 'AdministratorAccess',
      PolicyId: id('ANPA', 1),
      Arn: ADMIN_ARN,
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: Array.from({ length: opts.roles }, (_, i) => i).filter(isAdminRole).length,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: '2015-02-06T18:39:46+00:00',
      UpdateDate: '2015-02-06T18:39:46+00:00',
      PolicyVersionList: [
        {
          Document: doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
          VersionId: 'v1',
          IsDefaultVersion: true,
          CreateDate: '2015-02-06T18:39:46+00:00',
        },
      ],
    },
  ];
  return {
    UserDetailList: users,
    GroupDetailList: [],
    RoleDetailList: roles,
    Policies: policies,
    IsTruncated: false,
  };
}

/** Writes the account's file into `dir`. */
export async function writeEscalationAccount(dir: string, opts: EscalationAccountOptions): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${ACCOUNT}.json`);
  await writeFile(file, JSON.stringify(escalationAccount(opts), null, 1) + '\n');
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = arg('out');
  const users = Number(arg('users') ?? 250);
  const roles = Number(arg('roles') ?? 250);
  if (!out || !Number.isInteger(users) || !Number.isInteger(roles) || users < 1 || roles < 1) {
    console.error(
      'usage: node --import tsx bench/escalation-account.ts --out DIR [--users N] [--roles N] [--seed N]',
    );
    process.exit(2);
  }
  const file = await writeEscalationAccount(out, { users, roles, seed: Number(arg('seed') ?? 1) });
  console.log(`${users} users, ${roles} roles -> ${file}`);
}
