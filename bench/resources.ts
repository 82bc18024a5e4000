/**
 * Resource analysis time and memory (CAN_ACCESS edges and the public- and
 * external-access findings, engine only, no Neo4j) on a generated
 * organization with 10 resources per account:
 * `npm run bench -- resources [--roles 20000] [--accounts N] [--seed 42]`.
 *
 * Per account: two S3 buckets readable by the next account, a KMS key whose
 * policy enables IAM policies, two SQS queues open to the organization, an
 * SNS topic S3 publishes to, a Lambda function without a policy, a secret
 * shared with an account outside the snapshot, an ECR repository shared with
 * the next account, and one more bucket. The trust analysis runs first,
 * outside the measurement, since the resource analysis reuses its context.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PolicyDocumentJson, SnapshotModel } from '../engine/model.ts';
import { analyseResources } from '../engine/resources/analyse.ts';
import type { Resource, ResourceType } from '../engine/resources/model.ts';
import { analyseTrust } from '../engine/trust/index.ts';
import { readSnapshot } from '../ingest/read/index.ts';
import { writeOrganization } from './generate.ts';
import { measure } from './measure.ts';

const OUTSIDE = '444455556666';

function grant(
  principal: unknown,
  action: string,
  resource: string,
  condition?: Record<string, unknown>,
): PolicyDocumentJson {
  const statement: Record<string, unknown> = {
    Effect: 'Allow',
    Principal: principal,
    Action: action,
    Resource: resource,
  };
  if (condition) statement.Condition = condition;
  return { Version: '2012-10-17', Statement: [statement] };
}

/** Ten resources per account of the model that has IAM data. */
export function syntheticResources(model: SnapshotModel): Resource[] {
  const accounts = model.accounts.filter((a) => a.hasIamData).map((a) => a.id);
  const orgId = model.organization?.id ?? 'o-none';
  const out: Resource[] = [];
  accounts.forEach((account, i) => {
    const next = accounts[(i + 1) % accounts.length]!;
    const make = (arn: string, type: ResourceType, policy?: PolicyDocumentJson): void => {
      const r: Resource = {
        arn,
        type,
        accountId: account,
        name: arn.split(/[:/]/).pop() ?? arn,
        settings: {},
        tags: [],
        sensitive: false,
        source: { path: `${account}.resources.json`, jsonPath: `$.resources[${out.length}]` },
      };
      if (policy) r.policy = policy;
      out.push(r);
    };
    const region = `arn:aws:%s:us-east-1:${account}`;
    const arn = (service: string, rest: string) => `${region.replace('%s', service)}:${rest}`;
    for (const j of [0, 7]) {
      const bucket = `arn:aws:s3:::bucket-${account}-${j}`;
      make(bucket, 's3-bucket', grant({ AWS: next }, 's3:GetObject', `${bucket}/*`));
    }
    make(arn('kms', 'key/key-1'), 'kms-key', grant({ AWS: `arn:aws:iam::${account}:root` }, 'kms:*', '*'));
    for (const j of [2, 9]) {
      make(
        arn('sqs', `queue-${j}`),
        'sqs-queue',
        grant('*', 'sqs:SendMessage', '*', { StringEquals: { 'aws:PrincipalOrgID': orgId } }),
      );
    }
    make(
      arn('sns', 'topic-3'),
      'sns-topic',
      grant({ Service: 's3.amazonaws.com' }, 'sns:Publish', '*', {
        StringEquals: { 'aws:SourceAccount': account },
      }),
    );
    make(arn('lambda', 'function:function-4'), 'lambda-function');
    make(
      arn('secretsmanager', 'secret:secret-5'),
      'secretsmanager-secret',
      grant({ AWS: `arn:aws:iam::${OUTSIDE}:root` }, 'secretsmanager:GetSecretValue', '*'),
    );
    make(
      arn('ecr', 'repository/repository-6'),
      'ecr-repository',
      grant({ AWS: next }, 'ecr:BatchGetImage', '*'),
    );
    make(`arn:aws:s3:::bucket-${account}-8`, 's3-bucket');
  });
  return out;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<void> {
  const roles = Number(option(args, '--roles') ?? 20_000);
  const accounts = Number(option(args, '--accounts') ?? Math.max(3, Math.ceil(roles / 500)));
  const seed = Number(option(args, '--seed') ?? 42);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-resources-'));
  try {
    await writeOrganization(dir, { roles, accounts, seed });
    const { model } = await readSnapshot([dir]);
    model.resources = syntheticResources(model);
    const trust = analyseTrust(model);
    const analysed = await measure(async () => analyseResources(model, { context: trust.context }));
    const s = analysed.result.stats;
    process.stdout.write(
      `${roles} roles, ${accounts} accounts, ${s.resources} resources: ${analysed.seconds.toFixed(1)} s, ` +
        `${s.evaluateCalls} evaluate calls, ${s.edges} edges, ${analysed.result.findings.length} findings, ` +
        `peak RSS ${analysed.peakRssMb.toFixed(0)} MB (trust: ${trust.edges.length} CAN_ASSUME edges)\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
