/**
 * Organizations, SSO Admin and Identity Store over JSON 1.1, the read calls
 * the collector makes, answered from the world with NextToken pages:
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_Operations.html,
 * https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_Operations.html,
 * https://docs.aws.amazon.com/singlesignon/latest/IdentityStoreAPIReference/API_Operations.html
 */
import { AwsError, epoch, page } from './wire.ts';
import type { FakeAccount, FakeWorld, Json } from './world.ts';

type Body = Record<string, unknown>;

export function listed<T>(key: string, items: T[], body: Body, defaultSize: number): Body {
  const size = typeof body['MaxResults'] === 'number' ? body['MaxResults'] : defaultSize;
  const p = page(items, body['NextToken'], size);
  return { [key]: p.items, ...(p.next === undefined ? {} : { NextToken: p.next }) };
}

const arnOfAccount = (world: FakeWorld, id: string) =>
  `arn:aws:organizations::${world.managementAccountId}:account/${world.organizationId}/${id}`;

export function organizationsAction(
  action: string,
  body: Body,
  world: FakeWorld,
  callerAccount: string,
  pageSize: number,
): Body {
  // DescribeOrganization answers any account of the organization; the rest only the management
  // account (or a delegated administrator): https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeOrganization.html
  const member = world.accounts.has(callerAccount);
  if (callerAccount !== world.managementAccountId && !(action === 'DescribeOrganization' && member))
    throw new AwsError('AccessDeniedException', 'You don’t have permissions to access this resource.');
  const parentId = String(body['ParentId'] ?? '');
  switch (action) {
    case 'DescribeOrganization':
      return {
        Organization: {
          Id: world.organizationId,
          Arn: `arn:aws:organizations::${world.managementAccountId}:organization/${world.organizationId}`,
          FeatureSet: 'ALL',
          MasterAccountId: world.managementAccountId,
          MasterAccountArn: arnOfAccount(world, world.managementAccountId),
        },
      };
    case 'ListRoots':
      return listed(
        'Roots',
        world.roots.map((r) => ({
          Id: r.id,
          Name: r.name,
          Arn: `arn:aws:organizations::root/${r.id}`,
          PolicyTypes: [],
        })),
        body,
        pageSize,
      );
    case 'ListOrganizationalUnitsForParent':
      return listed(
        'OrganizationalUnits',
        world.organizationalUnits
          .filter((o) => o.parentId === parentId)
          .map((o) => ({ Id: o.id, Name: o.name })),
        body,
        pageSize,
      );
    case 'ListAccountsForParent':
      return listed(
        'Accounts',
        [...world.accounts.values()]
          .filter((a) => a.parentId === parentId)
          .map((a) => ({
            Id: a.id,
            Arn: arnOfAccount(world, a.id),
            Name: a.name,
            Status: a.status,
            ...(a.email === undefined ? {} : { Email: a.email }),
            JoinedMethod: 'CREATED',
            JoinedTimestamp: epoch('2021-06-01T00:00:00Z'),
          })),
        body,
        pageSize,
      );
    case 'ListPolicies': {
      const filter = String((body as { Filter?: string }).Filter ?? '');
      return listed(
        'Policies',
        world.policies.filter((p) => p.type === filter).map(policySummary),
        body,
        pageSize,
      );
    }
    case 'DescribePolicy': {
      const p = world.policies.find((x) => x.id === body['PolicyId']);
      if (!p)
        throw new AwsError(
          'PolicyNotFoundException',
          `We can't find a policy with the PolicyId that you specified.`,
        );
      return {
        Policy: {
          PolicySummary: policySummary(p),
          Content: typeof p.document === 'string' ? p.document : JSON.stringify(p.document),
        },
      };
    }
    case 'ListTargetsForPolicy': {
      const p = world.policies.find((x) => x.id === body['PolicyId']);
      return listed(
        'Targets',
        (p?.targets ?? []).map((t) => ({
          TargetId: t,
          Type: t.startsWith('r-') ? 'ROOT' : t.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT',
        })),
        body,
        pageSize,
      );
    }
    default:
      throw new AwsError('UnknownOperationException', `Unknown operation ${action}`);
  }
}

