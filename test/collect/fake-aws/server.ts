/**
 * A local AWS for the collector's tests and benchmark: one HTTP endpoint that
 * checks each request's Signature Version 4 signature
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html),
 * knows the caller's key and the session credentials it issued, routes by
 * protocol (X-Amz-Target for JSON 1.0 and 1.1, Action for Query, the path for
 * S3's REST-XML and Lambda's REST-JSON) and answers from an in-memory world.
 * Faults are injected by action or account.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { identityStoreAction, organizationsAction, ssoAdminAction } from './json-services.ts';
import {
  AUTOSCALING_NAMESPACE,
  CLOUDFORMATION_NAMESPACE,
  codeBuildAction,
  inventoryQueryAction,
  sendEc2,
  sendEc2Error,
} from './inventory-services.ts';
import { ecrAction, kmsAction, secretsManagerAction } from './json-resources.ts';
import { lambdaAnswer, lambdaOperation, sendRestJsonError } from './lambda-rest-json.ts';
import { IAM_NAMESPACE, iamAction, STS_NAMESPACE } from './query-services.ts';
import { emptyResources } from './resources-world.ts';
import { s3Answer, s3Operation, sendS3Error } from './s3-rest-xml.ts';
import { SNS_NAMESPACE, snsAction } from './sns-query.ts';
import { sendSqsError, sqsAction } from './sqs-json.ts';
import { AwsError, sendJson, sendJsonError, sendQuery, sendQueryError } from './wire.ts';
import type { FakeWorld } from './world.ts';

export interface Faults {
  /** The first N calls of an action answer with throttling (per action name). */
  throttle?: Record<string, number>;
  /** The first N calls of an action answer 500 InternalFailure (per action name). */
  serverError?: Record<string, number>;
  /**
   * Identity Center is in an opt-in Region these accounts have not enabled:
   * their SSO Admin calls answer UnrecognizedClientException
   * (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
   */
  regionNotEnabledForIdentityCenter?: string[];
  /** AssumeRole into these accounts answers AccessDenied. */
  denyAssumeRole?: string[];
  /** AssumeRole into these accounts answers RegionDisabledException (STS not active in the Region). */
  regionDisabled?: string[];
  /** The first session issued for these accounts is reported expired on its first IAM call. */
  expireFirstSession?: string[];
  /** Every call signed with the caller's own key answers ExpiredToken, from the Nth AssumeRole on. */
  callerExpiresAfterAssumes?: number;
  /** The caller is not in the management account: Organizations answers AccessDenied. */
  callerAccount?: string;
  /**
   * Account id → opt-in Regions it has not enabled: the regional services' calls signed for them
   * answer UnrecognizedClientException (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
   */
  regionsNotEnabled?: Record<string, string[]>;
  /** Every call of these actions answers AccessDenied, in its service's code (SNS's AuthorizationError...). */
  denyActions?: string[];
}

export interface FakeAwsOptions {
  world: FakeWorld;
  caller: { accessKeyId: string; secretAccessKey: string };
  faults?: Faults;
  latencyMs?: number;
  /** Items per page when the client names no page size. */
  pageSize?: { iam: number; json: number };
}

export interface FakeCall {
  service: string;
  action: string;
  account: string;
  accessKeyId: string;
}

export interface FakeAws {
  url: string;
  calls: FakeCall[];
  /** Every secret the fake handed out or knows, to prove none reaches a file or a log. */
  secrets(): string[];
  close(): Promise<void>;
}

