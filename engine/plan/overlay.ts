/**
 * Applies a ChangeSet to a copy of a snapshot's model: removals first (deleted
 * objects, and the old state of updated relationships), then objects created
 * or updated, then the relationships between them. The input model is not
 * changed. Semantics follow the AWS provider's resource pages
 * (https://registry.terraform.io/providers/hashicorp/aws/latest/docs): a
 * role's `inline_policy`/`managed_policy_arns`, the `*_exclusive` resources,
 * `aws_iam_policy_attachment` and `aws_iam_group_membership` are exclusive;
 * the rest add to what exists.
 *
 * `touched` maps each key the change affects (principal, group and policy
 * ARNs, inline policy ids, holdings of a managed policy (`holdingKey`),
 * organization policy ids, provider ARNs) to the
 * addresses of the resources that affect it: the diff uses it to name the
 * resource behind each new edge or finding.
 */
import type {
  Group,
  IdentityProvider,
  InstanceProfile,
  ManagedPolicy,
  Role,
  SnapshotModel,
  User,
} from '../model.ts';
import { inlinePolicyId } from '../trust/context.ts';
import type { ChangeSet, IamObject, PlanChange, PrincipalRef } from './change.ts';

export interface Overlay {
  model: SnapshotModel;
  touched: Map<string, Set<string>>;
}

const RELATIONSHIP: ReadonlySet<IamObject['type']> = new Set([
  'inline-policy',
  'attachment',
  'user-groups',
  'group-members',
  'policy-holders',
  'inline-policies-exclusive',
  'attachments-exclusive',
  'org-policy-attachment',
]);

const EMPTY_DOC = { Version: '2012-10-17', Statement: [] };

/**
 * The key a change to who holds a managed policy is recorded under: the
 * holder (user, role or group ARN) with the policy ARN, so that attaching a
 * policy is named only for what rests on that policy held by that principal.
 */
export const holdingKey = (holderArn: string, policyArn: string): string => `${holderArn}|${policyArn}`;

