/**
 * What the resource readers produce: the entries of `ACCOUNT.resources.json`
 * (docs/graph-model.md#input-files describes the file; docs/collect.md what
 * the collector reads into it).
 */
import type { ResourceClients } from './clients.ts';

/** One resource as written: the policy and settings in the service APIs' own shapes. */
export interface ResourceEntry {
  arn: string;
  /** The resource policy (an object, or the text as returned if it is not JSON); null: it has none; absent: not read. */
  policy?: unknown;
  settings: Record<string, unknown>;
  /** Tag key to value; absent when the tags could not be read. */
  tags?: Record<string, string>;
}

export interface ResourcesFile {
  accountId: string;
  resources: ResourceEntry[];
}

export interface ReadContext {
  accountId: string;
  region: string;
  partition: string;
  /**
   * Runs one call about one resource. Answers what it returns; null when AWS
   * answers one of the `absent` error codes (the resource has no such
   * configuration); undefined when the call failed otherwise, which is
   * recorded as a warning naming the IAM action and the resource.
   */
  optional<T>(
    action: string,
    resource: string,
    call: () => Promise<T>,
    absent?: string[],
  ): Promise<T | null | undefined>;
}

/** One service's reader for one Region: lists the resources and reads each. */
export interface ServiceReader {
  /** The service's IAM prefix, as in progress and warnings (`s3`, `kms`, ...). */
  service: string;
  /** The IAM action of the listing call, named in the warning when it fails. */
  listAction: string;
  read(clients: ResourceClients, ctx: ReadContext): Promise<ResourceEntry[]>;
}

/** A service's two steps: list what the Region holds (every page), then read one listed item. */
export interface ServiceReaderSteps<T> {
  service: string;
  listAction: string;
  list(clients: ResourceClients, ctx: ReadContext): Promise<T[]>;
  readOne(item: T, clients: ResourceClients, ctx: ReadContext): Promise<ResourceEntry>;
}

/** Calls about the resources of one service run this many at a time. */
const PER_RESOURCE_CONCURRENCY = 4;

export function serviceReader<T>(steps: ServiceReaderSteps<T>): ServiceReader {
  return {
    service: steps.service,
    listAction: steps.listAction,
    read: async (clients, ctx) =>
      mapLimit(await steps.list(clients, ctx), PER_RESOURCE_CONCURRENCY, (item) =>
        steps.readOne(item, clients, ctx),
      ),
  };
}

/**
 * An entry from what was read: a policy of null (none) is kept and an
 * undefined one (not read) left out; settings and tags that were not read,
 * or that the resource does not have, are left out.
 */
export function resourceEntry(
  arn: string,
  read: { policy?: unknown; settings?: Record<string, unknown>; tags?: Record<string, string> | null },
): ResourceEntry {
  const settings = Object.fromEntries(
    Object.entries(read.settings ?? {}).filter(([, v]) => v !== undefined && v !== null),
  );
  return {
    arn,
    ...(read.policy === undefined ? {} : { policy: read.policy }),
    settings,
    ...(read.tags === undefined || read.tags === null ? {} : { tags: read.tags }),
  };
}

/** AWS's tag lists ([{Key, Value}], KMS's [{TagKey, TagValue}]) as one key-to-value map. */
export function tagMap(
  tags: readonly { Key?: string; Value?: string; TagKey?: string; TagValue?: string }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) {
    const key = t.Key ?? t.TagKey;
    if (key !== undefined) out[key] = t.Value ?? t.TagValue ?? '';
  }
  return out;
}

/** Runs `fn` on every item, at most `limit` at a time, keeping the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
