/**
 * A collect run: who the caller is, the organization (or the caller's account
 * alone), then every account, N at a time, resuming where an earlier run into
 * the same folder stopped. The manifest is rewritten after each account, so it
 * is current even when the run is killed.
 */
import { join } from 'node:path';
import { CallerCredentialsExpired, collectAccount, type AccountJob } from './account.ts';
import { describeAwsError, isExpiredToken } from './aws-errors.ts';
import { makeClients, type ClientSettings } from './clients.ts';
import { callerCredentials, whoAmI, type Caller } from './credentials.ts';
import { collectOrganization } from './organization.ts';
import { selectAccounts } from './targets.ts';
import {
  exists,
  manifestWriter,
  ORGANIZATION_FILE,
  prepareOutput,
  readManifest,
  writeJsonAtomic,
} from './output.ts';
import type { CollectProgress } from './progress.ts';
import {
  CollectError,
  MANIFEST_FORMAT,
  type AccountEntry,
  type CollectOptions,
  type CollectResult,
  type Manifest,
} from './types.ts';

export async function runCollect(options: CollectOptions, progress: CollectProgress): Promise<CollectResult> {
  const startedAt = new Date().toISOString();

  const credentials = callerCredentials(options.profile);
  const settings: Omit<ClientSettings, 'credentials'> = {
    ...(options.region === undefined ? {} : { region: options.region }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  };
  const runCalls: Record<string, number> = {};
  const clients = makeClients({ ...settings, credentials }, runCalls);
  let caller: Caller;
  let organizationOutcome;
  let resourceRegions: string[];
  try {
    caller = await identify(clients, options);
    resourceRegions = options.resourceRegions ?? [await clients.sts.config.region()];
    progress.log(`Caller: ${caller.arn} (account ${caller.account}).`);
    organizationOutcome = await collectOrganization(clients.organizations);
  } finally {
    clients.destroy();
  }
  // The folder is created only once the caller is known, so a run without credentials leaves nothing behind.
  const removed = await prepareOutput(options.out);
  if (removed.length)
    progress.log(`Removed ${removed.length} temporary file(s) an interrupted run left in ${options.out}.`);

  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    toolVersion: options.toolVersion,
    startedAt,
    caller: { account: caller.account, arn: caller.arn, userId: caller.userId },
    ...(options.region === undefined ? {} : { region: options.region }),
    roleName: options.roleName,
    ...(resourceRegions.length ? { resourceRegions } : {}),
    organization: organizationOutcome.ok
      ? {
          id: organizationOutcome.organization.organizationId,
          managementAccountId: organizationOutcome.organization.managementAccountId,
        }
      : null,
    ...(organizationOutcome.ok ? {} : { organizationUnavailable: organizationOutcome.reason }),
    apiCalls: runCalls,
    accounts: [],
  };

  let jobs: AccountJob[];
  let skipped: AccountEntry[] = [];
  if (organizationOutcome.ok) {
    const organization = organizationOutcome.organization;
    await writeJsonAtomic(options.out, ORGANIZATION_FILE, organization);
    progress.log(
      `Organization ${organization.organizationId}: ${organization.accounts.length} accounts, ` +
        `${organization.organizationalUnits.length} OUs, ${organization.policies.length} SCPs and RCPs.`,
    );
    ({ jobs, skipped } = selectAccounts(organization, options));
  } else {
    const ids = options.accounts ?? [caller.account];
    progress.log(
      `Organization not read: ${organizationOutcome.reason}. Collecting ${
        options.accounts === undefined
          ? `the caller's account ${caller.account} alone`
          : `the accounts given: ${ids.join(', ')}`
      }; no organization.json is written.`,
    );
    jobs = ids.map((accountId) => ({ accountId }));
  }

  // Resume: accounts an earlier run finished, whose files are all still there, are kept; when it
  // read the resources of other Regions (or none), every account is read again.
  const earlierRun = options.refresh ? undefined : await readManifest(options.out, progress.log);
  const earlier =
    (earlierRun?.resourceRegions ?? []).join() === resourceRegions.join() ? earlierRun : undefined;
  if (earlierRun !== undefined && earlier === undefined)
    progress.log(
      `The run in ${options.out} read the resources of ${earlierRun.resourceRegions?.join(', ') || 'no Region'}; ` +
        'every account is collected again for this one.',
    );
  const done = new Map<string, AccountEntry>();
  for (const e of earlier?.accounts ?? []) {
    if (e.status !== 'ok' || e.files.length === 0) continue;
    const present = await Promise.all(e.files.map((f) => exists(join(options.out, f))));
    if (present.every(Boolean)) done.set(e.accountId, { ...e, collectedEarlier: true });
  }
  const kept = jobs.filter((j) => done.has(j.accountId));
  if (kept.length)
    progress.log(
      `${kept.length} account(s) already collected in ${options.out} are kept (run with --refresh to collect them again).`,
    );
  const todo = jobs.filter((j) => !done.has(j.accountId));

  const results = new Map<string, AccountEntry>();
  for (const j of kept) {
    const e = done.get(j.accountId);
    if (e) results.set(j.accountId, e);
  }
  for (const s of skipped) results.set(s.accountId, s);
  const order = [...jobs.map((j) => j.accountId), ...skipped.map((s) => s.accountId)];
  const writeManifest = manifestWriter(options.out);
  const current = (): Manifest => ({
    ...manifest,
    accounts: order.flatMap((id) => results.get(id) ?? []),
  });

  let stoppedEarly: string | undefined;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (stoppedEarly === undefined && next < todo.length) {
      const job = todo[next++];
      if (job === undefined) continue;
      progress.accountStart(job.accountId, job.name ?? '');
      let entry: AccountEntry;
      try {
        entry = await collectAccount(job, {
          options,
          caller,
          callerCredentials: credentials,
          callerSettings: settings,
          progress,
          resourceRegions,
        });
      } catch (error) {
        if (!(error instanceof CallerCredentialsExpired)) throw error;
        stoppedEarly ??= `the caller's credentials have expired (${error.message}). Renew them (for example \`aws sso login${
          options.profile ? ` --profile ${options.profile}` : ''
        }\`) and run the same command again: accounts already collected are kept.`;
        entry = notCollected(job);
      }
      results.set(job.accountId, entry);
      progress.accountEnd(entry);
      await writeManifest(current());
    }
  };
  await writeManifest(current());
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, todo.length)) }, worker));
  progress.stop();
  for (const job of todo) if (!results.has(job.accountId)) results.set(job.accountId, notCollected(job));

  const final: Manifest = { ...current(), finishedAt: new Date().toISOString() };
  await writeManifest(final);
  const failed = final.accounts.filter((a) => a.status === 'failed');
  return {
    manifest: final,
    out: options.out,
    failed,
    ...(stoppedEarly === undefined ? {} : { stoppedEarly }),
  };
}