interface Principal {
  secretAccessKey: string;
  sessionToken?: string;
  account: string;
  arn: string;
  userId: string;
  expired: boolean;
  isCaller: boolean;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * The canonical URI: S3's path as sent; every other service's path segments
 * URI-encoded once more (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
 */
function canonicalPath(pathname: string, service: string): string {
  if (service === 's3') return pathname;
  return pathname
    .split('/')
    .map((s) =>
      encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}

/** AccessDenied as each service spells it. */
function accessDeniedCode(service: string): string {
  if (service === 'sns') return 'AuthorizationError';
  return ['s3', 'sqs', 'iam', 'sts'].includes(service) ? 'AccessDenied' : 'AccessDeniedException';
}

function verifySignature(req: IncomingMessage, body: Buffer, principal: Principal): boolean {
  const auth = String(req.headers.authorization ?? '');
  const m = /Credential=([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)/.exec(auth);
  if (!m) return false;
  const [, credential = '', signedHeaders = '', signature = ''] = m;
  const [, date = '', region = '', service = ''] = credential.split('/');
  const url = new URL(req.url ?? '/', 'http://localhost');
  const query = [...url.searchParams.entries()]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const headers = signedHeaders
    .split(';')
    .map(
      (h) =>
        `${h}:${String(req.headers[h] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const payload = String(req.headers['x-amz-content-sha256'] ?? sha256(body));
  const canonical = [
    req.method,
    canonicalPath(url.pathname, service),
    query,
    headers,
    signedHeaders,
    payload,
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', String(req.headers['x-amz-date']), scope, sha256(canonical)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${principal.secretAccessKey}`, date), region), service),
    'aws4_request',
  );
  return createHmac('sha256', key).update(toSign).digest('hex') === signature;
}

const JSON_TARGETS: Record<string, string> = {
  AWSOrganizationsV20161128: 'organizations',
  SWBExternalService: 'sso',
  AWSIdentityStore: 'identitystore',
  TrentService: 'kms',
  secretsmanager: 'secretsmanager',
  AmazonEC2ContainerRegistry_V20150921: 'ecr',
  AmazonSQS: 'sqs',
  CodeBuild_20161006: 'codebuild',
};

/** The XML namespace of each Query-protocol service's answers. */
const QUERY_NAMESPACES: Record<string, string> = {
  sts: STS_NAMESPACE,
  sns: SNS_NAMESPACE,
  cloudformation: CLOUDFORMATION_NAMESPACE,
  autoscaling: AUTOSCALING_NAMESPACE,
};

export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  const { world, faults = {} } = options;
  const pageSize = options.pageSize ?? { iam: 7, json: 2 };
  const callerAccount = faults.callerAccount ?? world.managementAccountId;
  const principals = new Map<string, Principal>();
  principals.set(options.caller.accessKeyId, {
    secretAccessKey: options.caller.secretAccessKey,
    account: callerAccount,
    arn: `arn:aws:iam::${callerAccount}:user/auditor`,
    userId: 'AIDAFAKECALLER000001',
    expired: false,
    isCaller: true,
  });
  const calls: FakeCall[] = [];
  const throttled = new Map<string, number>();
  const serverErrors = new Map<string, number>();
  const sessionsIssued = new Map<string, number>();
  let assumes = 0;

