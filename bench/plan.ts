/**
 * Terraform plans (`terraform show -json`, format 1.2) against a generated
 * organization (generate.ts): the changes plan-check's benchmark and its
 * incremental-equals-full test run. Each plan changes one account.
 */
import { generateAccount, planOrganization, type GenerateOptions } from './generate.ts';

type Json = Record<string, unknown>;

interface Attached {
  AttachedManagedPolicies?: { PolicyArn: string }[];
}
interface PolicyJson {
  Arn: string;
  PolicyName: string;
  Path: string;
  PolicyVersionList: { IsDefaultVersion: boolean; Document: unknown }[];
}
interface RoleJson {
  Arn: string;
  RoleName: string;
  Path: string;
  AssumeRolePolicyDocument: unknown;
}

function resourceChange(
  address: string,
  type: string,
  actions: string[],
  before: Json | null,
  after: Json | null,
): Json {
  const name = address.slice(address.lastIndexOf('.') + 1);
  return {
    address,
    mode: 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions, before, after, after_unknown: {} },
  };
}

function plan(accountId: string, changes: Json[]): Json {
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    resource_changes: changes,
    configuration: {
      provider_config: {
        aws: { name: 'aws', expressions: { allowed_account_ids: { constant_value: [accountId] } } },
      },
    },
  };
}

export interface GeneratedPlans {
  accountId: string;
  /** The account's most widely attached customer managed policy gains iam:PassRole on * and Lambda. */
  widePolicy: { plan: Json; policyArn: string; holders: number };
  /** A role whose trust lets in principals of the organization keeps only a service in its trust. */
  trustRemoved: { plan: Json; roleArn: string };
}

/** Plans for account `accountIndex` of the organization `opts` generates. */
export function generatedPlans(opts: GenerateOptions, accountIndex: number): GeneratedPlans {
  const org = planOrganization(opts);
  const account = org.accounts[accountIndex % org.accounts.length]!;
  const details = generateAccount(org, account);
  const roles = details.RoleDetailList as unknown as RoleJson[];
  const holders = new Map<string, number>();
  for (const p of [
    ...details.RoleDetailList,
    ...details.UserDetailList,
    ...details.GroupDetailList,
  ] as Attached[])
    for (const a of p.AttachedManagedPolicies ?? [])
      if (!a.PolicyArn.includes(':aws:policy/'))
        holders.set(a.PolicyArn, (holders.get(a.PolicyArn) ?? 0) + 1);
  const [policyArn, count] = [...holders].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  const policy = (details.Policies as unknown as PolicyJson[]).find((p) => p.Arn === policyArn);
  if (!policy || !policyArn) throw new Error(`account ${account.id} has no attached customer managed policy`);
  const version = policy.PolicyVersionList.find((v) => v.IsDefaultVersion) ?? policy.PolicyVersionList[0];
  const beforeDoc = JSON.stringify(version?.Document ?? { Version: '2012-10-17', Statement: [] });
  const widened = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      ...((version?.Document as { Statement?: unknown[] } | undefined)?.Statement ?? []),
      {
        Effect: 'Allow',
        Action: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
        Resource: '*',
      },
    ],
  });
  const policyValues = (doc: string): Json => ({
    arn: policyArn,
    name: policy.PolicyName,
    path: policy.Path,
    policy: doc,
  });
  const widePolicy = {
    policyArn,
    holders: count ?? 0,
    plan: plan(account.id, [
      resourceChange(
        'module.platform.aws_iam_policy.shared',
        'aws_iam_policy',
        ['update'],
        policyValues(beforeDoc),
        policyValues(widened),
      ),
    ]),
  };

  const trusting = roles.find((r) => {
    const text = JSON.stringify(r.AssumeRolePolicyDocument);
    return text.includes('"AWS"') && !r.Path.startsWith('/aws-service-role/');
  });
  if (!trusting) throw new Error(`account ${account.id} has no role trusting AWS principals`);
  const roleValues = (trust: unknown): Json => ({
    arn: trusting.Arn,
    name: trusting.RoleName,
    path: trusting.Path,
    assume_role_policy: JSON.stringify(trust),
    max_session_duration: 3600,
  });
  const trustRemoved = {
    roleArn: trusting.Arn,
    plan: plan(account.id, [
      resourceChange(
        'aws_iam_role.narrowed',
        'aws_iam_role',
        ['update'],
        roleValues(trusting.AssumeRolePolicyDocument),
        roleValues({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      ),
    ]),
  };
  return { accountId: account.id, widePolicy, trustRemoved };
}
