/**
 * Rebuilds the part of a snapshot's SnapshotModel that evaluating requests of
 * a few principals against a few roles needs, from the graph: the principals
 * with their policies, groups and boundaries, the target roles, every account
 * and the organization with its SCPs and RCPs.
 */
import type { Driver } from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import type {
  Account,
  Group,
  InlinePolicy,
  InstanceProfile,
  ManagedPolicy,
  Organization,
  PolicyDocumentJson,
  Role,
  SnapshotModel,
  Tag,
  User,
} from '../engine/model.ts';
import type { Resource } from '../engine/resources/model.ts';
import { driverOf, type Source } from './cache.ts';

const Q = 'queries/model-slice';

interface PolicyRow {
  key: string;
  arn?: string;
  name: string;
  kind: string;
  document: string | null;
}

type NodeProps = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const parseDoc = (s: string | null | undefined): PolicyDocumentJson =>
  s ? (JSON.parse(s) as PolicyDocumentJson) : { Version: '2012-10-17', Statement: [] };
const tags = (v: unknown): Tag[] =>
  typeof v === 'string'
    ? Object.entries(JSON.parse(v) as Record<string, string>).map(([key, value]) => ({ key, value }))
    : [];

function splitPolicies(
  keys: readonly string[],
  docs: Map<string, PolicyRow>,
  policies: Map<string, ManagedPolicy>,
) {
  const managedPolicyArns: string[] = [];
  const inlinePolicies: InlinePolicy[] = [];
  for (const key of keys) {
    const p = docs.get(key);
    if (!p) continue;
    if (p.kind === 'inline') {
      inlinePolicies.push({ name: p.name, document: parseDoc(p.document) });
      continue;
    }
    const arn = p.arn ?? p.key;
    managedPolicyArns.push(arn);
    if (!policies.has(arn) && p.document !== null) policies.set(arn, managedFromRow(p, arn));
  }
  return { managedPolicyArns, inlinePolicies };
}

function managedFromRow(p: PolicyRow, arn: string): ManagedPolicy {
  const awsManaged = p.kind === 'aws-managed';
  return {
    arn,
    name: p.name,
    path: '/',
    accountId: awsManaged ? 'aws' : (arn.split(':')[4] ?? ''),
    awsManaged,
    defaultVersionId: 'default',
    versions: [{ versionId: 'default', isDefaultVersion: true, document: parseDoc(p.document) }],
  };
}

/** Each policy once, however many principals hold it. */
async function policyDocs(
  driver: Driver,
  snapshotId: string,
  keys: Iterable<string>,
): Promise<Map<string, PolicyRow>> {
  const res = await driver.executeQuery(statement(Q, 'policies-by-key'), {
    snapshotId,
    keys: [...new Set(keys)],
  });
  const out = new Map<string, PolicyRow>();
  for (const r of res.records) {
    const p = r.get('policy') as PolicyRow;
    out.set(p.key, p);
  }
  return out;
}

export interface SliceOptions {
  /** Roles whose trust policies are read (default: every role of the slice); the others get an empty one. */
  trustOf?: readonly string[];
}