export function applyChangeSet(base: SnapshotModel, cs: ChangeSet): Overlay {
  const model: SnapshotModel = structuredClone(base);
  const touched = new Map<string, Set<string>>();
  const account = cs.accountId;
  const touch = (key: string, address: string) => {
    const s = touched.get(key) ?? new Set<string>();
    s.add(address);
    touched.set(key, s);
  };

  const arnOf = (kind: PrincipalRef['kind'] | 'instance-profile', name: string, path = '/') =>
    `arn:aws:iam::${account}:${kind}${path}${name}`;
  const findRole = (name: string) => model.roles.find((r) => r.accountId === account && r.name === name);
  const findUser = (name: string) => model.users.find((u) => u.accountId === account && u.name === name);
  const findGroup = (name: string) => model.groups.find((g) => g.accountId === account && g.name === name);
  const find = (ref: PrincipalRef): Role | User | Group | undefined =>
    ref.kind === 'role' ? findRole(ref.name) : ref.kind === 'user' ? findUser(ref.name) : findGroup(ref.name);
  const keyOf = (ref: PrincipalRef) => find(ref)?.arn ?? arnOf(ref.kind, ref.name);

  const accountRecord = model.accounts.find((a) => a.id === account);
  if (!accountRecord) model.accounts.push({ id: account, hasIamData: true, inOrganization: false });
  else if (!accountRecord.hasIamData && cs.changes.some((c) => c.after && !RELATIONSHIP.has(c.after.type)))
    accountRecord.hasIamData = true;

  const detachEverywhere = (policyArn: string) => {
    for (const p of [...model.users, ...model.groups, ...model.roles])
      p.managedPolicyArns = p.managedPolicyArns.filter((a) => a !== policyArn);
  };

  const remove = (o: IamObject, address: string) => {
    switch (o.type) {
      case 'role': {
        const r = findRole(o.name);
        if (!r) return;
        touch(r.arn, address);
        model.roles = model.roles.filter((x) => x !== r);
        for (const ip of model.instanceProfiles) ip.roleArns = ip.roleArns.filter((a) => a !== r.arn);
        return;
      }
      case 'user': {
        const u = findUser(o.name);
        if (!u) return;
        touch(u.arn, address);
        model.users = model.users.filter((x) => x !== u);
        return;
      }
      case 'group': {
        const g = findGroup(o.name);
        if (!g) return;
        touch(g.arn, address);
        model.groups = model.groups.filter((x) => x !== g);
        for (const u of model.users) {
          if (u.accountId !== account || !u.groupNames.includes(o.name)) continue;
          u.groupNames = u.groupNames.filter((n) => n !== o.name);
          touch(u.arn, address);
        }
        return;
      }
      case 'policy':
        touch(o.arn, address);
        model.policies = model.policies.filter((p) => p.arn !== o.arn);
        detachEverywhere(o.arn);
        return;
      case 'inline-policy': {
        const p = find(o.owner);
        if (!p) return;
        touch(inlinePolicyId(p.arn, o.name), address);
        p.inlinePolicies = p.inlinePolicies.filter((ip) => ip.name !== o.name);
        return;
      }
      case 'attachment': {
        const p = find(o.owner);
        if (!p) return;
        touch(holdingKey(p.arn, o.policyArn), address);
        p.managedPolicyArns = p.managedPolicyArns.filter((a) => a !== o.policyArn);
        return;
      }
      case 'user-groups': {
        const u = findUser(o.user);
        if (!u) return;
        touch(u.arn, address);
        u.groupNames = u.groupNames.filter((g) => !o.groups.includes(g));
        return;
      }
      case 'group-members':
        for (const name of o.users) {
          const u = findUser(name);
          if (!u) continue;
          touch(u.arn, address);
          u.groupNames = u.groupNames.filter((g) => g !== o.group);
        }
        return;
      case 'policy-holders':
        for (const [kind, names] of [
          ['user', o.users],
          ['role', o.roles],
          ['group', o.groups],
        ] as const) {
          for (const name of names) {
            const p = find({ kind, name });
            if (!p) continue;
            touch(holdingKey(p.arn, o.policyArn), address);
            p.managedPolicyArns = p.managedPolicyArns.filter((a) => a !== o.policyArn);
          }
        }
        return;
      case 'inline-policies-exclusive':
      case 'attachments-exclusive':
        // Destroying an exclusive resource detaches nothing (provider documentation).
        return;
      case 'instance-profile': {
        const arn = arnOf('instance-profile', o.name, o.path);
        model.instanceProfiles = model.instanceProfiles.filter((ip) => ip.arn !== arn);
        for (const r of model.roles) r.instanceProfileArns = r.instanceProfileArns.filter((a) => a !== arn);
        return;
      }
      case 'oidc-provider':
      case 'saml-provider': {
        const arn = providerArn(o);
        touch(arn, address);
        model.identityProviders = model.identityProviders.filter((p) => p.arn !== arn);
        return;
      }
      case 'org-policy':
        if (!model.organization) return;
        touch(o.id, address);
        model.organization.policies = model.organization.policies.filter((p) => p.id !== o.id);
        return;
      case 'org-policy-attachment': {
        const p = model.organization?.policies.find((x) => x.id === o.policyId);
        if (!p) return;
        touch(o.policyId, address);
        p.targets = p.targets.filter((t) => t !== o.targetId);
        return;
      }
    }
  };

  const providerArn = (o: Extract<IamObject, { type: 'oidc-provider' | 'saml-provider' }>) =>
    o.type === 'oidc-provider'
      ? `arn:aws:iam::${account}:oidc-provider/${o.url.replace(/^https:\/\//, '')}`
      : `arn:aws:iam::${account}:saml-provider/${o.name}`;

  const upsert = (o: IamObject, address: string) => {
    switch (o.type) {
      case 'role': {
        let r = findRole(o.name);
        if (!r) {
          r = {
            arn: arnOf('role', o.name, o.path),
            name: o.name,
            roleId: `(created by ${address})`,
            path: o.path,
            accountId: account,
            trustPolicy: EMPTY_DOC,
            managedPolicyArns: [],
            inlinePolicies: [],
            tags: [],
            instanceProfileArns: [],
            serviceLinked: o.path.startsWith('/aws-service-role/'),
          };
          model.roles.push(r);
        }
        touch(r.arn, address);
        r.trustPolicy = o.trustPolicy;
        r.permissionsBoundaryArn = o.permissionsBoundaryArn;
        if (o.inlinePolicies) r.inlinePolicies = structuredClone(o.inlinePolicies);
        if (o.managedPolicyArns) r.managedPolicyArns = [...o.managedPolicyArns];
        return;
      }
      case 'user': {
        let u = findUser(o.name);
        if (!u) {
          u = {
            arn: arnOf('user', o.name, o.path),
            name: o.name,
            userId: `(created by ${address})`,
            path: o.path,
            accountId: account,
            groupNames: [],
            managedPolicyArns: [],
            inlinePolicies: [],
            tags: [],
          };
          model.users.push(u);
        }
        touch(u.arn, address);
        u.permissionsBoundaryArn = o.permissionsBoundaryArn;
        if (o.groups) u.groupNames = [...new Set([...u.groupNames, ...o.groups])];
        return;
      }
      case 'group': {
        let g = findGroup(o.name);
        if (!g) {
          g = {
            arn: arnOf('group', o.name, o.path),
            name: o.name,
            groupId: `(created by ${address})`,
            path: o.path,
            accountId: account,
            managedPolicyArns: [],
            inlinePolicies: [],
          };
          model.groups.push(g);
        }
        touch(g.arn, address);
        return;
      }
      case 'policy': {
        touch(o.arn, address);
        const existing = model.policies.find((p) => p.arn === o.arn);
        const version = { versionId: 'planned', isDefaultVersion: true, document: o.document };
        if (existing) {
          existing.versions = [...existing.versions.map((v) => ({ ...v, isDefaultVersion: false })), version];
          existing.defaultVersionId = 'planned';
          delete existing.documentSource;
          return;
        }
        const policy: ManagedPolicy = {
          arn: o.arn,
          name: o.name,
          path: o.path,
          accountId: account,
          awsManaged: false,
          defaultVersionId: 'planned',
          versions: [version],
        };
        model.policies.push(policy);
        return;
      }
      case 'instance-profile': {
        const arn = arnOf('instance-profile', o.name, o.path);
        const role = o.roleName === undefined ? undefined : findRole(o.roleName);
        const ip: InstanceProfile = {
          arn,
          name: o.name,
          instanceProfileId: `(created by ${address})`,
          path: o.path,
          accountId: account,
          roleArns: role ? [role.arn] : [],
        };
        model.instanceProfiles = [...model.instanceProfiles.filter((x) => x.arn !== arn), ip];
        if (role) {
          touch(role.arn, address);
          role.instanceProfileArns = [...new Set([...role.instanceProfileArns, arn])];
        }
        return;
      }
      case 'oidc-provider':
      case 'saml-provider': {
        const arn = providerArn(o);
        touch(arn, address);
        const provider: IdentityProvider = {
          arn,
          accountId: account,
          type: o.type === 'oidc-provider' ? 'OIDC' : 'SAML',
          name: o.type === 'oidc-provider' ? o.url.replace(/^https:\/\//, '') : o.name,
          tags: [],
          ...(o.type === 'oidc-provider' ? { clientIds: o.clientIds, thumbprints: o.thumbprints } : {}),
        };
        model.identityProviders = [...model.identityProviders.filter((p) => p.arn !== arn), provider];
        return;
      }
      case 'org-policy': {
        if (!model.organization) return;
        touch(o.id, address);
        const existing = model.organization.policies.find((p) => p.id === o.id);
        if (existing) {
          existing.document = o.document;
          existing.type = o.policyType;
        } else
          model.organization.policies.push({
            id: o.id,
            name: o.name,
            type: o.policyType,
            document: o.document,
            targets: [],
          });
        return;
      }
      default:
        return;
    }
  };

  const relate = (o: IamObject, address: string) => {
    switch (o.type) {
      case 'inline-policy': {
        const p = find(o.owner);
        touch(inlinePolicyId(keyOf(o.owner), o.name), address);
        if (!p) return;
        p.inlinePolicies = [
          ...p.inlinePolicies.filter((ip) => ip.name !== o.name),
          { name: o.name, document: o.document },
        ];
        return;
      }
      case 'attachment': {
        const p = find(o.owner);
        touch(holdingKey(keyOf(o.owner), o.policyArn), address);
        if (p && !p.managedPolicyArns.includes(o.policyArn)) p.managedPolicyArns.push(o.policyArn);
        return;
      }
      case 'user-groups': {
        const u = findUser(o.user);
        touch(u?.arn ?? arnOf('user', o.user), address);
        if (u) u.groupNames = [...new Set([...u.groupNames, ...o.groups])];
        return;
      }
      case 'group-members':
        for (const u of model.users) {
          if (u.accountId !== account) continue;
          const member = o.users.includes(u.name);
          if (member === u.groupNames.includes(o.group)) continue;
          touch(u.arn, address);
          u.groupNames = member ? [...u.groupNames, o.group] : u.groupNames.filter((g) => g !== o.group);
        }
        return;
      case 'policy-holders': {
        const holders = new Set([
          ...o.users.map((name) => keyOf({ kind: 'user', name })),
          ...o.roles.map((name) => keyOf({ kind: 'role', name })),
          ...o.groups.map((name) => keyOf({ kind: 'group', name })),
        ]);
        for (const p of [...model.users, ...model.groups, ...model.roles]) {
          const holds = p.managedPolicyArns.includes(o.policyArn);
          if (holds === holders.has(p.arn)) continue;
          touch(holdingKey(p.arn, o.policyArn), address);
          p.managedPolicyArns = holds
            ? p.managedPolicyArns.filter((a) => a !== o.policyArn)
            : [...p.managedPolicyArns, o.policyArn];
        }
        return;
      }
      case 'inline-policies-exclusive': {
        const p = find(o.owner);
        if (!p) return;
        for (const ip of p.inlinePolicies)
          if (!o.names.includes(ip.name)) touch(inlinePolicyId(p.arn, ip.name), address);
        p.inlinePolicies = p.inlinePolicies.filter((ip) => o.names.includes(ip.name));
        return;
      }
      case 'attachments-exclusive': {
        const p = find(o.owner);
        if (!p) return;
        for (const arn of p.managedPolicyArns)
          if (!o.policyArns.includes(arn)) touch(holdingKey(p.arn, arn), address);
        p.managedPolicyArns = p.managedPolicyArns.filter((a) => o.policyArns.includes(a));
        return;
      }
      case 'org-policy-attachment': {
        const p = model.organization?.policies.find((x) => x.id === o.policyId);
        touch(o.policyId, address);
        if (p && !p.targets.includes(o.targetId)) p.targets.push(o.targetId);
        return;
      }
      default:
        return;
    }
  };

  const isRelationship = (c: PlanChange) => RELATIONSHIP.has((c.after ?? c.before)?.type ?? 'role');
  for (const c of cs.changes) {
    if (c.action === 'delete' && c.before) remove(c.before, c.address);
    else if (c.action === 'update' && c.before && isRelationship(c)) remove(c.before, c.address);
  }
  for (const c of cs.changes)
    if (c.action !== 'delete' && c.after && !isRelationship(c)) upsert(c.after, c.address);
  for (const c of cs.changes)
    if (c.action !== 'delete' && c.after && isRelationship(c)) relate(c.after, c.address);
  return { model, touched };
}
