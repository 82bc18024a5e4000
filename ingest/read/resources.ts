/**
 * Reader for `ACCOUNT.resources.json` (docs/graph-model.md#input-files): one
 * account's resources with their resource-based policies, settings and tags,
 * all Regions in one file. The type, account, Region and name come from the
 * ARN (engine/resources/arn.ts); settings keep the service APIs' own shapes
 * (engine/resources/model.ts names the API references).
 *
 * Refused (a problem naming `resources[3].policy` and what would fix it): an
 * entry without a parseable ARN, an S3 object ARN, a policy that is not a
 * policy document (object, JSON string or URL-encoded JSON), settings or tags
 * of the wrong type, a bucket whose account the file does not say. A policy
 * that cannot be read is not dropped with a warning: the analysis would then
 * show the resource as reachable by nobody outside, the wrong way round for
 * an exposure report.
 *
 * Read with a warning: a type IAM Atlas does not analyse (`other`), an ARN of
 * another account than the file's (the ARN wins), the same ARN twice (the
 * first entry is kept), `accountId` disagreeing with the file name.
 */
import { basename } from 'node:path';
import * as z from 'zod';
import type { Tag } from '../../engine/model.ts';
import { parseResourceArn } from '../../engine/resources/arn.ts';
import type { Resource, ResourceSettings } from '../../engine/resources/model.ts';
import { isAccountId, parseIamArn } from './arn.ts';
import { isPlainObject } from './json.ts';
import { childPath, type InputProblem } from './problems.ts';
import { check, formatted, optionalPolicyDocument, type Located } from './validate.ts';

export interface ResourcesRead {
  file: string;
  /** The file's account: its `accountId`, else the 12 digits of its name; undefined when it says neither. */
  accountId?: string;
  resources: Located<Resource>[];
}

/** The tag that marks a resource sensitive (value `true`, any case). */
export const SENSITIVE_TAG = 'iamatlas:sensitive';

const accountId = formatted(isAccountId, 'not an AWS account id', 'a 12-digit account id like 111111111111');

/** S3 `PublicAccessBlockConfiguration`: https://docs.aws.amazon.com/AmazonS3/latest/API/API_PublicAccessBlockConfiguration.html */
const publicAccessBlock = z.strictObject({
  BlockPublicAcls: z.boolean().optional(),
  IgnorePublicAcls: z.boolean().optional(),
  BlockPublicPolicy: z.boolean().optional(),
  RestrictPublicBuckets: z.boolean().optional(),
});

const topSchema = z.looseObject({
  accountId: accountId.optional(),
  accountSettings: z.looseObject({ s3PublicAccessBlock: publicAccessBlock.nullish() }).nullish(),
  resources: z.array(z.unknown()),
});

/** An IAM ARN of the given type, for the settings that name a role or an instance profile. */
const iamArn = (type: 'role' | 'instance-profile') =>
  formatted(
    (s) => parseIamArn(s, type) !== undefined,
    `not an IAM ${type} ARN`,
    `an ARN like arn:aws:iam::111111111111:${type}/NAME`,
  );

/**
 * The settings the analysis reads, checked; any other key is kept as given.
 * S3 ACL: https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html;
 * KMS grants: https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantListEntry.html.
 */
