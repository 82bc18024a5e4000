/**
 * The demo organization with its people and a few resources written by hand,
 * loaded as one snapshot through the real loader: Resource nodes, the
 * accounts that CONTAIN them, the roles they RUN_AS, CAN_ACCESS edges from
 * principals, and the public-access / external-access findings about them,
 * in the graph shape docs/graph-model.md gives for resources. It stands in for
 * the resource analysis in tests of the read side (queries, CLI, API, page).
 *
 * What the resources show:
 * - the prod secret `prod/payments-db` (sensitive) is readable by
 *   `data/analytics-reader`, which shared-services principals reach by
 *   assuming it (and people through the roles they sign in as);
 * - the sandbox bucket `demo-public-site` is readable by anyone (public-access);
 * - the sandbox bucket `demo-blocked-site` has a public policy that Block
 *   Public Access cuts: no edge;
 * - the prod key is shared with the vendor account 999988887777 (external-access);
 * - the dev bucket `demo-dev-artifacts` is writable by `ops/lambda-admin-ops`,
 *   which developers reach by escalation;
 * - the dev function `orders-handler` runs as `app/lambda-basic-exec`.
 */
import type { Driver } from 'neo4j-driver';
import { DEMO_PATHS } from '../../cli/main.ts';
import { findingId } from '../../engine/findings/finding.ts';
import { snapshotReferenceDate } from '../../engine/reference-date.ts';
import { loadSnapshot, type ExtraNodeSet, type ExtraRelSet } from '../../ingest/load/loader.ts';
import { readSnapshot } from '../../ingest/read/index.ts';
import { deriveForLoad } from '../../ingest/transform/derived.ts';
import { toGraphRows, type Props } from '../../ingest/transform/graph-rows.ts';
import { canAccessKey } from '../../ingest/transform/resource-access-rows.ts';
import type { LevelProps } from '../../ingest/transform/level-props.ts';
import { combineLevels } from './can-access-reference.ts';
import { ACCESS_LEVELS } from '../../engine/resources/types.ts';

export const SECRET = 'arn:aws:secretsmanager:eu-west-1:444444444444:secret:prod/payments-db-AbCdEf';
export const PUBLIC_BUCKET = 'arn:aws:s3:::demo-public-site';
export const BLOCKED_BUCKET = 'arn:aws:s3:::demo-blocked-site';
export const KEY = 'arn:aws:kms:eu-west-1:444444444444:key/1111aaaa-2222-bbbb-3333-cccc4444dddd';
export const DEV_BUCKET = 'arn:aws:s3:::demo-dev-artifacts';
export const FUNCTION = 'arn:aws:lambda:eu-west-1:666666666666:function:orders-handler';
export const QUEUE = 'arn:aws:sqs:eu-west-1:555555555555:orders-events';

export const ANALYTICS_READER = 'arn:aws:iam::444444444444:role/data/analytics-reader';
export const ETL_EXPORTER = 'arn:aws:iam::333333333333:role/data/etl-exporter';
export const LAMBDA_ADMIN_OPS = 'arn:aws:iam::666666666666:role/ops/lambda-admin-ops';
export const LAMBDA_BASIC = 'arn:aws:iam::666666666666:role/app/lambda-basic-exec';
export const VENDOR_ACCOUNT = '999988887777';

const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement });

interface ResourceSpec {
  arn: string;
  type: string;
  accountId: string;
  region?: string;
  name: string;
  policy?: string;
  settings?: Record<string, unknown>;
  tags?: Record<string, string>;
  sensitive?: boolean;
}

