/**
 * People in the graph: Identity Center's people, groups and permission sets
 * with their memberships and assignments, and the sign-in status of IAM users
 * from the credential report. Pure: the model in, rows out (through the
 * callbacks of toGraphRows).
 */
import type { CredentialReportEntry } from '../../engine/credential-report.ts';
import type { IdentityCenterInstance } from '../../engine/identity-center/types.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import type { PropValue } from './graph-rows.ts';

type AddNode = (
  label: 'Person' | 'PeopleGroup' | 'PermissionSet',
  key: string,
  p: Record<string, PropValue | undefined>,
) => void;
type AddRel = (
  type: 'MEMBER_OF' | 'ASSIGNED',
  from: string,
  to: string,
  p?: Record<string, PropValue | undefined>,
  id?: string,
) => void;

export const personKey = (storeId: string, userId: string): string => `person/${storeId}/${userId}`;
export const peopleGroupKey = (storeId: string, groupId: string): string =>
  `people-group/${storeId}/${groupId}`;

const json = (v: unknown): string => JSON.stringify(v);

export function identityCenterRows(
  instances: readonly IdentityCenterInstance[],
  addNode: AddNode,
  addRel: AddRel,
): void {
  for (const ic of instances) {
    const store = ic.identityStoreId;
    for (const p of ic.people)
      addNode('Person', personKey(store, p.id), {
        id: p.id,
        identityStoreId: store,
        instanceArn: ic.instanceArn,
        name: p.userName ?? p.displayName ?? p.id,
        userName: p.userName,
        displayName: p.displayName,
        emails: p.emails,
        externalIds: p.externalIds.length ? json(p.externalIds) : undefined,
        status: p.status ?? 'ENABLED',
      });
    for (const g of ic.groups) {
      const key = peopleGroupKey(store, g.id);
      addNode('PeopleGroup', key, {
        id: g.id,
        identityStoreId: store,
        instanceArn: ic.instanceArn,
        name: g.displayName ?? g.id,
        description: g.description,
        memberCount: g.memberIds.length,
      });
      for (const m of g.memberIds) addRel('MEMBER_OF', personKey(store, m), key);
    }
    for (const ps of ic.permissionSets)
      addNode('PermissionSet', ps.arn, {
        arn: ps.arn,
        name: ps.name,
        instanceArn: ic.instanceArn,
        description: ps.description,
        sessionDuration: ps.sessionDuration,
        relayState: ps.relayState,
        inlinePolicy: ps.inlinePolicy ? json(ps.inlinePolicy) : undefined,
        awsManagedPolicyArns: ps.awsManagedPolicyArns,
        customerManagedPolicies: ps.customerManagedPolicies.map((r) => `${r.path}${r.name}`),
        permissionsBoundary: ps.permissionsBoundary ? json(ps.permissionsBoundary) : undefined,
        provisionedAccountIds: ps.provisionedAccountIds,
      });
    for (const a of ic.assignments) {
      const from =
        a.principalType === 'USER' ? personKey(store, a.principalId) : peopleGroupKey(store, a.principalId);
      addRel(
        'ASSIGNED',
        from,
        a.permissionSetArn,
        { accountId: a.accountId, principalType: a.principalType },
        a.accountId,
      );
    }
  }
}

/** Sign-in status of each IAM user (and root user) in a credential report, by ARN, as node properties. */
export function signInProps(model: SnapshotModel): Map<string, Record<string, PropValue | undefined>> {
  const out = new Map<string, Record<string, PropValue | undefined>>();
  for (const report of model.credentialReports ?? [])
    for (const e of report.entries) out.set(e.arn, entryProps(e, report.generatedTime));
  return out;
}

function entryProps(
  e: CredentialReportEntry,
  generatedTime: string | undefined,
): Record<string, PropValue | undefined> {
  const active = e.accessKeys.filter((k) => k.active);
  return {
    credentialReportTime: generatedTime,
    passwordEnabled: e.passwordEnabled === 'not_supported' ? undefined : e.passwordEnabled,
    passwordLastUsed: e.passwordLastUsed,
    passwordLastChanged: e.passwordLastChanged,
    mfaActive: e.mfaActive,
    activeAccessKeys: active.length,
    accessKeysLastUsed: active.map((k) => k.lastUsedDate),
    accessKeys: json(e.accessKeys),
  };
}
