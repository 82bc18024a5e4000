/**
 * `iamatlas collect`: reads a real AWS organization (read-only calls, listed
 * with the IAM policies they need in docs/collect.md) into a folder that
 * `iamatlas ingest` reads, and can ingest it straight away.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { projectRoot } from '../../db/paths.ts';
import type { IngestResult } from '../../ingest/pipeline.ts';
import type { CollectOptions } from '../../collect/types.ts';
import { CliError, EXIT, printJson, say } from '../output.ts';
import type { WithDriver } from './common.ts';

export interface CollectCommandDeps {
  withDriver: WithDriver;
  ingest: (driver: Driver, paths: string[], opts: { name?: string; json?: boolean }) => Promise<IngestResult>;
  printIngest: (res: IngestResult) => void;
}

/** Commander's parsed flags: the collector's options as typed on the command line, plus the command's own. */
type CollectFlags = Pick<
  CollectOptions,
  'profile' | 'region' | 'roleName' | 'externalId' | 'accounts' | 'ou' | 'concurrency' | 'out'
> & {
  resourceRegions?: string[];
  /** False with --no-resources. */
  resources: boolean;
  refresh?: boolean;
  ingest?: boolean;
  name?: string;
  json?: boolean;
};

function accountList(value: string): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.filter((id) => !/^\d{12}$/.test(id));
  if (ids.length === 0 || bad.length)
    throw new InvalidArgumentError(
      `expected 12-digit account ids separated by commas, got "${bad.join(', ') || value}".`,
    );
  return ids;
}

/** Region codes such as us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
function regionList(value: string): string[] {
  const regions = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = regions.filter((r) => !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r));
  if (regions.length === 0 || bad.length)
    throw new InvalidArgumentError(
      `expected Region codes separated by commas, such as us-east-1,eu-west-1, got "${bad.join(', ') || value}".`,
    );
  return [...new Set(regions)];
}

function ouId(value: string): string {
  // https://docs.aws.amazon.com/organizations/latest/APIReference/API_OrganizationalUnit.html
  if (!/^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$/.test(value))
    throw new InvalidArgumentError(
      `expected an OU id like ou-ab12-11111111 (or a root id like r-ab12), got "${value}".`,
    );
  return value;
}

function concurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 32)
    throw new InvalidArgumentError(`expected a whole number from 1 to 32, got "${value}".`);
  return n;
}

function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? 'unknown';
}

export function registerCollectCommand(program: Command, deps: CollectCommandDeps): void {
  program
    .command('collect')
    .description(
      'Read an AWS organization (read-only) into a folder that `ingest` reads: organization.json, and per account its authorization details, identity providers, Identity Center and resources',
    )
    .option('--profile <name>', 'AWS profile to use (default: the SDK credential chain)')
    .option(
      '--region <region>',
      'Region for STS, Organizations and Identity Center (default: from the profile or environment)',
    )
    .addOption(
      new Option(
        '--resource-regions <regions>',
        'Regions whose S3 buckets, KMS keys, SQS queues, SNS topics, Lambda functions, secrets and ECR repositories are read (comma-separated; default: the --region)',
      )
        .argParser(regionList)
        .conflicts('resources'),
    )
    .option('--no-resources', 'read no resources (no ACCOUNT.resources.json)')
    .option('--role-name <name>', 'role assumed in each member account', 'OrganizationAccountAccessRole')
    .option('--external-id <id>', 'ExternalId passed when assuming the role')
    .addOption(
      new Option('--accounts <ids>', 'only these accounts (comma-separated ids)')
        .argParser(accountList)
        .conflicts('ou'),
    )
    .option('--ou <id>', 'only the accounts under this OU', ouId)
    .option('--concurrency <n>', 'accounts collected at once', concurrency, 4)
    .option('--out <dir>', 'output folder', 'iamatlas-collect')
    .option('--refresh', 'collect again the accounts an earlier run into --out completed')
    .option('--ingest', 'ingest the folder as a snapshot when done')
    .option('--name <name>', 'snapshot name for --ingest')
    .option('--json', 'print the manifest (and the ingest result with --ingest) as JSON')
    .action(async (flags: CollectFlags) => {
      if (flags.name !== undefined && !flags.ingest)
        throw new CliError('--name goes with --ingest.', EXIT.usage);
      const options: CollectOptions = {
        roleName: flags.roleName,
        concurrency: flags.concurrency,
        out: path.resolve(flags.out),
        refresh: flags.refresh === true,
        toolVersion: toolVersion(),
        ...(flags.profile === undefined ? {} : { profile: flags.profile }),
        ...(flags.region === undefined ? {} : { region: flags.region }),
        ...(flags.externalId === undefined ? {} : { externalId: flags.externalId }),
        ...(flags.accounts === undefined ? {} : { accounts: flags.accounts }),
        ...(flags.ou === undefined ? {} : { ou: flags.ou }),
        ...(flags.resources ? {} : { resourceRegions: [] }),
        ...(flags.resourceRegions === undefined ? {} : { resourceRegions: flags.resourceRegions }),
      };
      // The collector and the AWS SDK load only when collect runs, so other commands start without them.
      const [{ plainProgress, terminalProgress }, { runCollect }, { CollectError }] = await Promise.all([
        import('../../collect/progress.ts'),
        import('../../collect/run.ts'),
        import('../../collect/types.ts'),
      ]);
      const progress = process.stderr.isTTY ? terminalProgress(process.stderr) : plainProgress(say);
      let result;
      try {
        result = await runCollect(options, progress);
      } catch (error) {
        progress.stop();
        if (error instanceof CollectError) throw new CliError(error.message, EXIT.failure);
        throw error;
      }
      const m = result.manifest;
      const count = (s: string) => m.accounts.filter((a) => a.status === s).length;
      say(
        `Collected into ${result.out}: ${count('ok')} account(s) ok, ${count('failed')} failed, ${count('skipped')} skipped (details in manifest.json).`,
      );
      for (const f of result.failed) say(`  ${f.accountId}: ${f.error ?? ''}`);
      if (result.stoppedEarly) say(`Stopped early: ${result.stoppedEarly}`);
      let ingested: IngestResult | undefined;
      if (flags.ingest) {
        ingested = await deps.withDriver((driver) =>
          deps.ingest(driver, [result.out], {
            ...(flags.name === undefined ? {} : { name: flags.name }),
            ...(flags.json ? { json: true } : {}),
          }),
        );
        if (!flags.json) deps.printIngest(ingested);
      }
      if (flags.json) printJson(ingested === undefined ? { manifest: m } : { manifest: m, ingest: ingested });
      if (result.failed.length > 0 || result.stoppedEarly !== undefined)
        throw new CliError('', EXIT.collectIncomplete);
    });
}
