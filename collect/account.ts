/**
 * One account, start to finish: credentials (the caller's own in its own
 * account, an assumed role elsewhere), its IAM data and Identity Center, then
 * its files. Everything is read before anything is written, so a failed
 * account leaves the files of an earlier run as they were.
 */
import { accountFiles, writeJsonAtomic } from './output.ts';
import {
  accountFailure,
  describeAwsError,
  errorMessage,
  isAccessDenied,
  isExpiredToken,
  isRegionDisabled,
} from './aws-errors.ts';
import { collectAccountIam } from './account-details.ts';
import { makeClients, type ClientSettings } from './clients.ts';
import { assumedRole, type Caller, type CredentialsProvider } from './credentials.ts';
import { collectCredentialReport } from './credential-report.ts';
import { collectIdentityCenter } from './identity-center.ts';
import type { CollectProgress } from './progress.ts';
import { collectResources } from './resources/collect.ts';
import type { AccountEntry, CollectOptions } from './types.ts';

/** The caller's own credentials have expired: no account can be collected until they are renewed. */
export class CallerCredentialsExpired extends Error {}

export interface AccountJob {
  accountId: string;
  name?: string;
}

export interface AccountContext {
  options: CollectOptions;
  caller: Caller;
  callerCredentials: CredentialsProvider;
  /** The STS client of the caller, which assumes the roles. */
  callerSettings: Omit<ClientSettings, 'credentials'>;
  progress: CollectProgress;
  /** The Regions whose resources are read (none: no resources file). */
  resourceRegions: readonly string[];
}

/** The session name shows in the account's CloudTrail as who read it. */
const SESSION_NAME = 'iamatlas-collect';

export function roleArnFor(caller: Caller, accountId: string, roleName: string): string {
  return `arn:${caller.partition}:iam::${accountId}:role/${roleName}`;
}

export async function collectAccount(job: AccountJob, ctx: AccountContext): Promise<AccountEntry> {
  const startedAt = new Date().toISOString();
  const own = job.accountId === ctx.caller.account;
  const roleArn = own ? undefined : roleArnFor(ctx.caller, job.accountId, ctx.options.roleName);
  const calls: Record<string, number> = {};
  // The caller's STS client assumes the role; its calls count for this account.
  const callerClients = makeClients({ ...ctx.callerSettings, credentials: ctx.callerCredentials }, calls);
  const role =
    roleArn === undefined
      ? undefined
      : assumedRole(callerClients.sts, {
          roleArn,
          sessionName: SESSION_NAME,
          ...(ctx.options.externalId === undefined ? {} : { externalId: ctx.options.externalId }),
        });
  const base = {
    accountId: job.accountId,
    ...(job.name === undefined ? {} : { name: job.name }),
    startedAt,
  };
  const region = ctx.options.region;
  let step = 'AssumeRole';
  try {
    // One more try after an expired token: an assumed role's credentials can run out during a long account.
    for (let attempt = 1; ; attempt++) {
      const accountSettings = { ...ctx.callerSettings, credentials: role?.provider ?? ctx.callerCredentials };
      const clients = makeClients(accountSettings, calls);
      try {
        if (role !== undefined) {
          step = 'AssumeRole';
          ctx.progress.accountStep(job.accountId, 'assume role');
          await role.provider();
        }
        step = 'GetAccountAuthorizationDetails';
        ctx.progress.accountStep(job.accountId, 'authorization details');
        const iam = await collectAccountIam(clients.iam, (page) =>
          ctx.progress.accountStep(job.accountId, 'authorization details', `page ${page}`),
        );
        ctx.progress.accountStep(job.accountId, 'providers');
        step = 'credential report';
        ctx.progress.accountStep(job.accountId, 'credential report');
        const notes: string[] = [];
        let credentialReport;
        try {
          credentialReport = await collectCredentialReport(clients.iam);
        } catch (error) {
          // Optional like Identity Center: without it users carry no sign-in status.
          if (!isAccessDenied(error)) throw error;
          notes.push(`Credential report not read: ${describeAwsError(error)}`);
        }
        step = 'Identity Center';
        ctx.progress.accountStep(job.accountId, 'identity center');
        let identityCenter;
        try {
          identityCenter = await collectIdentityCenter(clients.ssoAdmin, clients.identityStore, {
            accountId: job.accountId,
            region: (await clients.ssoAdmin.config.region()) ?? '',
          });
        } catch (error) {
          // Identity Center is optional: an account that may not read it, or that has not enabled
          // the Region, is still collected, with a note.
          if (!isAccessDenied(error) && !isRegionDisabled(error)) throw error;
          notes.push(`Identity Center not read: ${describeAwsError(error)}`);
        }
        let resources;
        if (ctx.resourceRegions.length > 0) {
          step = 'resources';
          ctx.progress.accountStep(job.accountId, 'resources');
          resources = await collectResources({
            accountId: job.accountId,
            partition: ctx.caller.partition,
            regions: ctx.resourceRegions,
            settings: accountSettings,
            calls,
            onStep: (detail) => ctx.progress.accountStep(job.accountId, 'resources', detail),
          });
          notes.push(...resources.notes);
        }
        step = 'write';
        ctx.progress.accountStep(job.accountId, 'write');
        const names = accountFiles(job.accountId);
        const files: string[] = [];
        const write = async (name: string, value: unknown) => {
          await writeJsonAtomic(ctx.options.out, name, value);
          files.push(name);
        };
        await write(names.samlProviders, iam.samlProviders);
        await write(names.oidcProviders, iam.oidcProviders);
        if (identityCenter !== undefined) await write(names.identityCenter, identityCenter);
        if (credentialReport !== undefined) await write(names.credentialReport, credentialReport);
        if (resources !== undefined) await write(names.resources, resources.file);
        // Last: the authorization details are what makes the account count as collected.
        await write(names.authorizationDetails, iam.authorizationDetails);
        return {
          ...base,
          status: 'ok',
          files,
          apiCalls: { ...calls },
          ...(notes.length ? { notes } : {}),
          finishedAt: new Date().toISOString(),
        };
      } catch (error) {
        if (isExpiredToken(error)) {
          // The role was just assumed, or the caller's own credentials were used: the caller's have expired.
          if (step === 'AssumeRole' || role === undefined || attempt > 1)
            throw new CallerCredentialsExpired(errorMessage(error));
          role.renew();
          continue;
        }
        return {
          ...base,
          status: 'failed',
          error: accountFailure(error, {
            accountId: job.accountId,
            step,
            ...(roleArn === undefined ? {} : { roleArn }),
            ...(region === undefined ? {} : { region }),
          }),
          files: [],
          apiCalls: { ...calls },
          finishedAt: new Date().toISOString(),
        };
      } finally {
        clients.destroy();
      }
    }
  } finally {
    callerClients.destroy();
  }
}
