/**
 * Whose credentials a run uses: the caller's (a named profile, or the SDK's
 * default chain: environment, SSO, web identity, container and instance
 * credentials, https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html),
 * and in every other account a role assumed with STS AssumeRole
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
 * Credentials stay in memory: nothing here writes or prints them.
 */
import { AssumeRoleCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';

export type CredentialsProvider = ReturnType<typeof fromNodeProviderChain>;
type Credentials = Awaited<ReturnType<CredentialsProvider>>;

export function callerCredentials(profile: string | undefined): CredentialsProvider {
  return profile === undefined ? fromNodeProviderChain() : fromIni({ profile });
}

export interface Caller {
  account: string;
  arn: string;
  userId: string;
  /** aws, aws-cn or aws-us-gov, from the caller's ARN. */
  partition: string;
}

export async function whoAmI(sts: STSClient): Promise<Caller> {
  const out = await sts.send(new GetCallerIdentityCommand({}));
  const arn = out.Arn ?? '';
  return {
    account: out.Account ?? '',
    arn,
    userId: out.UserId ?? '',
    partition: arn.split(':')[1] || 'aws',
  };
}

/** Assumed credentials are renewed this long before they expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

export interface AssumedRole {
  provider: CredentialsProvider;
  /** Forgets the cached credentials, so the next call assumes the role again. */
  renew(): void;
  /** AssumeRole calls made so far. */
  assumeCount(): number;
}

export function assumedRole(
  sts: STSClient,
  params: { roleArn: string; externalId?: string; sessionName: string },
): AssumedRole {
  let cached: Promise<Credentials> | undefined;
  let count = 0;
  const assume = async (): Promise<Credentials> => {
    count++;
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: params.roleArn,
        RoleSessionName: params.sessionName,
        ...(params.externalId === undefined ? {} : { ExternalId: params.externalId }),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey)
      throw new Error(`AssumeRole ${params.roleArn} returned no credentials`);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken === undefined ? {} : { sessionToken: c.SessionToken }),
      ...(c.Expiration === undefined ? {} : { expiration: c.Expiration }),
    };
  };
  const provider: CredentialsProvider = async () => {
    if (cached !== undefined) {
      const c = await cached.catch(() => undefined);
      if (
        c !== undefined &&
        (c.expiration === undefined || c.expiration.getTime() - Date.now() > RENEW_BEFORE_MS)
      )
        return c;
    }
    cached = assume();
    // A failed AssumeRole is not cached: the next call tries again.
    cached.catch(() => (cached = undefined));
    return cached;
  };
  return { provider, renew: () => (cached = undefined), assumeCount: () => count };
}