function notCollected(job: AccountJob): AccountEntry {
  return {
    accountId: job.accountId,
    ...(job.name === undefined ? {} : { name: job.name }),
    status: 'skipped',
    reason: 'not collected: the caller’s credentials expired',
    files: [],
    apiCalls: {},
  };
}

async function identify(clients: ReturnType<typeof makeClients>, options: CollectOptions): Promise<Caller> {
  try {
    return await whoAmI(clients.sts);
  } catch (error) {
    const how = options.profile
      ? `the profile "${options.profile}"`
      : 'the default credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, container or instance credentials)';
    if (isExpiredToken(error))
      throw new CollectError(
        `The credentials from ${how} have expired (${describeAwsError(error)}). Renew them (for example \`aws sso login\`) and run again.`,
      );
    const code = (error as { name?: string }).name ?? '';
    if (code === 'CredentialsProviderError' || /credential/i.test((error as Error).message ?? ''))
      throw new CollectError(
        `No usable AWS credentials from ${how}: ${(error as Error).message.replace(/\.+$/, '')}. Pass --profile NAME, or set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
      );
    if (/region/i.test((error as Error).message ?? '') && options.region === undefined)
      throw new CollectError(`No AWS Region is configured: pass --region (for example --region us-east-1).`);
    throw new CollectError(`GetCallerIdentity failed: ${describeAwsError(error)}.`);
  }
}