function policySummary(p: FakeWorld['policies'][number]): Json {
  return {
    Id: p.id,
    Name: p.name,
    Type: p.type,
    AwsManaged: p.awsManaged === true,
    ...(p.description === undefined ? {} : { Description: p.description }),
  };
}

export function ssoAdminAction(action: string, body: Body, account: FakeAccount, pageSize: number): Body {
  const ic = account.identityCenter;
  if (action === 'ListInstances')
    return listed(
      'Instances',
      ic === undefined
        ? []
        : [{ ...ic.instance, OwnerAccountId: account.id, CreatedDate: epoch(ic.instance.CreatedDate) }],
      body,
      pageSize,
    );
  if (ic === undefined || body['InstanceArn'] !== ic.instance.InstanceArn)
    throw new AwsError('ResourceNotFoundException', 'Instance not found');
  const ps = ic.permissionSets.find((p) => p.PermissionSetArn === body['PermissionSetArn']);
  const needPs = () => {
    if (!ps) throw new AwsError('ResourceNotFoundException', 'Permission set not found');
    return ps;
  };
  switch (action) {
    case 'ListPermissionSets':
      return listed(
        'PermissionSets',
        ic.permissionSets.map((p) => p.PermissionSetArn),
        body,
        pageSize,
      );
    case 'DescribePermissionSet': {
      const p = needPs();
      return {
        PermissionSet: {
          Name: p.Name,
          PermissionSetArn: p.PermissionSetArn,
          SessionDuration: p.SessionDuration,
          CreatedDate: epoch(p.CreatedDate),
          ...(p.Description === undefined ? {} : { Description: p.Description }),
        },
      };
    }
    case 'GetInlinePolicyForPermissionSet':
      return { InlinePolicy: needPs().inlinePolicy };
    case 'ListManagedPoliciesInPermissionSet':
      return listed('AttachedManagedPolicies', needPs().managed, body, pageSize);
    case 'ListCustomerManagedPolicyReferencesInPermissionSet':
      return listed('CustomerManagedPolicyReferences', needPs().customerManaged, body, pageSize);
    case 'GetPermissionsBoundaryForPermissionSet': {
      const b = needPs().boundary;
      if (b === undefined)
        throw new AwsError('ResourceNotFoundException', 'The permissions boundary does not exist.');
      return { PermissionsBoundary: b };
    }
    case 'ListAccountsForProvisionedPermissionSet':
      return listed('AccountIds', Object.keys(needPs().assignments), body, pageSize);
    case 'ListAccountAssignments': {
      const p = needPs();
      const accountId = String(body['AccountId']);
      return listed(
        'AccountAssignments',
        (p.assignments[accountId] ?? []).map((a) => ({
          AccountId: accountId,
          PermissionSetArn: p.PermissionSetArn,
          ...a,
        })),
        body,
        pageSize,
      );
    }
    default:
      throw new AwsError('UnknownOperationException', `Unknown operation ${action}`);
  }
}

export function identityStoreAction(
  action: string,
  body: Body,
  account: FakeAccount,
  pageSize: number,
): Body {
  const ic = account.identityCenter;
  if (ic === undefined || body['IdentityStoreId'] !== ic.instance.IdentityStoreId)
    throw new AwsError('ResourceNotFoundException', 'Identity store not found');
  switch (action) {
    case 'ListUsers':
      return listed('Users', ic.users, body, pageSize);
    case 'ListGroups':
      return listed('Groups', ic.groups, body, pageSize);
    case 'ListGroupMemberships':
      return listed(
        'GroupMemberships',
        ic.memberships
          .filter((m) => m.GroupId === body['GroupId'])
          .map((m) => ({
            IdentityStoreId: ic.instance.IdentityStoreId,
            MembershipId: m.MembershipId,
            GroupId: m.GroupId,
            MemberId: { UserId: m.UserId },
          })),
        body,
        pageSize,
      );
    default:
      throw new AwsError('UnknownOperationException', `Unknown operation ${action}`);
  }
}
