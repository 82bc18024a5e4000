/**
 * Synthetic AWS organizations for benchmarks: the same files a real snapshot
 * folder holds (authorization details per account, organization.json, SAML
 * and OIDC provider lists), at any size, from a seed.
 *
 * Every account is generated from its own PRNG stream, and role names are a
 * pure function of (seed, account, index). That lets a trust policy in one
 * account name a role in another without generating it, and lets
 * writeOrganization produce one account at a time, so memory stays flat
 * whatever the number of roles.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resourcesFile } from './generate-resources.ts';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface GenerateOptions {
  roles: number;
  /** Default: max(3, ceil(roles / 500)). */
  accounts?: number;
  seed?: number;
  /** When set, authorization details are split into pages of at most this many roles, as `<id>.pageN.json`. */
  pageSize?: number;
  /** Resources per account, written as `<id>.resources.json` (bench/generate-resources.ts). Default 0: none. */
  resourcesPerAccount?: number;
}

type Json = Record<string, unknown>;

// ------------------------------------------------------------------ randomness

/** mulberry32: tiny, fast, good enough for test data, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stateless mix of a few integers, for choices that other accounts must be able to recompute. */
export function mix(...xs: number[]): number {
  let h = 0x811c9dc5;
  for (const x of xs) {
    h = Math.imul(h ^ (x >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

type Rng = () => number;
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const chance = (r: Rng, p: number) => r() < p;

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const MASK40 = (1n << 40n) - 1n;

/**
 * AWS unique ids: a 4-letter prefix and 17 base32 characters. The first 8
 * encode a 40-bit bijective scramble (odd multiplier) of a serial number, so
 * ids never collide; the other 9 are noise so that they look like AWS's.
 */
function uniqueId(prefix: string, serial: number, r: Rng): string {
  let v = (BigInt(serial) * 0x5deece66dn + 0xbn) & MASK40;
  let s = '';
  for (let i = 0; i < 8; i++) {
    s += B32[Number(v & 31n)];
    v >>= 5n;
  }
  for (let i = 0; i < 9; i++) s += B32[int(r, 32)];
  return prefix + s;
}

function hexString(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(r, 16)];
  return s;
}

function lowerAlnum(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += 'abcdefghijklmnopqrstuvwxyz0123456789'[int(r, 36)];
  return s;
}

// ------------------------------------------------------------------ dates

const EPOCH_START = Date.parse('2019-01-01T00:00:00Z');
const EPOCH_END = Date.parse('2025-06-01T00:00:00Z');

/** AWS CLI prints `2024-03-05T10:11:12+00:00`. */
function awsDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}
const dateBetween = (r: Rng, from: number, to: number) => awsDate(from + r() * (to - from));

// ------------------------------------------------------------------ plan

export interface AccountPlan {
  index: number;
  id: string;
  name: string;
  parentId: string;
  roles: number;
  users: number;
  groups: number;
  policies: number;
  hasGithubOidc: boolean;
}

export interface OrganizationPlan {
  seed: number;
  organizationId: string;
  rootId: string;
  ous: { id: string; name: string; parentId: string }[];
  accounts: AccountPlan[];
  pageSize?: number;
  resourcesPerAccount: number;
}

const ENV_NAMES = [
  'prod',
  'staging',
  'dev',
  'sandbox',
  'data',
  'shared',
  'edge',
  'ml',
  'payments',
  'identity',
];

export function planOrganization(opts: GenerateOptions): OrganizationPlan {
  if (!Number.isInteger(opts.roles) || opts.roles < 1)
    throw new Error(`roles must be a positive integer, got ${opts.roles}`);
  const seed = (opts.seed ?? 1) >>> 0;
  const accountCount = opts.accounts ?? Math.max(3, Math.ceil(opts.roles / 500));
  if (!Number.isInteger(accountCount) || accountCount < 1)
    throw new Error(`accounts must be a positive integer, got ${accountCount}`);
  if (accountCount > 9_000) throw new Error('at most 9000 accounts');
  // Unique-id serials leave 20 bits per entity kind and account.
  if (opts.roles / accountCount > 1_000_000) throw new Error('at most 1,000,000 roles per account');
  const r = mulberry32(mix(seed, 0x0a9));
  const rootSuffix = lowerAlnum(r, 4);
  const rootId = `r-${rootSuffix}`;
  const ou = (name: string, parentId: string) => ({
    id: `ou-${rootSuffix}-${lowerAlnum(r, 8)}`,
    name,
    parentId,
  });
  const security = ou('Security', rootId);
  const infra = ou('Infrastructure', rootId);
  const workloads = ou('Workloads', rootId);
  const prod = ou('Prod', workloads.id);
  const nonProd = ou('NonProd', workloads.id);
  const sandbox = ou('Sandbox', rootId);
  const ous = [security, infra, workloads, prod, nonProd, sandbox];
  const homes = [prod.id, nonProd.id, prod.id, nonProd.id, sandbox.id, infra.id];

  // Ids are spread over the 12-digit space but strictly increasing, hence unique.
  const stride = Math.floor(800_000_000_000 / accountCount);
  const base = 100_000_000_000 + (seed % 997);
  const accounts: AccountPlan[] = [];
  for (let i = 0; i < accountCount; i++) {
    const roles = Math.floor(opts.roles / accountCount) + (i < opts.roles % accountCount ? 1 : 0);
    const env = ENV_NAMES[i % ENV_NAMES.length]!;
    accounts.push({
      index: i,
      id: String(base + i * stride + (mix(seed, i) % Math.max(1, Math.min(stride, 1_000_000)))).padStart(
        12,
        '0',
      ),
      name: i === 0 ? 'management' : i === 1 ? 'security' : `${env}-${String(i).padStart(4, '0')}`,
      parentId: i === 0 ? rootId : i === 1 ? security.id : homes[i % homes.length]!,
      roles,
      users: Math.max(1, Math.round(roles / 4)),
      groups: Math.max(2, Math.round(roles / 40)),
      policies: Math.max(3, Math.round(roles / 40)),
      hasGithubOidc: i % 3 === 2 || accountCount < 3,
    });
  }
  return {
    seed,
    organizationId: `o-${lowerAlnum(r, 10)}`,
    rootId,
    ous,
    accounts,
    pageSize: opts.pageSize,
    resourcesPerAccount: opts.resourcesPerAccount ?? 0,
  };
}

// ------------------------------------------------------------------ role kinds

interface RoleKind {
  name: string;
  path: string;
  weight: number;
  needsOidc?: boolean;
}

const KINDS: readonly RoleKind[] = [
  { name: 'ec2', path: '/service/', weight: 12 },
  { name: 'lambda', path: '/service/', weight: 12 },
  { name: 'ecs-task', path: '/service/', weight: 10 },
  { name: 'app', path: '/app/', weight: 14 },
  { name: 'cross-account', path: '/cross-account/', weight: 12 },
  { name: 'delegated', path: '/delegated/', weight: 6 },
  { name: 'sso', path: '/aws-reserved/sso.amazonaws.com/', weight: 10 },
  { name: 'github-ci', path: '/ci/', weight: 5, needsOidc: true },
  { name: 'vendor', path: '/vendor/', weight: 3 },
  { name: 'break-glass', path: '/admin/', weight: 2 },
  { name: 'automation', path: '/automation/', weight: 12 },
  { name: 'linked', path: '/aws-service-role/', weight: 2 },
];
const TOTAL_WEIGHT = KINDS.reduce((s, k) => s + k.weight, 0);
const TOTAL_WEIGHT_NO_OIDC = KINDS.reduce((s, k) => s + (k.needsOidc ? 0 : k.weight), 0);

function roleKind(plan: OrganizationPlan, a: AccountPlan, i: number): RoleKind {
  const total = a.hasGithubOidc ? TOTAL_WEIGHT : TOTAL_WEIGHT_NO_OIDC;
  let x = mix(plan.seed, a.index, i, 0x701e) % total;
  for (const k of KINDS) {
    if (k.needsOidc && !a.hasGithubOidc) continue;
    if (x < k.weight) return k;
    x -= k.weight;
  }
  return KINDS[0]!;
}

const LINKED_SERVICES = ['support', 'trustedadvisor', 'elasticloadbalancing', 'autoscaling', 'rds', 'ecs'];

/** The path and name of role i of account a: recomputable from anywhere, without generating the account. */
export function roleRef(
  plan: OrganizationPlan,
  a: AccountPlan,
  i: number,
): { path: string; name: string; arn: string } {
  const k = roleKind(plan, a, i);
  const n = String(i).padStart(5, '0');
  let path = k.path;
  let name = `${k.name}-${n}`;
  if (k.name === 'sso')
    name = `AWSReservedSSO_PermissionSet${n}_${(mix(plan.seed, a.index, i, 5) >>> 0).toString(16).padStart(8, '0')}${(mix(plan.seed, i, 6) >>> 0).toString(16).padStart(8, '0')}`;
  if (k.name === 'linked') {
    const svc = LINKED_SERVICES[mix(plan.seed, a.index, i, 7) % LINKED_SERVICES.length]!;
    path = `/aws-service-role/${svc}.amazonaws.com/`;
    name = `AWSServiceRoleFor${svc[0]!.toUpperCase()}${svc.slice(1)}${n}`;
  }
  return { path, name, arn: `arn:aws:iam::${a.id}:role${path}${name}` };
}

export function userRef(a: AccountPlan, i: number): { path: string; name: string; arn: string } {
  const path = i % 5 === 4 ? '/service/' : '/people/';
  const name = `${path === '/service/' ? 'svc' : 'user'}-${String(i).padStart(5, '0')}`;
  return { path, name, arn: `arn:aws:iam::${a.id}:user${path}${name}` };
}

// ------------------------------------------------------------------ AWS-managed policies

const AWS_MANAGED: Record<string, { name: string; path: string; version: string; doc: Json }> = {
  'arn:aws:iam::aws:policy/AdministratorAccess': {
    name: 'AdministratorAccess',
    path: '/',
    version: 'v1',
    doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  },
  'arn:aws:iam::aws:policy/ReadOnlyAccess': {
    name: 'ReadOnlyAccess',
    path: '/',
    version: 'v121',
    doc: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'ec2:Describe*',
            'iam:Get*',
            'iam:List*',
            's3:Get*',
            's3:List*',
            'lambda:Get*',
            'lambda:List*',
            'logs:Get*',
            'cloudwatch:Get*',
          ],
          Resource: '*',
        },
      ],
    },
  },
  'arn:aws:iam::aws:policy/PowerUserAccess': {
    name: 'PowerUserAccess',
    path: '/',
    version: 'v5',
    doc: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles'],
          Resource: '*',
        },
      ],
    },
  },
  'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole': {
    name: 'AWSLambdaBasicExecutionRole',
    path: '/service-role/',
    version: 'v1',
    doc: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: '*',
        },
      ],
    },
  },
  'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy': {
    name: 'AmazonECSTaskExecutionRolePolicy',
    path: '/service-role/',
    version: 'v1',
    doc: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'ecr:GetAuthorizationToken',
            'ecr:BatchGetImage',
            'ecr:GetDownloadUrlForLayer',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
          ],
          Resource: '*',
        },
      ],
    },
  },
  'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore': {
    name: 'AmazonSSMManagedInstanceCore',
    path: '/',
    version: 'v3',
    doc: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ssm:UpdateInstanceInformation', 'ssm:ListAssociations', 'ssmmessages:*', 'ec2messages:*'],
          Resource: '*',
        },
      ],
    },
  },
  'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy': {
    name: 'AWSSupportServiceRolePolicy',
    path: '/aws-service-role/',
    version: 'v41',
    doc: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 'iam:ListRoles'], Resource: '*' }],
    },
  },
};
const A = {
  admin: 'arn:aws:iam::aws:policy/AdministratorAccess',
  readOnly: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  powerUser: 'arn:aws:iam::aws:policy/PowerUserAccess',
  lambdaBasic: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  ecsExec: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  ssm: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  slr: 'arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy',
} as const;