const RESOURCES: ResourceSpec[] = [
  {
    arn: SECRET,
    type: 'secretsmanager-secret',
    accountId: '444444444444',
    region: 'eu-west-1',
    name: 'prod/payments-db-AbCdEf',
    sensitive: true,
    tags: { team: 'payments', 'iamatlas:sensitive': 'true' },
    policy: doc(
      {
        Sid: 'DenyOutsideTls',
        Effect: 'Deny',
        Principal: '*',
        Action: 'secretsmanager:*',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'AnalyticsRead',
        Effect: 'Allow',
        Principal: { AWS: ANALYTICS_READER },
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
      },
    ),
  },
  {
    arn: PUBLIC_BUCKET,
    type: 's3-bucket',
    accountId: '777777777777',
    name: 'demo-public-site',
    tags: { team: 'web' },
    settings: { publicAccessBlock: { BlockPublicPolicy: false, RestrictPublicBuckets: false } },
    policy: doc({
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: `${PUBLIC_BUCKET}/*`,
    }),
  },
  {
    arn: BLOCKED_BUCKET,
    type: 's3-bucket',
    accountId: '777777777777',
    name: 'demo-blocked-site',
    settings: { publicAccessBlock: { BlockPublicPolicy: true, RestrictPublicBuckets: true } },
    policy: doc({
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: `${BLOCKED_BUCKET}/*`,
    }),
  },
  {
    arn: KEY,
    type: 'kms-key',
    accountId: '444444444444',
    region: 'eu-west-1',
    name: '1111aaaa-2222-bbbb-3333-cccc4444dddd',
    settings: { keyManager: 'CUSTOMER' },
    policy: doc(
      {
        Sid: 'EnableIamPolicies',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444444444444:root' },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'VendorDecrypt',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${VENDOR_ACCOUNT}:root` },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
      },
    ),
  },
  {
    arn: DEV_BUCKET,
    type: 's3-bucket',
    accountId: '666666666666',
    name: 'demo-dev-artifacts',
    settings: {},
  },
  {
    arn: FUNCTION,
    type: 'lambda-function',
    accountId: '666666666666',
    region: 'eu-west-1',
    name: 'orders-handler',
    settings: { roleArn: LAMBDA_BASIC },
  },
  {
    arn: QUEUE,
    type: 'sqs-queue',
    accountId: '555555555555',
    region: 'eu-west-1',
    name: 'orders-events',
    policy: doc({
      Sid: 'OrgSend',
      Effect: 'Allow',
      Principal: '*',
      Action: 'sqs:SendMessage',
      Resource: QUEUE,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a7l5k2m9qx' } },
    }),
  },
];

interface AccessSpec {
  from: string;
  fromKind: string;
  to: string;
  level: string;
  actions: string[];
  via: string;
  crossAccount?: boolean;
  crossOrganization?: boolean;
  public?: boolean;
  conditions?: { key: string; operator: string; values: string[]; statementIndex: number }[];
  statementIndex?: number;
  sid?: string;
  identityPolicy?: string;
}

const ACCESS: AccessSpec[] = [
  {
    from: ANALYTICS_READER,
    fromKind: 'Role',
    to: SECRET,
    level: 'read',
    actions: ['secretsmanager:GetSecretValue'],
    via: 'resource-policy',
    statementIndex: 1,
    sid: 'AnalyticsRead',
  },
  {
    from: '*',
    fromKind: 'Anyone',
    to: PUBLIC_BUCKET,
    level: 'read',
    actions: ['s3:GetObject'],
    via: 'resource-policy',
    crossAccount: true,
    crossOrganization: true,
    public: true,
    statementIndex: 0,
    sid: 'PublicRead',
  },
  {
    from: VENDOR_ACCOUNT,
    fromKind: 'Account',
    to: KEY,
    level: 'write',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    via: 'both',
    crossAccount: true,
    crossOrganization: true,
    conditions: [
      {
        key: 'kms:ViaService',
        operator: 'StringEquals',
        values: ['s3.eu-west-1.amazonaws.com'],
        statementIndex: 1,
      },
    ],
    statementIndex: 1,
    sid: 'VendorDecrypt',
  },
  {
    from: LAMBDA_ADMIN_OPS,
    fromKind: 'Role',
    to: DEV_BUCKET,
    level: 'write',
    actions: ['s3:PutObject', 's3:DeleteObject'],
    via: 'identity-policy',
    identityPolicy: 'arn:aws:iam::aws:policy/AdministratorAccess',
  },
  {
    from: LAMBDA_ADMIN_OPS,
    fromKind: 'Role',
    to: DEV_BUCKET,
    level: 'read',
    actions: ['s3:GetObject'],
    via: 'identity-policy',
    identityPolicy: 'arn:aws:iam::aws:policy/AdministratorAccess',
  },
  {
    from: '*',
    fromKind: 'Anyone',
    to: QUEUE,
    level: 'write',
    actions: ['sqs:SendMessage'],
    via: 'resource-policy',
    crossAccount: true,
    conditions: [
      { key: 'aws:PrincipalOrgID', operator: 'StringEquals', values: ['o-a7l5k2m9qx'], statementIndex: 0 },
    ],
    statementIndex: 0,
    sid: 'OrgSend',
  },
];

