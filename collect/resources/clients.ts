/**
 * The service clients that read one Region's resources, built like the rest
 * of the run's clients (same credentials, profile, endpoint, adaptive retry
 * and call counter; collect/clients.ts).
 */
import { ECRClient } from '@aws-sdk/client-ecr';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { clientConfig, counted, type ClientSettings } from '../clients.ts';
import type { CallCounts } from '../types.ts';

export interface ResourceClients {
  s3: S3Client;
  kms: KMSClient;
  sqs: SQSClient;
  sns: SNSClient;
  lambda: LambdaClient;
  secretsManager: SecretsManagerClient;
  ecr: ECRClient;
  destroy(): void;
}

/**
 * An endpoint set for S3 (the --endpoint option, or the SDK's AWS_ENDPOINT_URL_S3
 * and AWS_ENDPOINT_URL variables: https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html)
 * is addressed path-style (https://s3-endpoint/bucket), which every S3-compatible
 * endpoint answers; bucket names as host names would need a DNS entry per bucket.
 */
function s3EndpointOverridden(settings: ClientSettings): boolean {
  return [settings.endpoint, process.env['AWS_ENDPOINT_URL_S3'], process.env['AWS_ENDPOINT_URL']].some(
    (v) => v !== undefined && v !== '',
  );
}

export function makeResourceClients(
  settings: ClientSettings,
  region: string,
  calls: CallCounts,
): ResourceClients {
  const config = clientConfig({ ...settings, region });
  const s3 = counted(
    new S3Client({
      ...config,
      forcePathStyle: s3EndpointOverridden(settings),
      // A bucket's calls go to its own Region; a redirect names it if a bucket moved meanwhile.
      followRegionRedirects: true,
    }),
    's3',
    calls,
  );
  const kms = counted(new KMSClient(config), 'kms', calls);
  // Calls about a queue go to the client's endpoint (the Region's, or the one set), not to the host
  // in the queue's URL, which the SDK would otherwise use when no endpoint is configured in code.
  const sqs = counted(new SQSClient({ ...config, useQueueUrlAsEndpoint: false }), 'sqs', calls);
  const sns = counted(new SNSClient(config), 'sns', calls);
  const lambda = counted(new LambdaClient(config), 'lambda', calls);
  const secretsManager = counted(new SecretsManagerClient(config), 'secretsmanager', calls);
  const ecr = counted(new ECRClient(config), 'ecr', calls);
  return {
    s3,
    kms,
    sqs,
    sns,
    lambda,
    secretsManager,
    ecr,
    destroy() {
      for (const c of [s3, kms, sqs, sns, lambda, secretsManager, ecr]) c.destroy();
    },
  };
}