// ------------------------------------------------------------------ documents

const doc = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });
const SERVICES = [
  's3',
  'dynamodb',
  'sqs',
  'sns',
  'kms',
  'logs',
  'cloudwatch',
  'ec2',
  'lambda',
  'ecr',
  'secretsmanager',
  'ssm',
];
const VERBS = ['Get*', 'List*', 'Describe*', 'Put*', 'Create*', 'Delete*', 'Update*', '*'];

function randomPermissions(r: Rng, acct: string): Json {
  const statements: Json[] = [];
  const n = 1 + int(r, 3);
  for (let s = 0; s < n; s++) {
    const svc = pick(r, SERVICES);
    const actions = Array.from({ length: 1 + int(r, 4) }, () => `${svc}:${pick(r, VERBS)}`);
    const scoped = chance(r, 0.5);
    statements.push({
      Effect: 'Allow',
      Action: [...new Set(actions)],
      Resource: scoped ? `arn:aws:${svc}:eu-west-1:${acct}:*` : '*',
    });
  }
  if (chance(r, 0.08)) statements.push({ Effect: 'Deny', Action: 'iam:*', Resource: '*' });
  return doc(...statements);
}

// ------------------------------------------------------------------ one account

export interface AuthorizationDetails {
  UserDetailList: Json[];
  GroupDetailList: Json[];
  RoleDetailList: Json[];
  Policies: Json[];
}