export async function loadModelSlice(
  source: Source,
  snapshotId: string,
  arns: string[],
  options: SliceOptions = {},
): Promise<SnapshotModel> {
  const driver = driverOf(source);
  const policies = new Map<string, ManagedPolicy>();
  const users: User[] = [];
  const roles: Role[] = [];

  const res = await driver.executeQuery(statement(Q, 'principals-by-arn'), {
    snapshotId,
    arns,
    allTrust: options.trustOf === undefined,
    trustOf: options.trustOf ?? [],
  });
  const groupsByArn = new Map<string, NodeProps>();
  for (const r of res.records)
    for (const g of r.get('groups') as NodeProps[]) groupsByArn.set(String(g.arn), g);
  const gres = groupsByArn.size
    ? await driver.executeQuery(statement(Q, 'group-policies'), { snapshotId, arns: [...groupsByArn.keys()] })
    : undefined;
  const groupPolicies = new Map(
    (gres?.records ?? []).map((r) => [String(r.get('group')), r.get('policies') as string[]]),
  );
  const docs = await policyDocs(driver, snapshotId, [
    ...res.records.flatMap((r) => [
      ...(r.get('policies') as string[]),
      ...[r.get('boundary') as string | null].filter((b): b is string => b !== null),
    ]),
    ...[...groupPolicies.values()].flat(),
  ]);

  for (const r of res.records) {
    const n = r.get('node') as NodeProps;
    const { managedPolicyArns, inlinePolicies } = splitPolicies(
      r.get('policies') as string[],
      docs,
      policies,
    );
    const groups = r.get('groups') as NodeProps[];
    const boundaryKey = r.get('boundary') as string | null;
    const boundary = boundaryKey === null ? undefined : docs.get(boundaryKey);
    if (boundary?.document)
      policies.set(boundary.arn ?? boundary.key, managedFromRow(boundary, boundary.arn ?? boundary.key));
    const base = {
      arn: String(n.arn),
      name: String(n.name),
      path: str(n.path) ?? '/',
      accountId: String(n.accountId),
      createDate: str(n.createDate),
      managedPolicyArns,
      inlinePolicies,
      permissionsBoundaryArn: str(n.permissionsBoundaryArn),
      tags: tags(n.tags),
    };
    if (r.get('label') === 'User') {
      users.push({ ...base, userId: String(n.userId), groupNames: groups.map((g) => String(g.name)) });
    } else {
      roles.push({
        ...base,
        roleId: String(n.roleId),
        description: str(n.description),
        maxSessionDuration: typeof n.maxSessionDuration === 'number' ? n.maxSessionDuration : undefined,
        trustPolicy: parseDoc(str(n.trustPolicy)),
        lastUsed: n.lastUsedDate
          ? { lastUsedDate: str(n.lastUsedDate), region: str(n.lastUsedRegion) }
          : undefined,
        instanceProfileArns: (r.get('instanceProfiles') as string[]) ?? [],
        serviceLinked: n.serviceLinked === true,
      });
    }
  }

  const groups: Group[] = [];
  for (const [arn, g] of groupsByArn) {
    const { managedPolicyArns, inlinePolicies } = splitPolicies(groupPolicies.get(arn) ?? [], docs, policies);
    groups.push({
      arn,
      name: str(g.name) ?? arn.slice(arn.lastIndexOf('/') + 1),
      groupId: str(g.groupId) ?? arn,
      path: str(g.path) ?? '/',
      accountId: arn.split(':')[4] ?? '',
      managedPolicyArns,
      inlinePolicies,
    });
  }

  const ares = await driver.executeQuery(statement(Q, 'accounts'), { snapshotId });
  const accounts: Account[] = ares.records
    .map((r) => r.get('account') as NodeProps)
    .filter((a) => a.external !== true)
    .map((a) => ({
      id: String(a.id),
      name: str(a.name),
      email: str(a.email),
      status: str(a.status),
      parentId: str(a.parentId),
      hasIamData: a.hasIamData === true,
      inOrganization: a.inOrganization === true,
    }));

  let organization: Organization | undefined;
  const ores = await driver.executeQuery(statement(Q, 'organization'), { snapshotId });
  const orow = ores.records[0];
  if (orow) {
    const o = orow.get('organization') as NodeProps;
    const units = orow.get('units') as NodeProps[];
    const opols = orow.get('policies') as NodeProps[];
    organization = {
      id: String(o.id),
      managementAccountId: String(o.managementAccountId),
      roots: units.filter((u) => u.isRoot === true).map((u) => ({ id: String(u.id), name: String(u.name) })),
      organizationalUnits: units
        .filter((u) => u.isRoot !== true)
        .map((u) => ({ id: String(u.id), name: String(u.name), parentId: String(u.parentId) })),
      policies: opols
        .filter((p) => p.kind === 'scp' || p.kind === 'rcp')
        .map((p) => ({
          id: String(p.id),
          name: String(p.name),
          type: p.kind === 'scp' ? ('SERVICE_CONTROL_POLICY' as const) : ('RESOURCE_CONTROL_POLICY' as const),
          awsManaged: p.awsManaged === true,
          document: parseDoc(str(p.document)),
          targets: (p.targets as string[]) ?? [],
        })),
    };
  }

  // Resources and instance profiles of the slice's accounts: the escalation analysis decides
  // existing-resource methods from them, as it did at ingest.
  const sliceAccounts = [...new Set([...users, ...roles].map((p) => p.accountId))];
  const [resources, instanceProfiles] = await Promise.all([
    resourcesOf(driver, snapshotId, sliceAccounts),
    instanceProfilesOf(driver, snapshotId, sliceAccounts),
  ]);
  const model: SnapshotModel = {
    accounts,
    organization,
    users,
    groups,
    roles,
    policies: [...policies.values()],
    instanceProfiles,
    identityProviders: [],
    sources: [],
  };
  if (resources.length > 0) model.resources = resources;
  return model;
}

