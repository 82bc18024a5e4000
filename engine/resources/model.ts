/**
 * Resources as the snapshot model holds them: what `ACCOUNT.resources.json`
 * gives (docs/graph-model.md#input-files), normalized. Pure data, no I/O.
 *
 * Settings keep AWS's own API shapes (the collector writes them as the service
 * APIs return them), so a reader can check them against the API references:
 * - S3 `PublicAccessBlockConfiguration`:
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/API_PublicAccessBlockConfiguration.html
 * - S3 `GetBucketAcl` output (`Owner`, `Grants`):
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html
 * - S3 object ownership (`BucketOwnerEnforced`, `BucketOwnerPreferred`, `ObjectWriter`):
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/API_OwnershipControlsRule.html
 * - KMS `ListGrants` entries (`GrantId`, `GranteePrincipal`, `Operations`, `Constraints`):
 *   https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantListEntry.html
 * - KMS `KeyMetadata.KeyManager` (`AWS` or `CUSTOMER`):
 *   https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html
 */
import type { PolicyDocumentJson, Tag } from '../model.ts';

/**
 * Resource types, taken from the ARN. The first seven have resource policies
 * that IAM Atlas evaluates; the others are inventory that escalation methods
 * use (a resource that runs as a role); `other` is kept and drawn but not analysed.
 */
/** The types whose resource policies the analysis evaluates. */
export const ANALYSED_RESOURCE_TYPES = [
  's3-bucket',
  'kms-key',
  'sqs-queue',
  'sns-topic',
  'lambda-function',
  'secretsmanager-secret',
  'ecr-repository',
] as const;
export const RESOURCE_TYPES = [
  ...ANALYSED_RESOURCE_TYPES,
  'ec2-instance',
  'glue-dev-endpoint',
  'cloudformation-stack',
  'sagemaker-notebook',
  'ecs-service',
  'codebuild-project',
  'other',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** S3 Block Public Access, as `PublicAccessBlockConfiguration`; a missing flag is false. */
export interface S3PublicAccessBlock {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}

/** One S3 ACL grant, as in `GetBucketAcl`'s `Grants`. */
export interface S3AclGrant {
  Grantee: {
    Type: 'CanonicalUser' | 'AmazonCustomerByEmail' | 'Group';
    ID?: string;
    URI?: string;
    EmailAddress?: string;
    DisplayName?: string;
  };
  Permission: 'FULL_CONTROL' | 'WRITE' | 'WRITE_ACP' | 'READ' | 'READ_ACP';
}

/** One KMS grant, as in `ListGrants`' `Grants`. */
export interface KmsGrant {
  GrantId?: string;
  Name?: string;
  GranteePrincipal: string;
  RetiringPrincipal?: string;
  Operations: string[];
  Constraints?: {
    EncryptionContextSubset?: Record<string, string>;
    EncryptionContextEquals?: Record<string, string>;
  };
}

/** What a resource's type adds to its policy; every field optional, absent means "not collected". */
export interface ResourceSettings {
  /** S3: the bucket's Block Public Access. */
  publicAccessBlock?: S3PublicAccessBlock;
  /** S3: the owning account's Block Public Access (the file's `accountSettings.s3PublicAccessBlock`). */
  accountPublicAccessBlock?: S3PublicAccessBlock;
  /** S3: object ownership; `BucketOwnerEnforced` turns ACLs off. */
  objectOwnership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';
  /** S3: the bucket ACL. */
  acl?: { Owner?: { ID?: string; DisplayName?: string }; Grants: S3AclGrant[] };
  /** KMS: the key's grants. */
  grants?: KmsGrant[];
  /** KMS: `AWS` for AWS managed keys (immutable policy), `CUSTOMER` otherwise. */
  keyManager?: 'AWS' | 'CUSTOMER';
  /** Secrets Manager: the key that encrypts the secret; absent means the AWS managed `aws/secretsmanager` key. */
  kmsKeyId?: string;
  /**
   * The role the resource runs as: a Lambda function's execution role, a
   * CloudFormation stack's service role, a SageMaker notebook's, a CodeBuild
   * project's service role, a Glue development endpoint's, an ECS service's task role.
   */
  roleArn?: string;
  /** EC2: the instance profile the instance runs with. */
  instanceProfileArn?: string;
  /** Any other settings as given; kept for display, not analysed. */
  [other: string]: unknown;
}

export interface Resource {
  arn: string;
  type: ResourceType;
  /** Owning account: from the ARN, or the file's account for ARNs without one (S3 buckets). */
  accountId: string;
  region?: string;
  /** The resource's name or id, from the ARN. */
  name: string;
  /** The resource-based policy (bucket, key, queue, topic, function, secret or repository policy), when it has one. */
  policy?: PolicyDocumentJson;
  settings: ResourceSettings;
  tags: Tag[];
  /** Marked sensitive: the tag `iamatlas:sensitive` = `true`, or `"sensitive": true` in the file. */
  sensitive: boolean;
  /** Where it came from, for evidence and messages: the file and the JSON path of the entry. */
  source: { path: string; jsonPath: string };
}
