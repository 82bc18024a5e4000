/**
 * One place that builds the AWS SDK clients a run uses: the same credentials,
 * Region, profile and endpoint for all, the SDK's adaptive retry mode
 * (exponential backoff with jitter, plus client-side rate limiting after
 * throttling: https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html),
 * and a counter of the API calls each client makes.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { STSClient } from '@aws-sdk/client-sts';
import type { CredentialsProvider } from './credentials.ts';
import type { CallCounts } from './types.ts';

export interface ClientSettings {
  region?: string;
  profile?: string;
  endpoint?: string;
  credentials: CredentialsProvider;
}

/** Attempts per call, the first included; throttling waits grow up to the SDK's 20-second cap. */
const MAX_ATTEMPTS = 8;

export interface Clients {
  iam: IAMClient;
  sts: STSClient;
  organizations: OrganizationsClient;
  ssoAdmin: SSOAdminClient;
  identityStore: IdentitystoreClient;
  calls: CallCounts;
  destroy(): void;
}

interface Countable {
  middlewareStack: {
    add(
      mw: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

/** Adds the call counter to a client: each call counts once under `service`, retries not included. */
export function counted<T>(client: T, service: string, calls: CallCounts): T {
  (client as unknown as Countable).middlewareStack.add(
    (next) => (args) => {
      calls[service] = (calls[service] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'iamatlasCallCounter' },
  );
  return client;
}

/** The configuration every client of a run shares. */
export function clientConfig(settings: ClientSettings) {
  return {
    credentials: settings.credentials,
    retryMode: 'adaptive',
    maxAttempts: MAX_ATTEMPTS,
    ...(settings.region === undefined ? {} : { region: settings.region }),
    ...(settings.profile === undefined ? {} : { profile: settings.profile }),
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
  };
}

export function makeClients(settings: ClientSettings, calls: CallCounts = {}): Clients {
  const config = clientConfig(settings);
  const iam = counted(new IAMClient(config), 'iam', calls);
  const sts = counted(new STSClient(config), 'sts', calls);
  const organizations = counted(new OrganizationsClient(config), 'organizations', calls);
  const ssoAdmin = counted(new SSOAdminClient(config), 'sso', calls);
  const identityStore = counted(new IdentitystoreClient(config), 'identitystore', calls);
  return {
    iam,
    sts,
    organizations,
    ssoAdmin,
    identityStore,
    calls,
    destroy() {
      for (const c of [iam, sts, organizations, ssoAdmin, identityStore]) c.destroy();
    },
  };
}