const settingsSchema = z.looseObject({
  publicAccessBlock: publicAccessBlock.optional(),
  accountPublicAccessBlock: publicAccessBlock.optional(),
  objectOwnership: z.enum(['BucketOwnerEnforced', 'BucketOwnerPreferred', 'ObjectWriter']).optional(),
  acl: z
    .looseObject({
      Owner: z.looseObject({ ID: z.string().optional(), DisplayName: z.string().optional() }).optional(),
      Grants: z.array(
        z.looseObject({
          Grantee: z.looseObject({
            Type: z.enum(['CanonicalUser', 'AmazonCustomerByEmail', 'Group']),
            ID: z.string().optional(),
            URI: z.string().optional(),
            EmailAddress: z.string().optional(),
            DisplayName: z.string().optional(),
          }),
          Permission: z.enum(['FULL_CONTROL', 'WRITE', 'WRITE_ACP', 'READ', 'READ_ACP']),
        }),
      ),
    })
    .optional(),
  grants: z
    .array(
      z.looseObject({
        GrantId: z.string().optional(),
        Name: z.string().optional(),
        GranteePrincipal: z.string().min(1),
        RetiringPrincipal: z.string().optional(),
        Operations: z.array(z.string()),
        Constraints: z
          .looseObject({
            EncryptionContextSubset: z.record(z.string(), z.string()).optional(),
            EncryptionContextEquals: z.record(z.string(), z.string()).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  keyManager: z.enum(['AWS', 'CUSTOMER']).optional(),
  kmsKeyId: z.string().min(1).optional(),
  roleArn: iamArn('role').optional(),
  instanceProfileArn: iamArn('instance-profile').optional(),
});

const TAGS_EXPECTED = 'tags as {"KEY": "VALUE", ...} or as AWS\'s [{"Key": "KEY", "Value": "VALUE"}, ...]';

/** Tags as a map, or as AWS's `[{"Key": ..., "Value": ...}]` list; null or absent: none. */
const tagsSchema = z.unknown().transform((value, ctx): Tag[] => {
  const bad = (path: (string | number)[], input: unknown): never => {
    ctx.addIssue({ code: 'custom', message: 'not a tag', path, input, params: { expected: TAGS_EXPECTED } });
    return z.NEVER;
  };
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    return value.map((t: unknown, i) =>
      isPlainObject(t) && typeof t['Key'] === 'string' && t['Key'] !== '' && typeof t['Value'] === 'string'
        ? { key: t['Key'], value: t['Value'] }
        : bad([i], t),
    );
  }
  if (!isPlainObject(value)) return bad([], value);
  return Object.entries(value).map(([key, v]) => (typeof v === 'string' ? { key, value: v } : bad([key], v)));
});

const entrySchema = z.looseObject({
  arn: z.string().min(1),
  /** null, absent or an empty string: the resource has no resource-based policy. */
  policy: optionalPolicyDocument,
  settings: settingsSchema.nullish(),
  tags: tagsSchema.optional(),
  sensitive: z.boolean().nullish(),
});

/** Resources files are told by their `resources` list; the name `*.resources.json` marks one too. */
export function isResourcesFile(value: Record<string, unknown>, file?: string): boolean {
  if (file !== undefined && /\.resources\.json$/i.test(file)) return true;
  // Terraform state also has a `resources` list; it carries `terraform_version`.
  return Array.isArray(value['resources']) && !Object.hasOwn(value, 'terraform_version');
}

function accountOfName(file: string): string | undefined {
  return /(?:^|\D)(\d{12})(?:\D|$)/.exec(basename(file))?.[1];
}

export function readResources(
  file: string,
  json: unknown,
  problems: InputProblem[],
  warnings: InputProblem[],
): ResourcesRead | undefined {
  const top = check(topSchema, json, file, '', problems);
  if (top === undefined) return undefined;
  const named = accountOfName(file);
  if (top.accountId !== undefined && named !== undefined && named !== top.accountId) {
    warnings.push({
      file,
      jsonPath: 'accountId',
      message: `the file says account ${top.accountId} but its name says ${named}; read as ${top.accountId}'s`,
    });
  }
  const fileAccount = top.accountId ?? named;
  const accountBlock = top.accountSettings?.s3PublicAccessBlock ?? undefined;
  const resources: Located<Resource>[] = [];
  const seen = new Map<string, string>();
  const before = problems.length;

  top.resources.forEach((raw, index) => {
    const at = `resources[${index}]`;
    if (!isPlainObject(raw)) {
      problems.push({
        file,
        jsonPath: at,
        message: 'not an object',
        expected: '{"arn": ..., "policy": ...}',
      });
      return;
    }
    const entry = check(entrySchema, raw, file, at, problems);
    if (entry === undefined) return;
    const arnAt = childPath(at, 'arn');
    const parsed = parseResourceArn(entry.arn);
    if (!parsed.ok) {
      problems.push({
        file,
        jsonPath: arnAt,
        message: `${parsed.message}: ${entry.arn}`,
        expected: parsed.expected,
      });
      return;
    }
    const arn = parsed.arn;
    const owner = arn.accountId ?? fileAccount;
    if (owner === undefined) {
      problems.push({
        file,
        jsonPath: arnAt,
        message: `${entry.arn} carries no account, and the file names none`,
        expected:
          'an "accountId" at the top of the file, or a file name with the 12-digit account id (111111111111.resources.json)',
      });
      return;
    }
    if (fileAccount !== undefined && owner !== fileAccount) {
      warnings.push({
        file,
        jsonPath: arnAt,
        message: `${entry.arn} is account ${owner}'s, but the file is account ${fileAccount}'s; read as ${owner}'s (the ARN's)`,
      });
    }
    if (arn.type === 'other') {
      warnings.push({
        file,
        jsonPath: arnAt,
        message: `${entry.arn}: a resource type IAM Atlas does not analyse (service ${arn.service}); it is kept in the graph, without access edges`,
      });
    }
    const first = seen.get(entry.arn);
    if (first !== undefined) {
      warnings.push({
        file,
        jsonPath: arnAt,
        message: `${entry.arn} is listed twice (first at ${first}); the first entry is read, this one ignored`,
      });
      return;
    }
    seen.set(entry.arn, at);

    const settings: ResourceSettings = { ...(entry.settings ?? {}) };
    if (
      arn.type === 's3-bucket' &&
      accountBlock !== undefined &&
      settings.accountPublicAccessBlock === undefined
    )
      settings.accountPublicAccessBlock = accountBlock;
    const policy = entry.policy;
    const tags = entry.tags ?? [];
    const sensitiveTag = tags.some((t) => t.key === SENSITIVE_TAG && t.value.toLowerCase() === 'true');
    resources.push({
      file,
      jsonPath: at,
      value: {
        arn: entry.arn,
        type: arn.type,
        accountId: owner,
        ...(arn.region === undefined ? {} : { region: arn.region }),
        name: arn.name,
        ...(policy === undefined ? {} : { policy }),
        settings,
        tags,
        sensitive: entry.sensitive === true || sensitiveTag,
        source: { path: file, jsonPath: at },
      },
    });
  });
  // A file with any problem is refused whole: nothing of it is read.
  if (problems.length > before) return undefined;
  return { file, ...(fileAccount === undefined ? {} : { accountId: fileAccount }), resources };
}