function accessProps(a: AccessSpec): Props {
  const resourceRef =
    a.statementIndex === undefined
      ? undefined
      : {
          policyId: a.to,
          policyKind: 'resource',
          statementIndex: a.statementIndex,
          effect: 'Allow',
          ...(a.sid ? { sid: a.sid } : {}),
        };
  const evidence = [
    ...(resourceRef ? [resourceRef] : []),
    ...(a.identityPolicy
      ? [{ policyId: a.identityPolicy, policyKind: 'identity', statementIndex: 0, effect: 'Allow' }]
      : []),
  ];
  const conditions = (a.conditions ?? []).map((c) => ({
    key: c.key,
    operator: c.operator,
    values: c.values,
    mustHold: true,
    source: { policyId: a.to, policyKind: 'resource', statementIndex: c.statementIndex, effect: 'Allow' },
  }));
  const props: Props = {
    fromKind: a.fromKind,
    level: a.level,
    actions: a.actions,
    via: a.via,
    crossAccount: a.crossAccount ?? false,
    crossOrganization: a.crossOrganization ?? false,
    public: a.public ?? false,
    conditional: conditions.length > 0,
    conditionKeys: [...new Set(conditions.map((c) => c.key))].sort(),
    conditions: JSON.stringify(conditions),
    evidence: JSON.stringify(evidence),
    orgPolicyIds: [],
    reasons: [],
  };
  if (a.statementIndex !== undefined) {
    props.resourcePolicyId = a.to;
    props.resourcePolicyStatementIndex = a.statementIndex;
  }
  if (a.sid) props.resourceSid = a.sid;
  return props;
}

/** One CAN_ACCESS row per (caller, resource), its levels combined as the ingest combines them. */
function accessRows(): { key: string; from: string; to: string; props: Props }[] {
  const byEdge = new Map<string, AccessSpec[]>();
  for (const a of ACCESS) {
    const k = canAccessKey(a);
    byEdge.set(k, [...(byEdge.get(k) ?? []), a]);
  }
  return [...byEdge].map(([key, specs]) => {
    const [first] = specs as [AccessSpec];
    const levels = ACCESS_LEVELS.flatMap((l) => specs.filter((x) => x.level === l));
    const perLevel = levels.map((x) => {
      const { fromKind: _k, crossAccount: _a, crossOrganization: _o, ...level } = accessProps(x);
      return level as LevelProps;
    });
    const common = {
      fromKind: first.fromKind,
      crossAccount: first.crossAccount ?? false,
      crossOrganization: first.crossOrganization ?? false,
    };
    return { key, from: first.from, to: first.to, props: combineLevels(common, perLevel) };
  });
}

interface FindingSpec {
  kind: 'public-access' | 'external-access';
  severity: string;
  access: AccessSpec;
  zoneOfTrust: 'account' | 'organization';
}

const FINDINGS: FindingSpec[] = [
  { kind: 'public-access', severity: 'high', access: ACCESS[1]!, zoneOfTrust: 'organization' },
  { kind: 'external-access', severity: 'high', access: ACCESS[2]!, zoneOfTrust: 'organization' },
];