/** Serial numbers for unique ids: account index in the high bits, entity kind, then the entity number (below 2^21). */
const serial = (a: AccountPlan, kind: number, i: number) => a.index * 2 ** 23 + kind * 2 ** 21 + i;

export function generateAccount(plan: OrganizationPlan, a: AccountPlan): AuthorizationDetails {
  const r = mulberry32(mix(plan.seed, a.index, 0xacc7));
  const accounts = plan.accounts;
  const otherAccount = () =>
    accounts.length > 1 ? accounts[(a.index + 1 + int(r, accounts.length - 1)) % accounts.length]! : a;
  const anyRoleIn = (b: AccountPlan) =>
    b.roles > 0 ? roleRef(plan, b, int(r, b.roles)).arn : `arn:aws:iam::${b.id}:root`;
  const attach = new Map<string, number>();
  const boundaries = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const managedRef = (arn: string) => {
    bump(attach, arn);
    const aws = AWS_MANAGED[arn];
    return { PolicyName: aws ? aws.name : arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn };
  };

  // Customer-managed policies shared by many principals.
  const customer = Array.from({ length: a.policies }, (_, i) => ({
    name: `${pick(r, ['team', 'workload', 'data', 'ops', 'ci'])}-policy-${String(i).padStart(4, '0')}`,
    i,
  }));
  const customerArn = (i: number) => `arn:aws:iam::${a.id}:policy/${customer[i]!.name}`;
  const boundaryArn = customerArn(0); // the first policy doubles as the account's developer boundary
  const someCustomer = () => customerArn(int(r, customer.length));

  // ---- groups
  const groups: Json[] = [];
  for (let g = 0; g < a.groups; g++) {
    const name = `group-${String(g).padStart(4, '0')}`;
    const arn = `arn:aws:iam::${a.id}:group/${name}`;
    const managed = [someCustomer()];
    if (chance(r, 0.3)) managed.push(pick(r, [A.readOnly, A.powerUser, A.readOnly]));
    groups.push({
      Path: '/',
      GroupName: name,
      GroupId: uniqueId('AGPA', serial(a, 0, g), r),
      Arn: arn,
      CreateDate: dateBetween(r, EPOCH_START, EPOCH_END),
      GroupPolicyList: chance(r, 0.3)
        ? [{ PolicyName: `${name}-inline`, PolicyDocument: randomPermissions(r, a.id) }]
        : [],
      AttachedManagedPolicies: [...new Set(managed)].map(managedRef),
    });
  }

  // ---- users
  const users: Json[] = [];
  for (let u = 0; u < a.users; u++) {
    const ref = userRef(a, u);
    const inline: Json[] = [];
    if (chance(r, 0.4)) {
      // Users reach roles in their own and other accounts: the start of most chains.
      const target = chance(r, 0.5) ? anyRoleIn(a) : anyRoleIn(otherAccount());
      inline.push({
        PolicyName: 'assume-work-role',
        PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: target }),
      });
    }
    if (chance(r, 0.2)) inline.push({ PolicyName: 'extra', PolicyDocument: randomPermissions(r, a.id) });
    const groupCount = Math.min(groups.length, int(r, 3));
    const groupList = [
      ...new Set(Array.from({ length: groupCount }, () => String(groups[int(r, groups.length)]!.GroupName))),
    ];
    const managed = chance(r, 0.15) ? [managedRef(someCustomer())] : [];
    const o: Json = {
      Path: ref.path,
      UserName: ref.name,
      UserId: uniqueId('AIDA', serial(a, 1, u), r),
      Arn: ref.arn,
      CreateDate: dateBetween(r, EPOCH_START, EPOCH_END),
      UserPolicyList: inline,
      GroupList: groupList,
      AttachedManagedPolicies: managed,
    };
    if (ref.path === '/people/' && chance(r, 0.25)) {
      bump(boundaries, boundaryArn);
      o.PermissionsBoundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundaryArn };
    }
    if (chance(r, 0.5))
      o.Tags = [{ Key: 'team', Value: pick(r, ['payments', 'orders', 'platform', 'data', 'security']) }];
    users.push(o);
  }

  // ---- roles
  const samlArn = `arn:aws:iam::${a.id}:saml-provider/${samlProviderName(plan, a)}`;
  const oidcArn = `arn:aws:iam::${a.id}:oidc-provider/token.actions.githubusercontent.com`;
  const roles: Json[] = [];
  for (let i = 0; i < a.roles; i++) {
    const k = roleKind(plan, a, i);
    const ref = roleRef(plan, a, i);
    const managed: string[] = [];
    const inline: Json[] = [];
    let trust: Json;
    let profile = false;
    const service = (svc: string, extra: Json = {}) =>
      doc({ Effect: 'Allow', Principal: { Service: svc }, Action: 'sts:AssumeRole', ...extra });
    const aws = (p: string | string[], extra: Json = {}) =>
      doc({ Effect: 'Allow', Principal: { AWS: p }, Action: 'sts:AssumeRole', ...extra });
    switch (k.name) {
      case 'ec2':
        trust = service('ec2.amazonaws.com');
        managed.push(A.ssm);
        profile = chance(r, 0.8);
        break;
      case 'lambda':
        trust = service('lambda.amazonaws.com');
        managed.push(A.lambdaBasic);
        break;
      case 'ecs-task':
        trust = service(
          'ecs-tasks.amazonaws.com',
          chance(r, 0.5) ? { Condition: { StringEquals: { 'aws:SourceAccount': a.id } } } : {},
        );
        if (chance(r, 0.5)) managed.push(A.ecsExec);
        break;
      case 'app':
        trust = aws(anyRoleIn(a));
        break;
      case 'cross-account':
        trust = aws(
          chance(r, 0.85)
            ? anyRoleIn(otherAccount())
            : [anyRoleIn(otherAccount()), anyRoleIn(otherAccount())],
        );
        break;
      case 'delegated':
        trust = aws(
          `arn:aws:iam::${chance(r, 0.5) ? a.id : otherAccount().id}:root`,
          chance(r, 0.3) ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {},
        );
        break;
      case 'sso':
        trust = doc({
          Effect: 'Allow',
          Principal: { Federated: samlArn },
          Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        });
        managed.push(pick(r, [A.admin, A.readOnly, A.powerUser, A.readOnly]));
        break;
      case 'github-ci': {
        const cond: Json = {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        };
        // A few leave out the subject: any repository on GitHub could use them.
        if (chance(r, 0.9))
          cond.StringLike = {
            'token.actions.githubusercontent.com:sub': `repo:example-org/repo-${int(r, 500)}:*`,
          };
        trust = doc({
          Effect: 'Allow',
          Principal: { Federated: oidcArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: cond,
        });
        inline.push({
          PolicyName: 'deploy',
          PolicyDocument: doc({
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Resource: 'arn:aws:iam::*:role/cross-account/*',
          }),
        });
        break;
      }
      case 'vendor': {
        const ext = String(900_000_000_000 + (mix(plan.seed, a.index, i, 9) % 99_999_999_999)).padStart(
          12,
          '0',
        );
        trust = aws(
          `arn:aws:iam::${ext}:root`,
          chance(r, 0.7)
            ? { Condition: { StringEquals: { 'sts:ExternalId': `ext-${hexString(r, 16)}` } } }
            : {},
        );
        managed.push(A.readOnly);
        break;
      }
      case 'break-glass': {
        const people = Array.from({ length: 1 + int(r, 2) }, () => userRef(a, int(r, a.users)).arn);
        trust = aws([...new Set(people)], { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
        managed.push(A.admin);
        break;
      }
      case 'automation':
        trust = aws(anyRoleIn(otherAccount()));
        inline.push({
          PolicyName: 'chain',
          PolicyDocument: doc({
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Resource: ['arn:aws:iam::*:role/app/*', 'arn:aws:iam::*:role/cross-account/*'],
          }),
        });
        if (chance(r, 0.1))
          inline.push({
            PolicyName: 'pass',
            PolicyDocument: doc({
              Effect: 'Allow',
              Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
              Resource: '*',
            }),
          });
        break;
      case 'linked':
      default:
        trust = service(`${ref.path.split('/')[2] ?? 'support.amazonaws.com'}`);
        managed.push(A.slr);
        break;
    }
    if (k.name !== 'linked' && k.name !== 'sso') {
      if (chance(r, 0.6)) managed.push(someCustomer());
      if (chance(r, 0.5)) inline.push({ PolicyName: 'runtime', PolicyDocument: randomPermissions(r, a.id) });
      if (chance(r, 0.04)) managed.push(A.admin);
    }
    const created = dateBetween(r, EPOCH_START, EPOCH_END);
    const base = {
      Path: ref.path,
      RoleName: ref.name,
      RoleId: uniqueId('AROA', serial(a, 2, i), r),
      Arn: ref.arn,
      CreateDate: created,
      AssumeRolePolicyDocument: trust,
    };
    const o: Json = {
      ...base,
      InstanceProfileList: profile
        ? [
            {
              Path: '/',
              InstanceProfileName: ref.name,
              InstanceProfileId: uniqueId('AIPA', serial(a, 3, i), r),
              Arn: `arn:aws:iam::${a.id}:instance-profile/${ref.name}`,
              CreateDate: created,
              Roles: [base],
            },
          ]
        : [],
      RolePolicyList: inline,
      AttachedManagedPolicies: [...new Set(managed)].map(managedRef),
    };
    if ((k.name === 'app' || k.name === 'automation') && chance(r, 0.15)) {
      bump(boundaries, boundaryArn);
      o.PermissionsBoundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundaryArn };
    }
    o.Tags = chance(r, 0.6)
      ? [{ Key: 'owner', Value: pick(r, ['platform', 'data', 'payments', 'security', 'orders']) }]
      : [];
    o.RoleLastUsed = chance(r, 0.8)
      ? {
          LastUsedDate: dateBetween(r, Date.parse('2025-01-01T00:00:00Z'), EPOCH_END),
          Region: pick(r, ['eu-west-1', 'us-east-1']),
        }
      : {};
    roles.push(o);
  }

  // ---- policies: customer-managed ones, then the AWS-managed ones this account attaches
  const policies: Json[] = [];
  for (const c of customer) {
    const arn = customerArn(c.i);
    const versions = 1 + int(r, 3);
    const created = dateBetween(r, EPOCH_START, EPOCH_END);
    const defaultVersion = `v${versions}`;
    const list: Json[] = [];
    for (let v = versions; v >= 1; v--)
      list.push({
        Document: randomPermissions(r, a.id),
        VersionId: `v${v}`,
        IsDefaultVersion: v === versions,
        CreateDate: created,
      });
    policies.push({
      PolicyName: c.name,
      PolicyId: uniqueId('ANPA', serial(a, 3, 1_000_000 + c.i), r),
      Arn: arn,
      Path: '/',
      DefaultVersionId: defaultVersion,
      AttachmentCount: attach.get(arn) ?? 0,
      PermissionsBoundaryUsageCount: boundaries.get(arn) ?? 0,
      IsAttachable: true,
      CreateDate: created,
      UpdateDate: created,
      PolicyVersionList: list,
    });
  }
  Object.entries(AWS_MANAGED).forEach(([arn, m], i) => {
    const n = attach.get(arn) ?? 0;
    if (!n) return;
    policies.push({
      PolicyName: m.name,
      // AWS-managed policies are global, so their ids must not depend on the account.
      PolicyId: uniqueId('ANPA', 2 ** 39 + i, mulberry32(i + 1)),
      Arn: arn,
      Path: m.path,
      DefaultVersionId: m.version,
      AttachmentCount: n,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: '2015-02-06T18:39:46+00:00',
      UpdateDate: '2024-06-12T09:00:00+00:00',
      PolicyVersionList: [
        {
          Document: m.doc,
          VersionId: m.version,
          IsDefaultVersion: true,
          CreateDate: '2024-06-12T09:00:00+00:00',
        },
      ],
    });
  });

  return { UserDetailList: users, GroupDetailList: groups, RoleDetailList: roles, Policies: policies };
}

function samlProviderName(plan: OrganizationPlan, a: AccountPlan): string {
  const h =
    mix(plan.seed, a.index, 0x5a31).toString(16).padStart(8, '0') +
    mix(a.index, plan.seed, 0x5a32).toString(16).padStart(8, '0');
  return `AWSSSO_${h}_DO_NOT_DELETE`;
}

// ------------------------------------------------------------------ files

export function organizationJson(plan: OrganizationPlan): Json {
  const targets = [plan.rootId, ...plan.ous.map((o) => o.id), ...plan.accounts.map((a) => a.id)];
  const workloads = plan.ous.find((o) => o.name === 'Workloads')!.id;
  return {
    organizationId: plan.organizationId,
    managementAccountId: plan.accounts[0]!.id,
    roots: [{ id: plan.rootId, name: 'Root' }],
    organizationalUnits: plan.ous,
    accounts: plan.accounts.map((a) => ({ id: a.id, name: a.name, parentId: a.parentId, status: 'ACTIVE' })),
    policies: [
      {
        id: 'p-FullAWSAccess',
        name: 'FullAWSAccess',
        type: 'SERVICE_CONTROL_POLICY',
        document: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
        targets,
      },
      {
        id: 'p-RCPFullAWSAccess',
        name: 'RCPFullAWSAccess',
        type: 'RESOURCE_CONTROL_POLICY',
        document: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
        }),
        targets,
      },
      {
        id: 'p-denyleave01',
        name: 'deny-leave-organization',
        type: 'SERVICE_CONTROL_POLICY',
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }],
        },
        targets: [plan.rootId],
      },
      {
        id: 'p-regionguard1',
        name: 'region-guard',
        type: 'SERVICE_CONTROL_POLICY',
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              NotAction: ['iam:*', 'sts:*', 'organizations:*', 'support:*', 'cloudfront:*', 'route53:*'],
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } },
            },
          ],
        },
        targets: [workloads],
      },
    ],
  };
}

