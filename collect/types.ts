/**
 * What a collect run is asked to do and what it reports: the options the CLI
 * passes in and the manifest it writes (docs/collect.md describes the manifest).
 */
import * as z from 'zod';

export interface CollectOptions {
  /** A named profile of the AWS config files; otherwise the SDK's default credential chain. */
  profile?: string;
  /** The Region for STS, Organizations and Identity Center; IAM is global. */
  region?: string;
  /** The role assumed in member accounts (default OrganizationAccountAccessRole). */
  roleName: string;
  externalId?: string;
  /** Only these accounts (12-digit ids). */
  accounts?: string[];
  /** Only the accounts under this OU (and its child OUs). */
  ou?: string;
  concurrency: number;
  out: string;
  refresh: boolean;
  /**
   * The Regions whose resources (S3 buckets, KMS keys, SQS queues, SNS topics,
   * Lambda functions, Secrets Manager secrets, ECR repositories) are read into
   * ACCOUNT.resources.json; empty reads none; absent: the run's Region.
   */
  resourceRegions?: string[];
  /** Sends every AWS call to this URL instead of the SDK's endpoint for the service. */
  endpoint?: string;
  toolVersion: string;
}

/** API calls made, by service signing name. */
export type CallCounts = Record<string, number>;

export const accountEntrySchema = z.object({
  accountId: z.string(),
  name: z.string().optional(),
  status: z.enum(['ok', 'failed', 'skipped']),
  /** For failed accounts: what went wrong and what would fix it. */
  error: z.string().optional(),
  /** For skipped accounts: why. */
  reason: z.string().optional(),
  /** Notes that did not fail the account, such as Identity Center not being readable. */
  notes: z.array(z.string()).optional(),
  files: z.array(z.string()),
  apiCalls: z.record(z.string(), z.number()),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** Set when the files were collected by an earlier run and kept (resume). */
  collectedEarlier: z.boolean().optional(),
});
export type AccountEntry = z.infer<typeof accountEntrySchema>;

export const MANIFEST_FORMAT = 'iamatlas-collect-manifest/1';

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  toolVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  caller: z.object({ account: z.string(), arn: z.string(), userId: z.string() }),
  region: z.string().optional(),
  roleName: z.string(),
  /** The Regions whose resources were read; absent in manifests of runs that read none. */
  resourceRegions: z.array(z.string()).optional(),
  organization: z.object({ id: z.string(), managementAccountId: z.string() }).nullable(),
  /** Why the organization was not read, when it was not. */
  organizationUnavailable: z.string().optional(),
  apiCalls: z.record(z.string(), z.number()),
  accounts: z.array(accountEntrySchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The run cannot start: no usable credentials, or options that name nothing. */
export class CollectError extends Error {}

export interface CollectResult {
  manifest: Manifest;
  out: string;
  failed: AccountEntry[];
  /** Set when the run stopped early (credentials expired); the reason, with what to do. */
  stoppedEarly?: string;
}