  const assumeRole = (params: URLSearchParams): unknown => {
    const roleArn = params.get('RoleArn') ?? '';
    const account = roleArn.split(':')[4] ?? '';
    if (!params.get('RoleSessionName')) throw new AwsError('ValidationError', 'RoleSessionName is required');
    if (faults.regionDisabled?.includes(account))
      throw new AwsError(
        'RegionDisabledException',
        `STS is not activated in this region for account:${account}. Your account administrator can activate STS in this region using the IAM Console.`,
        403,
      );
    if (faults.denyAssumeRole?.includes(account) || !world.accounts.has(account))
      throw new AwsError(
        'AccessDenied',
        `User: ${principals.get(options.caller.accessKeyId)?.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        403,
      );
    const n = (sessionsIssued.get(account) ?? 0) + 1;
    sessionsIssued.set(account, n);
    const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const principal: Principal = {
      secretAccessKey: randomBytes(20).toString('base64'),
      sessionToken: randomBytes(48).toString('base64'),
      account,
      arn: `arn:aws:sts::${account}:assumed-role/${roleArn.split('/').pop()}/${params.get('RoleSessionName')}`,
      userId: `AROAFAKE${account}:${params.get('RoleSessionName')}`,
      expired: n === 1 && (faults.expireFirstSession?.includes(account) ?? false),
      isCaller: false,
    };
    principals.set(accessKeyId, principal);
    return {
      Credentials: {
        AccessKeyId: accessKeyId,
        SecretAccessKey: principal.secretAccessKey,
        SessionToken: principal.sessionToken,
        Expiration: new Date(Date.now() + 3600_000).toISOString(),
      },
      AssumedRoleUser: { Arn: principal.arn, AssumedRoleId: principal.userId },
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const isJson = target !== '';
    const [prefix = '', jsonAction = ''] = target.split('.');
    const auth = String(req.headers.authorization ?? '');
    const [, region = '', scopeService = ''] = /Credential=[^/]+\/[^/]+\/([^/]+)\/([^/]+)\//.exec(auth) ?? [];
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = isJson ? new URLSearchParams() : new URLSearchParams(body.toString());
    const service = isJson ? (JSON_TARGETS[prefix] ?? 'unknown') : scopeService;
    const s3op = service === 's3' ? s3Operation(req.method ?? '', url) : undefined;
    const lambdaOp = service === 'lambda' ? lambdaOperation(req.method ?? '', url) : undefined;
    const action = isJson ? jsonAction : (s3op?.action ?? lambdaOp?.action ?? params.get('Action') ?? '');
    const namespace = QUERY_NAMESPACES[service] ?? IAM_NAMESPACE;
    const fail = (error: AwsError) => {
      if (s3op) return sendS3Error(res, error);
      if (lambdaOp) return sendRestJsonError(res, error);
      if (service === 'sqs') return sendSqsError(res, error);
      if (service === 'ec2') return sendEc2Error(res, error);
      return isJson ? sendJsonError(res, error) : sendQueryError(res, error, namespace);
    };
    try {
      const accessKeyId = /Credential=([^/]+)\//.exec(auth)?.[1] ?? '';
      const principal = principals.get(accessKeyId);
      if (!principal)
        throw new AwsError(
          isJson ? 'UnrecognizedClientException' : 'InvalidClientTokenId',
          'The security token included in the request is invalid.',
          403,
        );
      if (!verifySignature(req, body, principal))
        throw new AwsError(
          isJson ? 'InvalidSignatureException' : 'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided.',
          403,
        );
      if (
        principal.sessionToken !== undefined &&
        req.headers['x-amz-security-token'] !== principal.sessionToken
      )
        throw new AwsError(
          'InvalidClientTokenId',
          'The security token included in the request is invalid.',
          403,
        );
      calls.push({ service, action, account: principal.account, accessKeyId });
      const callerExpired =
        principal.isCaller &&
        faults.callerExpiresAfterAssumes !== undefined &&
        assumes >= faults.callerExpiresAfterAssumes;
      if (principal.expired || callerExpired) {
        if (principal.expired && service === 'iam') principal.expired = false;
        throw new AwsError(
          isJson ? 'ExpiredTokenException' : 'ExpiredToken',
          'The security token included in the request is expired',
        );
      }
      const left = faults.throttle?.[action] ?? 0;
      const seen = throttled.get(action) ?? 0;
      if (seen < left) {
        throttled.set(action, seen + 1);
        throw new AwsError(
          isJson
            ? service === 'organizations'
              ? 'TooManyRequestsException'
              : 'ThrottlingException'
            : 'Throttling',
          'Rate exceeded',
        );
      }
      const failing = faults.serverError?.[action] ?? 0;
      const failed = serverErrors.get(action) ?? 0;
      if (failed < failing) {
        serverErrors.set(action, failed + 1);
        throw new AwsError('InternalFailure', 'We encountered an internal error.', 500);
      }
      if (faults.denyActions?.includes(action))
        throw new AwsError(
          accessDeniedCode(service),
          `User: ${principal.arn} is not authorized to perform: ${service}:${action}`,
          403,
        );
      if (
        !['iam', 'sts', 'organizations'].includes(service) &&
        faults.regionsNotEnabled?.[principal.account]?.includes(region)
      )
        throw new AwsError(
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
        );
      if (service === 'sso' && faults.regionNotEnabledForIdentityCenter?.includes(principal.account))
        throw new AwsError(
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
        );
      const account = world.accounts.get(principal.account);
      const resources = {
        resources: account?.resources ?? emptyResources(),
        account: principal.account,
        region,
        pageSize: pageSize.json,
      };
      if (s3op) return s3Answer(res, s3op, url, resources.resources, pageSize.json);
      if (lambdaOp) return lambdaAnswer(res, lambdaOp, url, resources);
      if (isJson) {
        const json = (body.length ? JSON.parse(body.toString()) : {}) as Record<string, unknown>;
        if (!account) throw new AwsError('AccessDeniedException', 'no such account');
        if (service === 'organizations')
          return sendJson(res, organizationsAction(action, json, world, principal.account, pageSize.json));
        if (service === 'sso') return sendJson(res, ssoAdminAction(action, json, account, pageSize.json));
        if (service === 'identitystore')
          return sendJson(res, identityStoreAction(action, json, account, pageSize.json));
        if (service === 'kms') return sendJson(res, kmsAction(action, json, resources));
        if (service === 'secretsmanager') return sendJson(res, secretsManagerAction(action, json, resources));
        if (service === 'ecr') return sendJson(res, ecrAction(action, json, resources));
        if (service === 'sqs') return sendJson(res, sqsAction(action, json, resources));
        if (service === 'codebuild') return sendJson(res, codeBuildAction(action, json));
        throw new AwsError('UnknownOperationException', `Unknown target ${target}`);
      }
      if (service === 'sts') {
        if (action === 'GetCallerIdentity')
          return sendQuery(res, action, STS_NAMESPACE, {
            UserId: principal.userId,
            Account: principal.account,
            Arn: principal.arn,
          });
        if (action === 'AssumeRole') {
          assumes++;
          return sendQuery(res, action, STS_NAMESPACE, assumeRole(params));
        }
        throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
      }
      if (service === 'iam') {
        if (!account) throw new AwsError('AccessDenied', 'no such account', 403);
        return sendQuery(res, action, IAM_NAMESPACE, iamAction(action, params, account, pageSize.iam));
      }
      if (service === 'sns')
        return sendQuery(res, action, SNS_NAMESPACE, snsAction(action, params, resources));
      if (service === 'cloudformation' || service === 'autoscaling')
        return sendQuery(res, action, namespace, inventoryQueryAction(service, action));
      if (service === 'ec2') return sendEc2(res, action);
      throw new AwsError('InvalidAction', `No service ${service}`);
    } catch (error) {
      if (error instanceof AwsError) return fail(error);
      return fail(new AwsError('InternalFailure', (error as Error).message, 500));
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const go = () => void handle(req, res, Buffer.concat(chunks));
      if (options.latencyMs) setTimeout(go, options.latencyMs);
      else go();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    secrets: () =>
      [
        options.caller.secretAccessKey,
        ...[...principals.values()].flatMap((p) => [p.secretAccessKey, p.sessionToken ?? '']),
      ].filter(Boolean),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