function providerFiles(plan: OrganizationPlan, a: AccountPlan): [string, Json][] {
  return [
    [
      `${a.id}.saml-providers.json`,
      {
        SAMLProviderList: [
          {
            Arn: `arn:aws:iam::${a.id}:saml-provider/${samlProviderName(plan, a)}`,
            ValidUntil: '2121-09-14T08:01:56+00:00',
            CreateDate: '2021-09-14T08:01:56+00:00',
          },
        ],
      },
    ],
    [
      `${a.id}.oidc-providers.json`,
      {
        OpenIDConnectProviderList: a.hasGithubOidc
          ? [{ Arn: `arn:aws:iam::${a.id}:oidc-provider/token.actions.githubusercontent.com` }]
          : [],
      },
    ],
  ];
}

/** The authorization-details file(s) of one account, paged when the plan asks for it. */
function accountFiles(
  plan: OrganizationPlan,
  a: AccountPlan,
  details: AuthorizationDetails,
): [string, Json][] {
  const size = plan.pageSize;
  if (!size || details.RoleDetailList.length <= size)
    return [[`${a.id}.json`, { ...details, IsTruncated: false }]];
  const out: [string, Json][] = [];
  const pages = Math.ceil(details.RoleDetailList.length / size);
  for (let p = 0; p < pages; p++) {
    const last = p === pages - 1;
    const page: Json = {
      UserDetailList: p === 0 ? details.UserDetailList : [],
      GroupDetailList: p === 0 ? details.GroupDetailList : [],
      RoleDetailList: details.RoleDetailList.slice(p * size, (p + 1) * size),
      Policies: last ? details.Policies : [],
      IsTruncated: !last,
    };
    if (!last) page.Marker = `AQAAAAEAAAAB${a.id}${String(p + 1).padStart(4, '0')}`;
    out.push([`${a.id}.page${p + 1}.json`, page]);
  }
  return out;
}