function findingRow(f: FindingSpec): { key: string; props: Props } {
  const subjects = [f.access.to, f.access.from];
  const id = findingId(f.kind, subjects);
  const who = f.kind === 'public-access' ? 'anyone' : `account ${f.access.from}`;
  const props = accessProps(f.access);
  return {
    key: id,
    props: {
      id,
      kind: f.kind,
      severity: f.severity,
      title: `${f.access.to} can be reached by ${who} (${f.access.level})`,
      why: `Statement ${f.access.sid ?? f.access.statementIndex} of the resource policy allows ${f.access.actions.join(', ')} to ${who}, outside the zone of trust (${f.zoneOfTrust}).`,
      subjects,
      // The shape the resource analysis gives its findings (engine/resources/findings.ts).
      evidence: JSON.stringify({
        levels: [f.access.level],
        actions: { [f.access.level]: f.access.actions },
        zoneOfTrust: f.zoneOfTrust,
        perLevel: [
          {
            level: f.access.level,
            actions: f.access.actions,
            statement: JSON.parse(String(props.evidence))[0],
            conditions: JSON.parse(String(props.conditions)),
          },
        ],
      }),
    },
  };
}

/** The resource rows: nodes, CONTAINS, RUNS_AS, CAN_ACCESS, and the findings with ABOUT. */
export function resourceSets(): { nodes: ExtraNodeSet[]; rels: ExtraRelSet[] } {
  const publicTo = new Set(ACCESS.filter((a) => a.public).map((a) => a.to));
  const externalTo = new Set(ACCESS.filter((a) => a.crossOrganization).map((a) => a.to));
  const resources: ExtraNodeSet = {
    file: 'load/nodes',
    name: 'node-Resource',
    label: 'Resource',
    rows: RESOURCES.map((r) => {
      const props: Props = {
        arn: r.arn,
        type: r.type,
        accountId: r.accountId,
        name: r.name,
        settings: JSON.stringify(r.settings ?? {}),
        tags: JSON.stringify(r.tags ?? {}),
        sensitive: r.sensitive ?? false,
        sourceFile: `${r.accountId}.resources.json`,
        public: publicTo.has(r.arn),
        externalAccess: externalTo.has(r.arn),
      };
      if (r.region) props.region = r.region;
      if (r.policy) props.policy = r.policy;
      return { key: r.arn, props };
    }),
  };
  const findings = FINDINGS.map(findingRow);
  return {
    nodes: [resources, { file: 'load/derived', name: 'node-Finding', label: 'Finding', rows: findings }],
    rels: [
      {
        file: 'load/relationships',
        name: 'rel-CONTAINS',
        type: 'CONTAINS',
        rows: RESOURCES.map((r) => ({
          key: `CONTAINS|${r.accountId}|${r.arn}`,
          from: r.accountId,
          to: r.arn,
          props: {},
        })),
      },
      {
        file: 'load/relationships',
        name: 'rel-RUNS_AS',
        type: 'RUNS_AS',
        rows: RESOURCES.filter((r) => typeof r.settings?.roleArn === 'string').map((r) => ({
          key: `RUNS_AS|${r.arn}|${String(r.settings!.roleArn)}`,
          from: r.arn,
          to: String(r.settings!.roleArn),
          props: {},
        })),
      },
      {
        file: 'load/resources',
        name: 'rel-CAN_ACCESS',
        type: 'CAN_ACCESS',
        rows: accessRows(),
      },
      {
        file: 'load/derived',
        name: 'rel-ABOUT',
        type: 'ABOUT',
        rows: findings.flatMap((f) =>
          (f.props.subjects as string[]).map((s, i) => ({
            key: `ABOUT|${f.key}|${s}`,
            from: f.key,
            to: s,
            props: { primary: i === 0 },
          })),
        ),
      },
    ],
  };
}

/** Loads the demo organization, its people and the resources above (and no other) as one snapshot. */
export async function loadResourceSnapshot(driver: Driver, name: string): Promise<{ snapshotId: string }> {
  const read = await readSnapshot(DEMO_PATHS);
  // Only the resources written here: whatever resources the demo's files hold are left out.
  const model = { ...read.model, resources: [] };
  const derived = deriveForLoad(model);
  const rows = toGraphRows(model);
  const extra = resourceSets();
  const res = await loadSnapshot(driver, rows, {
    name,
    sources: [...new Set(read.model.sources.map((f) => f.path))],
    referenceDate: snapshotReferenceDate(read.model),
    extraNodes: [...derived.extraNodes, ...extra.nodes],
    extraRels: [...derived.extraRels, ...extra.rels],
    streamedRels: derived.streamedRels,
  });
  return { snapshotId: res.snapshotId };
}
