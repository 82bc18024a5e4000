/**
 * What the analysis needs about one resource before pairing it with callers:
 * the policy documents callers are evaluated against (the resource policy,
 * with S3's public ACL grants appended), how the evaluator must read it, the
 * RCPs that cover it, and the service rules that cut cross-account access.
 */
import { parsePolicy, type ParsedPolicy } from '../evaluate/index.ts';
import type { PolicyDocumentJson } from '../model.ts';
import { tagMap, type AccountContext, type SnapshotContext } from '../trust/context.ts';
import type { PolicyInput, RequestResource } from '../types.ts';
import { isAnalysedType, type AnalysedType } from './actions.ts';
import type { Resource } from './model.ts';
import { publicStatements, statementList } from './public-policy.ts';
import { aclStatements, bpaSource, effectiveBlockPublicAccess } from './s3.ts';

/**
 * Services whose resources RCPs cover, from the RCP page's list of supported
 * services (S3, AWS STS, AWS KMS, Amazon SQS and Secrets Manager at launch):
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html#rcp-supported-services
 * https://docs.aws.amazon.com/controltower/latest/controlreference/rcp-controls.html
 */
const RCP_TYPES: ReadonlySet<AnalysedType> = new Set([
  's3-bucket',
  'kms-key',
  'sqs-queue',
  'secretsmanager-secret',
]);

export interface ResourcePlan {
  resource: Resource;
  type: AnalysedType;
  account: AccountContext;
  /** The request's resource; its ARN is replaced per action (S3 object actions). */
  target: RequestResource;
  /** The document callers are evaluated against; undefined when the resource has no policy and no ACL grant. */
  policy?: PolicyInput;
  parsed?: ParsedPolicy;
  /** S3 RestrictPublicBuckets on a public policy: callers from other accounts get the policy's Deny statements and the ACL grants only. */
  restricted?: PolicyInput;
  /** Statements at this index and beyond are ACL grants, not the resource policy. */
  policyStatements: number;
  /** Indexes of the public statements (S3's definition). */
  publicStatements: Set<number>;
  /** KMS key policies must allow the caller themselves: evaluated the way trust policies are. */
  policyKind: 'resource' | 'trust';
  rcps: PolicyInput[][];
  /** When set, nobody from another account can use the resource, for this reason. */
  noCrossAccount?: string;
  /** Sentences every edge of the resource carries (Block Public Access, ACLs, object ARNs). */
  notes: string[];
}

const CUT_BY_RESTRICT_PUBLIC_BUCKETS = {
  Sid: 'Cut by RestrictPublicBuckets',
  Effect: 'Allow',
  Principal: '*',
  NotAction: '*',
  Resource: '*',
};

const AWS_MANAGED_SECRET_KEY = /(^|:|\/)alias\/aws\/secretsmanager$/;

export function planResource(resource: Resource, ctx: SnapshotContext): ResourcePlan | undefined {
  if (!isAnalysedType(resource.type)) return undefined;
  const type = resource.type;
  const account = ctx.account(resource.accountId);
  const target: RequestResource = {
    arn: resource.arn,
    accountId: resource.accountId,
    tags: tagMap(resource.tags),
  };
  if (account.orgId) target.orgId = account.orgId;
  if (account.orgPaths) target.orgPaths = account.orgPaths;
  if (account.inManagementAccount) target.inManagementAccount = true;

  const notes: string[] = [];
  const own = statementList(resource.policy);
  const plan: ResourcePlan = {
    resource,
    type,
    account,
    target,
    policyStatements: own.length,
    publicStatements: publicStatements(resource.policy),
    policyKind: type === 'kms-key' ? 'trust' : 'resource',
    rcps: RCP_TYPES.has(type) ? account.rcps : [],
    notes,
  };

  let acl: Record<string, unknown>[] = [];
  if (type === 's3-bucket') {
    const acls = aclStatements(resource);
    acl = acls.statements;
    if (acls.ignored) notes.push(acls.ignored);
    const bpa = effectiveBlockPublicAccess(resource);
    if (bpa.RestrictPublicBuckets && plan.publicStatements.size > 0) {
      notes.push(
        `Block Public Access RestrictPublicBuckets (${bpaSource(resource, 'RestrictPublicBuckets')}) applies because the bucket policy is public: only AWS services and principals of account ${resource.accountId} get in through it.`,
      );
      // Deny statements kept at their positions so statement indexes still point into the bucket policy;
      // every Allow becomes a statement that applies to no action.
      const kept = own.map((s) =>
        (s as Record<string, unknown> | null)?.Effect === 'Deny' ? s : CUT_BY_RESTRICT_PUBLIC_BUCKETS,
      );
      plan.restricted = {
        id: resource.arn,
        document: { Version: '2012-10-17', ...resource.policy, Statement: [...kept, ...acl] },
      };
    }
  }
  if (type === 'kms-key' && resource.settings.keyManager === 'AWS') {
    plan.noCrossAccount =
      'An AWS managed key: its key policy cannot be changed and allows only its own account (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key).';
    // RCPs do not apply to AWS managed keys (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html).
    plan.rcps = [];
  }
  if (type === 'secretsmanager-secret') {
    const key = resource.settings.kmsKeyId;
    if (key === undefined || AWS_MANAGED_SECRET_KEY.test(key)) {
      plan.noCrossAccount =
        'The secret is encrypted with the AWS managed key aws/secretsmanager, which other accounts cannot use (https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples_cross.html).';
    }
  }
  if (resource.policy || acl.length > 0) {
    const document: PolicyDocumentJson =
      acl.length === 0
        ? (resource.policy as PolicyDocumentJson)
        : { Version: '2012-10-17', ...resource.policy, Statement: [...own, ...acl] };
    plan.policy = { id: resource.arn, document };
    plan.parsed = parsePolicy(document, resource.arn);
  }
  return plan;
}
