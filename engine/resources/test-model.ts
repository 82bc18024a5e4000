/** Small hand-built snapshots with resources, for the resource analysis tests. */
import type { PolicyDocumentJson, SnapshotModel } from '../model.ts';
import { buildSnapshotContext } from '../trust/index.ts';
import { analyseResources } from './analyse.ts';
import { parseResourceArn } from './arn.ts';
import type { Resource, ResourceSettings } from './model.ts';
import {
  levelEdges,
  type AccessLevel,
  type LevelEdge,
  type ResourceAnalysis,
  type ZoneOfTrust,
} from './types.ts';

export * from '../trust/test-model.ts';

export interface ResourceOptions {
  policy?: PolicyDocumentJson;
  settings?: ResourceSettings;
  sensitive?: boolean;
}

/** A resource as the reader would give it; S3 buckets take their account from `account`. */
export function resource(arn: string, account: string, options: ResourceOptions = {}): Resource {
  // Type, Region and name as the reader takes them from the ARN.
  const parsed = parseResourceArn(arn);
  if (!parsed.ok) throw new Error(`test resource ${arn}: ${parsed.message}`);
  const r: Resource = {
    arn,
    type: parsed.arn.type,
    accountId: account,
    name: parsed.arn.name,
    settings: options.settings ?? {},
    tags: [],
    sensitive: options.sensitive ?? false,
    source: { path: `${account}.resources.json`, jsonPath: '$.resources[0]' },
  };
  if (parsed.arn.region) r.region = parsed.arn.region;
  if (options.policy) r.policy = options.policy;
  return r;
}

export const bucketArn = (name: string): string => `arn:aws:s3:::${name}`;
export const keyArn = (account: string, id = '1234abcd-12ab-34cd-56ef-1234567890ab'): string =>
  `arn:aws:kms:us-east-1:${account}:key/${id}`;
export const queueArn = (account: string, name = 'q'): string => `arn:aws:sqs:us-east-1:${account}:${name}`;
export const topicArn = (account: string, name = 't'): string => `arn:aws:sns:us-east-1:${account}:${name}`;
export const functionArn = (account: string, name = 'f'): string =>
  `arn:aws:lambda:us-east-1:${account}:function:${name}`;
export const secretArn = (account: string, name = 's-AbCdEf'): string =>
  `arn:aws:secretsmanager:us-east-1:${account}:secret:${name}`;
export const repositoryArn = (account: string, name = 'app'): string =>
  `arn:aws:ecr:us-east-1:${account}:repository/${name}`;

export function withResources(model: SnapshotModel, ...resources: Resource[]): SnapshotModel {
  return { ...model, resources };
}

export function analyse(model: SnapshotModel, zoneOfTrust?: ZoneOfTrust): ResourceAnalysis {
  const context = buildSnapshotContext(model);
  return analyseResources(model, zoneOfTrust ? { context, zoneOfTrust } : { context });
}

export function edgeOf(
  analysis: ResourceAnalysis,
  from: string,
  to: string,
  level: AccessLevel,
): LevelEdge | undefined {
  const edge = analysis.edges.find((e) => e.from === from && e.to === to);
  return edge ? levelEdges(edge).find((e) => e.level === level) : undefined;
}

/** The levels `from` reaches `to` at, sorted. */
export function levelsOf(analysis: ResourceAnalysis, from: string, to: string): AccessLevel[] {
  return analysis.edges
    .filter((e) => e.from === from && e.to === to)
    .flatMap((e) => e.levels.map((l) => l.level))
    .sort();
}
