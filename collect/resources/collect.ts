/**
 * One account's resources, Region by Region and service by service, into the
 * content of `ACCOUNT.resources.json`. A service or a resource that cannot be
 * read leaves a note and the rest is still written; only an expired token
 * stops it, so the account's role can be assumed again.
 */
import { errorCode, isExpiredToken } from '../aws-errors.ts';
import type { ClientSettings } from '../clients.ts';
import type { CallCounts } from '../types.ts';
import { makeResourceClients } from './clients.ts';
import { ecrReader } from './ecr.ts';
import { kmsReader } from './kms.ts';
import { lambdaReader } from './lambda.ts';
import { s3Reader } from './s3.ts';
import { secretsManagerReader } from './secrets-manager.ts';
import { snsReader } from './sns.ts';
import { sqsReader } from './sqs.ts';
import type { ReadContext, ResourceEntry, ResourcesFile, ServiceReader } from './types.ts';
import { ResourceWarnings } from './warnings.ts';

export const SERVICE_READERS: readonly ServiceReader[] = [
  s3Reader,
  kmsReader,
  sqsReader,
  snsReader,
  lambdaReader,
  secretsManagerReader,
  ecrReader,
];

export interface ResourcesJob {
  accountId: string;
  partition: string;
  regions: readonly string[];
  /** The account's client settings (its credentials); the Region is set per Region read. */
  settings: ClientSettings;
  calls: CallCounts;
  /** Called as each service of each Region starts, with "SERVICE REGION". */
  onStep(detail: string): void;
}

export interface CollectedResources {
  file: ResourcesFile;
  /** What could not be read, for the manifest's notes. */
  notes: string[];
}

export async function collectResources(job: ResourcesJob): Promise<CollectedResources> {
  const warnings = new ResourceWarnings();
  const byArn = new Map<string, ResourceEntry>();
  for (const region of job.regions) {
    const clients = makeResourceClients(job.settings, region, job.calls);
    try {
      for (const reader of SERVICE_READERS) {
        job.onStep(`${reader.service} ${region}`);
        const ctx: ReadContext = {
          accountId: job.accountId,
          region,
          partition: job.partition,
          async optional(action, resource, call, absent = []) {
            try {
              return await call();
            } catch (error) {
              if (isExpiredToken(error)) throw error;
              if (absent.includes(errorCode(error))) return null;
              warnings.record(reader.service, region, action, error, resource);
              return undefined;
            }
          },
        };
        try {
          for (const entry of await reader.read(clients, ctx)) byArn.set(entry.arn, entry);
        } catch (error) {
          if (isExpiredToken(error)) throw error;
          warnings.record(reader.service, region, reader.listAction, error);
        }
      }
    } finally {
      clients.destroy();
    }
  }
  const resources = [...byArn.values()].sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
  return { file: { accountId: job.accountId, resources }, notes: warnings.notes() };
}