const jsonOf = <T>(text: unknown, fallback: T): T => {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

async function resourcesOf(driver: Driver, snapshotId: string, accounts: string[]): Promise<Resource[]> {
  if (accounts.length === 0) return [];
  const res = await driver.executeQuery(statement(Q, 'resources-in-accounts'), { snapshotId, accounts });
  return res.records.map((rec) => {
    const r = rec.get('resource') as NodeProps;
    const out: Resource = {
      arn: String(r.arn),
      type: String(r.type) as Resource['type'],
      accountId: String(r.accountId),
      name: String(r.name),
      settings: jsonOf<Resource['settings']>(r.settings, {}),
      tags: Object.entries(jsonOf<Record<string, string>>(r.tags, {})).map(([key, value]) => ({
        key,
        value,
      })),
      sensitive: r.sensitive === true,
      source: { path: str(r.sourceFile) ?? '', jsonPath: str(r.sourceJsonPath) ?? '' },
    };
    if (str(r.region)) out.region = str(r.region);
    if (str(r.policy)) out.policy = parseDoc(str(r.policy));
    return out;
  });
}

async function instanceProfilesOf(
  driver: Driver,
  snapshotId: string,
  accounts: string[],
): Promise<InstanceProfile[]> {
  if (accounts.length === 0) return [];
  const res = await driver.executeQuery(statement(Q, 'instance-profiles-in-accounts'), {
    snapshotId,
    accounts,
  });
  return res.records.map((rec) => {
    const p = rec.get('profile') as NodeProps;
    const out: InstanceProfile = {
      arn: String(p.arn),
      name: String(p.name),
      instanceProfileId: str(p.instanceProfileId) ?? String(p.arn),
      path: str(p.path) ?? '/',
      accountId: String(p.accountId),
      roleArns: (rec.get('roles') as string[]) ?? [],
    };
    if (str(p.createDate)) out.createDate = str(p.createDate);
    return out;
  });
}

/** The snapshot's reference date as stored at load (undefined for snapshots loaded before it was kept). */
export async function snapshotReferenceDateOf(
  driver: Driver,
  snapshotId: string,
): Promise<string | undefined> {
  const res = await driver.executeQuery(statement(Q, 'snapshot-reference-date'), { snapshotId });
  const value: unknown = res.records[0]?.get('referenceDate');
  return typeof value === 'string' ? value : undefined;
}

/** Adds to `model` the managed policies keyed `keys` that the snapshot holds and the model lacks. */
export async function loadPolicies(
  source: Source,
  snapshotId: string,
  model: SnapshotModel,
  keys: readonly string[],
): Promise<void> {
  const known = new Set(model.policies.map((p) => p.arn));
  const docs = await policyDocs(
    driverOf(source),
    snapshotId,
    keys.filter((k) => !known.has(k)),
  );
  for (const p of docs.values()) {
    const arn = p.arn ?? p.key;
    if (!known.has(arn) && p.document !== null && p.kind !== 'inline')
      model.policies.push(managedFromRow(p, arn));
  }
}

/**
 * The whole model of a snapshot, rebuilt from the graph: every user and role
 * with their policies, groups and boundaries, every managed policy (attached
 * or not), the accounts and the organization, the resources and instance
 * profiles. The graph holds no identity providers or Identity Center data in
 * model form, so those are left empty (the roles Identity Center provisions
 * are roles of the graph, and are read as such).
 */
export async function loadSnapshotModel(source: Source, snapshotId: string): Promise<SnapshotModel> {
  const driver = driverOf(source);
  const arns = await driver.executeQuery(statement(Q, 'principal-arns'), { snapshotId });
  const model = await loadModelSlice(
    source,
    snapshotId,
    arns.records.map((r) => String(r.get('arn'))),
  );
  const keys = await driver.executeQuery(statement(Q, 'managed-policy-keys'), { snapshotId });
  await loadPolicies(
    source,
    snapshotId,
    model,
    keys.records.map((r) => String(r.get('key'))),
  );
  return model;
}
