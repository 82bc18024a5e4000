/**
 * Amazon S3's own rules on top of the bucket policy:
 *
 * - Block Public Access, at the account and the bucket; the most restrictive
 *   combination applies, so each flag is on when either level sets it.
 *   IgnorePublicAcls makes S3 ignore public ACL grants; RestrictPublicBuckets,
 *   when the bucket policy is public, lets in only AWS service principals and
 *   principals of the bucket owner's account: every cross-account grant of
 *   that policy is cut, public or not. BlockPublicAcls and BlockPublicPolicy
 *   act when a policy or ACL is written and leave existing ones as they are.
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 * - ACLs: grants to the AllUsers (anyone, unsigned too) and
 *   AuthenticatedUsers (any AWS account) groups, with the permission-to-action
 *   mapping of the ACL overview; grants to canonical users are not mapped (a
 *   canonical id does not name its account). Object ownership
 *   `BucketOwnerEnforced` disables ACLs: they are not evaluated.
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html
 *
 * ACL grants become Allow statements appended to the bucket policy, so the
 * policy's Deny statements and the account's RCPs still apply to them.
 */
import type { Resource, S3AclGrant, S3PublicAccessBlock } from './model.ts';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

/** Bucket ACL permission → the actions it allows on the bucket and its objects (ACL overview, "Mapping of ACL permissions"). */
const ACL_ACTIONS: Readonly<Record<S3AclGrant['Permission'], readonly string[]>> = {
  READ: ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'],
  WRITE: ['s3:PutObject', 's3:DeleteObject'],
  READ_ACP: ['s3:GetBucketAcl'],
  WRITE_ACP: ['s3:PutBucketAcl'],
  FULL_CONTROL: [
    's3:ListBucket',
    's3:ListBucketVersions',
    's3:ListBucketMultipartUploads',
    's3:PutObject',
    's3:DeleteObject',
    's3:GetBucketAcl',
    's3:PutBucketAcl',
  ],
};

export type BpaFlag = keyof S3PublicAccessBlock;

/** The Block Public Access in force: a flag is on when the account or the bucket sets it. */
export function effectiveBlockPublicAccess(resource: Resource): Required<S3PublicAccessBlock> {
  const account = resource.settings.accountPublicAccessBlock ?? {};
  const bucket = resource.settings.publicAccessBlock ?? {};
  const on = (flag: BpaFlag): boolean => account[flag] === true || bucket[flag] === true;
  return {
    BlockPublicAcls: on('BlockPublicAcls'),
    IgnorePublicAcls: on('IgnorePublicAcls'),
    BlockPublicPolicy: on('BlockPublicPolicy'),
    RestrictPublicBuckets: on('RestrictPublicBuckets'),
  };
}

/** Which level sets a flag, for the reasons: "account", "bucket" or "account and bucket". */
export function bpaSource(resource: Resource, flag: BpaFlag): string {
  const account = resource.settings.accountPublicAccessBlock?.[flag] === true;
  const bucket = resource.settings.publicAccessBlock?.[flag] === true;
  return account && bucket ? 'account and bucket' : account ? 'account' : 'bucket';
}

export interface AclStatements {
  statements: Record<string, unknown>[];
  /** Why ACL grants were left out, when they were. */
  ignored?: string;
}

/** The public ACL grants of a bucket as Allow statements (Principal "*"), or why they do not count. */
export function aclStatements(resource: Resource): AclStatements {
  const grants = resource.settings.acl?.Grants ?? [];
  const open = grants.filter(
    (g) =>
      g.Grantee?.Type === 'Group' && (g.Grantee.URI === ALL_USERS || g.Grantee.URI === AUTHENTICATED_USERS),
  );
  if (open.length === 0) return { statements: [] };
  if (resource.settings.objectOwnership === 'BucketOwnerEnforced') {
    return {
      statements: [],
      ignored: 'Object ownership is BucketOwnerEnforced: ACLs are disabled and not evaluated.',
    };
  }
  if (effectiveBlockPublicAccess(resource).IgnorePublicAcls) {
    return {
      statements: [],
      ignored: `Block Public Access IgnorePublicAcls (${bpaSource(resource, 'IgnorePublicAcls')}) makes S3 ignore the public ACL grants.`,
    };
  }
  const statements = open.map((g, i) => ({
    Sid: `ACL grant ${i}: ${g.Permission} to ${g.Grantee.URI === ALL_USERS ? 'AllUsers' : 'AuthenticatedUsers'}`,
    Effect: 'Allow',
    Principal: '*',
    Action: [...(ACL_ACTIONS[g.Permission] ?? [])],
    Resource: [resource.arn, `${resource.arn}/*`],
  }));
  return { statements };
}
