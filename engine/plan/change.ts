/**
 * A proposed change to IAM, as the plan readers (ingest/read/plan/) produce it
 * from a Terraform plan or a CloudFormation template and as the overlay
 * (overlay.ts) applies it to a snapshot's model. Pure data, no I/O.
 *
 * Every change names the resource that makes it (a Terraform address such as
 * `module.ci.aws_iam_role.deploy`, or a CloudFormation logical id), so each
 * edge or finding the change creates can be traced back to it.
 */
import type { InlinePolicy, OrganizationPolicyType, PolicyDocumentJson } from '../model.ts';

export type PlanAction = 'create' | 'update' | 'delete';

/** A user, role or group by name, in the change set's account. */
export interface PrincipalRef {
  kind: 'user' | 'role' | 'group';
  name: string;
}

/**
 * The state of one IAM object that a resource manages. Lists that a resource
 * manages exclusively (a role's `inline_policy` blocks and `managed_policy_arns`,
 * the `*_exclusive` resources, `aws_iam_policy_attachment`, `aws_iam_group_membership`)
 * replace what the snapshot holds; the others add to it.
 */
export type IamObject =
  | {
      type: 'role';
      name: string;
      path: string;
      trustPolicy: PolicyDocumentJson;
      permissionsBoundaryArn?: string;
      /** Set when the resource manages the role's inline policies exclusively. */
      inlinePolicies?: InlinePolicy[];
      /** Set when the resource manages the role's attached policies exclusively. */
      managedPolicyArns?: string[];
    }
  | { type: 'user'; name: string; path: string; permissionsBoundaryArn?: string; groups?: string[] }
  | { type: 'group'; name: string; path: string }
  | { type: 'policy'; arn: string; name: string; path: string; document: PolicyDocumentJson }
  | { type: 'inline-policy'; owner: PrincipalRef; name: string; document: PolicyDocumentJson }
  | { type: 'attachment'; owner: PrincipalRef; policyArn: string }
  /** Adds the user to the groups (aws_iam_user_group_membership, AWS::IAM::UserToGroupAddition). */
  | { type: 'user-groups'; user: string; groups: string[] }
  /** The group's members are exactly these users (aws_iam_group_membership). */
  | { type: 'group-members'; group: string; users: string[] }
  /** The policy is attached to exactly these principals (aws_iam_policy_attachment). */
  | { type: 'policy-holders'; policyArn: string; users: string[]; roles: string[]; groups: string[] }
  /** The owner's inline policies are exactly these names (aws_iam_*_policies_exclusive). */
  | { type: 'inline-policies-exclusive'; owner: PrincipalRef; names: string[] }
  /** The owner's attached policies are exactly these ARNs (aws_iam_*_policy_attachments_exclusive). */
  | { type: 'attachments-exclusive'; owner: PrincipalRef; policyArns: string[] }
  | { type: 'instance-profile'; name: string; path: string; roleName?: string }
  | { type: 'oidc-provider'; url: string; clientIds: string[]; thumbprints: string[] }
  | { type: 'saml-provider'; name: string }
  | {
      type: 'org-policy';
      id: string;
      name: string;
      policyType: OrganizationPolicyType;
      document: PolicyDocumentJson;
    }
  | { type: 'org-policy-attachment'; policyId: string; targetId: string };

export interface PlanChange {
  /** Terraform address or CloudFormation logical id. */
  address: string;
  /** The resource type as written (`aws_iam_role`, `AWS::IAM::Role`). */
  resourceType: string;
  action: PlanAction;
  /** What the object was (update, delete), when the input says. */
  before?: IamObject;
  /** What the object will be (create, update). */
  after?: IamObject;
  /** 1-based line of the resource in the file, when the input shows it (CloudFormation templates). */
  line?: number;
}

/**
 * A value the plan cannot know before apply. The analysis puts `placeholder`
 * where the value goes: a string that is no ARN, action or name, so it matches
 * nothing (no statement it appears in grants anything it names, and no
 * reference to it finds an object).
 */
export interface UnknownValue {
  address: string;
  /** Attribute path, e.g. `policy` or `inline_policy[0].policy`. */
  attribute: string;
  placeholder: string;
}

export interface ChangeSet {
  /** The file read, as given. */
  file: string;
  format: 'terraform-plan' | 'cloudformation';
  /** The account the change applies to. */
  accountId: string;
  changes: PlanChange[];
  /**
   * The objects as they are before the change, when the input shows them
   * (Terraform: the `before` of unchanged, updated and deleted resources), as
   * creations: checked without a snapshot, they are the account's state.
   */
  existing: PlanChange[];
  unknowns: UnknownValue[];
  /** Resources read but not analysed (no IAM meaning, or a type the analysis does not model). */
  skipped: { address: string; resourceType: string; reason: string }[];
  /** Odd but valid input, each naming the resource. */
  warnings: string[];
}

/** The placeholder for an unknown value: never an ARN, action, principal or name the analysis matches. */
export function unknownPlaceholder(address: string, attribute: string): string {
  return `(known after apply: ${address}.${attribute})`;
}

export const isUnknownPlaceholder = (value: string): boolean => value.startsWith('(known after apply: ');

export function emptyChangeSet(file: string, format: ChangeSet['format'], accountId: string): ChangeSet {
  return { file, format, accountId, changes: [], existing: [], unknowns: [], skipped: [], warnings: [] };
}
