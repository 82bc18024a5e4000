/**
 * The actions IAM Atlas evaluates per resource type and access level. Each
 * set is a documented choice, not every action of the service: the actions
 * that read, change, list, re-permission or tag the resource itself, with the
 * access level the Service Authorization Reference gives them (an action the
 * reference lists as "Permissions management, Write" counts as
 * permissions-management; "Tagging, Write" as tagging):
 *
 * - S3: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 * - KMS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
 * - SQS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsqs.html
 * - SNS: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsns.html
 * - Lambda: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html
 * - Secrets Manager: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecretsmanager.html
 * - ECR: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html
 *
 * SQS and Secrets Manager have no List-level action on a queue or secret
 * (ListQueues and ListSecrets act on the account), so their list set is empty.
 */
import type { ParsedStatement } from '../evaluate/index.ts';
import { actionApplies, type ActionMatcher } from '../policy/action.ts';
import { ANALYSED_RESOURCE_TYPES, type ResourceType } from './model.ts';
import type { AccessLevel } from './types.ts';
import { AnalysisCache } from './analysis-cache.ts';

/** The resource types whose policies the analysis evaluates. */
export const ANALYSED_TYPES = ANALYSED_RESOURCE_TYPES;
export type AnalysedType = (typeof ANALYSED_TYPES)[number];

export type LevelActions = Readonly<Record<AccessLevel, readonly string[]>>;

export const RESOURCE_ACTIONS: Readonly<Record<AnalysedType, LevelActions>> = {
  's3-bucket': {
    read: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectAcl', 's3:GetBucketPolicy', 's3:GetBucketAcl'],
    write: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteBucket'],
    list: ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'],
    'permissions-management': [
      's3:PutBucketPolicy',
      's3:DeleteBucketPolicy',
      's3:PutBucketAcl',
      's3:PutObjectAcl',
      's3:PutBucketPublicAccessBlock',
    ],
    tagging: ['s3:PutBucketTagging', 's3:PutObjectTagging'],
  },
  'kms-key': {
    read: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetPublicKey'],
    write: [
      'kms:Decrypt',
      'kms:Encrypt',
      'kms:GenerateDataKey',
      'kms:ReEncryptFrom',
      'kms:Sign',
      'kms:ScheduleKeyDeletion',
      'kms:DisableKey',
    ],
    list: ['kms:ListGrants', 'kms:ListResourceTags'],
    'permissions-management': ['kms:PutKeyPolicy', 'kms:CreateGrant', 'kms:RevokeGrant'],
    tagging: ['kms:TagResource', 'kms:UntagResource'],
  },
  'sqs-queue': {
    read: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes'],
    write: ['sqs:SendMessage', 'sqs:DeleteMessage', 'sqs:PurgeQueue', 'sqs:DeleteQueue'],
    list: [],
    'permissions-management': ['sqs:AddPermission', 'sqs:RemovePermission', 'sqs:SetQueueAttributes'],
    tagging: ['sqs:TagQueue', 'sqs:UntagQueue'],
  },
  'sns-topic': {
    read: ['sns:GetTopicAttributes'],
    write: ['sns:Publish', 'sns:Subscribe', 'sns:DeleteTopic'],
    list: ['sns:ListSubscriptionsByTopic'],
    'permissions-management': ['sns:AddPermission', 'sns:RemovePermission', 'sns:SetTopicAttributes'],
    tagging: ['sns:TagResource', 'sns:UntagResource'],
  },
  'lambda-function': {
    read: ['lambda:GetFunction', 'lambda:GetFunctionConfiguration', 'lambda:GetPolicy'],
    write: [
      'lambda:InvokeFunction',
      'lambda:UpdateFunctionCode',
      'lambda:UpdateFunctionConfiguration',
      'lambda:DeleteFunction',
    ],
    list: ['lambda:ListVersionsByFunction', 'lambda:ListAliases'],
    'permissions-management': ['lambda:AddPermission', 'lambda:RemovePermission'],
    tagging: ['lambda:TagResource', 'lambda:UntagResource'],
  },
  'secretsmanager-secret': {
    read: [
      'secretsmanager:GetSecretValue',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetResourcePolicy',
    ],
    write: ['secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecret', 'secretsmanager:DeleteSecret'],
    list: [],
    'permissions-management': ['secretsmanager:PutResourcePolicy', 'secretsmanager:DeleteResourcePolicy'],
    tagging: ['secretsmanager:TagResource', 'secretsmanager:UntagResource'],
  },
  'ecr-repository': {
    read: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:GetRepositoryPolicy'],
    write: ['ecr:PutImage', 'ecr:InitiateLayerUpload', 'ecr:BatchDeleteImage', 'ecr:DeleteRepository'],
    list: ['ecr:ListImages', 'ecr:DescribeImages'],
    'permissions-management': ['ecr:SetRepositoryPolicy', 'ecr:DeleteRepositoryPolicy'],
    tagging: ['ecr:TagResource', 'ecr:UntagResource'],
  },
};