/** Every file of the organization in memory: for tests and small organizations. */
export function generateOrganization(opts: GenerateOptions): Map<string, unknown> {
  const plan = planOrganization(opts);
  const files = new Map<string, unknown>();
  files.set('organization.json', organizationJson(plan));
  for (const a of plan.accounts) {
    for (const [name, content] of accountFiles(plan, a, generateAccount(plan, a))) files.set(name, content);
    for (const [name, content] of providerFiles(plan, a)) files.set(name, content);
    if (plan.resourcesPerAccount > 0) files.set(...resourcesFile(plan, a, plan.resourcesPerAccount));
  }
  return files;
}

export interface WriteSummary {
  dir: string;
  files: number;
  accounts: number;
  roles: number;
  users: number;
  bytes: number;
}

/** Writes the organization one account at a time, so only one account is ever in memory. */
export async function writeOrganization(dir: string, opts: GenerateOptions): Promise<WriteSummary> {
  const plan = planOrganization(opts);
  await mkdir(dir, { recursive: true });
  const summary: WriteSummary = {
    dir,
    files: 0,
    accounts: plan.accounts.length,
    roles: 0,
    users: 0,
    bytes: 0,
  };
  const put = async (name: string, content: unknown) => {
    const text = JSON.stringify(content, null, 1) + '\n';
    await writeFile(join(dir, name), text);
    summary.files++;
    summary.bytes += text.length;
  };
  await put('organization.json', organizationJson(plan));
  for (const a of plan.accounts) {
    const details = generateAccount(plan, a);
    summary.roles += details.RoleDetailList.length;
    summary.users += details.UserDetailList.length;
    for (const [name, content] of accountFiles(plan, a, details)) await put(name, content);
    for (const [name, content] of providerFiles(plan, a)) await put(name, content);
    if (plan.resourcesPerAccount > 0) await put(...resourcesFile(plan, a, plan.resourcesPerAccount));
  }
  return summary;
}

// `tsx bench/generate.ts --roles 100000 --out /tmp/org [--accounts N] [--seed S] [--page-size N] [--resources-per-account N]`
// (Run as a script of its own, not when bundled into another benchmark: bench/bundled.ts.)
if (
  process.argv[1] &&
  /[\\/]generate\.[cm]?[jt]s$/.test(process.argv[1]) &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  const out = arg('out');
  if (!out || num('roles') === undefined) {
    console.error(
      'usage: tsx bench/generate.ts --roles N --out DIR [--accounts N] [--seed N] [--page-size N] [--resources-per-account N]',
    );
    process.exit(2);
  }
  const t0 = performance.now();
  const s = await writeOrganization(out, {
    roles: num('roles')!,
    accounts: num('accounts'),
    seed: num('seed'),
    pageSize: num('page-size'),
    resourcesPerAccount: num('resources-per-account'),
  });
  console.log(
    `${s.roles} roles, ${s.users} users in ${s.accounts} accounts: ${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${s.dir}`,
  );
}