/** The service prefix of each analysed type's actions. */
export const SERVICE_PREFIX: Readonly<Record<AnalysedType, string>> = {
  's3-bucket': 's3',
  'kms-key': 'kms',
  'sqs-queue': 'sqs',
  'sns-topic': 'sns',
  'lambda-function': 'lambda',
  'secretsmanager-secret': 'secretsmanager',
  'ecr-repository': 'ecr',
};

/**
 * S3 object actions (resource type `object` in the reference). They are
 * evaluated against the object ARN `arn:aws:s3:::BUCKET/*`, standing for
 * every object of the bucket: a statement whose Resource covers that string
 * (`BUCKET/*`, `*`) counts, one limited to a key prefix (`BUCKET/public/*`)
 * does not, for an Allow as for a Deny. Bucket actions use the bucket ARN.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html
 */
export const S3_OBJECT_ACTIONS: ReadonlySet<string> = new Set([
  's3:GetObject',
  's3:GetObjectVersion',
  's3:GetObjectAcl',
  's3:PutObject',
  's3:DeleteObject',
  's3:PutObjectAcl',
  's3:PutObjectTagging',
]);

/** ECR: pulling or pushing from another account needs this call, granted by an identity policy only. */
export const ECR_AUTHORIZATION_TOKEN = 'ecr:GetAuthorizationToken';

export function isAnalysedType(type: ResourceType): type is AnalysedType {
  return (ANALYSED_TYPES as readonly string[]).includes(type);
}

const ACTIONS_BY_TYPE = new Map<AnalysedType, readonly { action: string; level: AccessLevel }[]>(
  ANALYSED_TYPES.map((type) => [
    type,
    (Object.entries(RESOURCE_ACTIONS[type]) as [AccessLevel, readonly string[]][]).flatMap(
      ([level, actions]) => actions.map((action) => ({ action, level })),
    ),
  ]),
);

/** Every action of a type, each with its level, in level order. */
export function actionsOf(type: AnalysedType): readonly { action: string; level: AccessLevel }[] {
  return ACTIONS_BY_TYPE.get(type) ?? [];
}

/** The ARN a request for `action` on the resource names: the object ARN for S3 object actions. */
export function requestArn(type: AnalysedType, arn: string, action: string): string {
  return type === 's3-bucket' && S3_OBJECT_ACTIONS.has(action) ? `${arn}/*` : arn;
}

/** The ARNs an identity statement's Resource must be able to match for the type's actions. */
export function requestArns(type: AnalysedType, arn: string): string[] {
  return type === 's3-bucket' ? [arn, `${arn}/*`] : [arn];
}

/** Does a statement's Action/NotAction cover the action? Uses the statement's compiled (and memoized) matcher. */
export function covers(st: ParsedStatement, action: string): boolean {
  return st.action !== undefined && actionApplies(st.action, action.toLowerCase());
}

/** A cheap first test: can the statement's Action cover any action of the type (by service prefix)? */
export function mayCover(st: ParsedStatement, type: AnalysedType): boolean {
  const matcher = st.action;
  if (!matcher) return false;
  if (matcher.negated || matcher.matchesAll) return true;
  const prefix = SERVICE_PREFIX[type];
  for (const pattern of matcher.patterns) {
    const lower = pattern.trim().toLowerCase();
    const colon = lower.indexOf(':');
    const service = colon < 0 ? lower : lower.slice(0, colon);
    if (service === prefix || /[*?]/.test(service)) return true;
  }
  return false;
}

const TYPE_INDEX = new Map<AnalysedType, number>(ANALYSED_TYPES.map((type, i) => [type, i]));
const LOWER_ACTIONS: readonly (readonly string[])[] = ANALYSED_TYPES.map((type) =>
  actionsOf(type).map(({ action }) => action.toLowerCase()),
);
if (LOWER_ACTIONS.some((list) => list.length > 31)) throw new Error('more than 31 actions for one type');

const coverageCache = new AnalysisCache<ActionMatcher, Int32Array>();
const NO_COVERAGE = new Int32Array(ANALYSED_TYPES.length);

/**
 * Per analysed type (ANALYSED_TYPES order), the type's actions (actionsOf order) that the
 * statement's Action/NotAction covers, as bits: worked out once per Action element (statements
 * naming the same actions share one compiled matcher).
 */
function coverage(st: ParsedStatement): Int32Array {
  const matcher = st.action;
  if (!matcher) return NO_COVERAGE;
  let out = coverageCache.get(matcher);
  if (out) return out;
  out = new Int32Array(ANALYSED_TYPES.length);
  ANALYSED_TYPES.forEach((type, t) => {
    if (!mayCover(st, type)) return;
    let mask = 0;
    LOWER_ACTIONS[t]!.forEach((lower, i) => {
      if (actionApplies(matcher, lower)) mask |= 1 << i;
    });
    out![t] = mask;
  });
  coverageCache.set(matcher, out);
  return out;
}

/** The actions of the type (bit i: the i-th of actionsOf(type)) that the statement covers. */
export function coveredActions(st: ParsedStatement, type: AnalysedType): number {
  return coverage(st)[TYPE_INDEX.get(type)!]!;
}

/** Does the statement cover one of the type's actions? */
export function coversType(st: ParsedStatement, type: AnalysedType): boolean {
  return coveredActions(st, type) !== 0;
}
