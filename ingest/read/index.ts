/**
 * The readers' public entry: AWS export files in, one validated SnapshotModel
 * out — or an InputError listing every problem found in every file, so a
 * person fixes them all in one round and nothing half-read gets loaded.
 */
import type { SnapshotModel, SourceFile } from '../../engine/model.ts';
import { shareDocuments } from './share-documents.ts';
import { buildAccounts } from './accounts.ts';
import type { AuthorizationDetailsRead } from './authorization-details.ts';
import { listInputs } from './inputs.ts';
import { mergeAuthorizationDetails, mergeResources } from './merge.ts';
import { addMissingAwsManagedPolicies } from './missing-policies.ts';
import type { OrganizationRead } from './organization.ts';
import { InputError, type InputProblem } from './problems.ts';
import { mergeProviders, type ProvidersRead } from './providers.ts';
import { readInputFile, UNKNOWN_FILE, type FileRead } from './read-file.ts';
import { checkReferences } from './references.ts';
import type { IdentityCenterRead } from './identity-center.ts';
import type { ResourcesRead } from './resources.ts';
import type { CredentialReport } from '../../engine/credential-report.ts';

export { InputError, formatProblem, type InputProblem } from './problems.ts';

export interface ReadProgress {
  file: string;
  done: number;
  total: number;
}

export interface ReadOptions {
  onProgress?: (event: ReadProgress) => void;
}

export interface ReadResult {
  model: SnapshotModel;
  warnings: InputProblem[];
  /** Every file considered, with what it was taken for ('unknown', 'skipped', 'documentation', 'collected' and 'invalid' included). */
  files: { path: string; kind: string }[];
}

/** Enough files in flight to keep the disk busy; few enough that parsed JSON does not pile up. */
const CONCURRENCY = 8;

export async function readSnapshot(paths: string[], opts: ReadOptions = {}): Promise<ReadResult> {
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const entries = await listInputs(paths, problems);

  const outcomes: (FileRead | { kind: 'skipped' | 'documentation' | 'collected' })[] = new Array(
    entries.length,
  );
  const perFile: { problems: InputProblem[]; warnings: InputProblem[] }[] = new Array(entries.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < entries.length) {
      const index = next++;
      const entry = entries[index];
      if (entry === undefined) continue;
      // Each file collects into its own lists so the final order does not depend on which read finished first.
      const fileProblems: InputProblem[] = [];
      const fileWarnings: InputProblem[] = [];
      if (entry.documentation) {
        outcomes[index] = { kind: 'documentation' };
      } else if (entry.collected) {
        outcomes[index] = { kind: 'collected' };
      } else if (entry.skip !== undefined) {
        fileWarnings.push({ file: entry.path, jsonPath: '', message: `${UNKNOWN_FILE}: ${entry.skip}` });
        outcomes[index] = { kind: 'skipped' };
      } else {
        outcomes[index] = await readInputFile(entry.path, fileProblems, fileWarnings);
      }
      perFile[index] = { problems: fileProblems, warnings: fileWarnings };
      done++;
      opts.onProgress?.({ file: entry.path, done, total: entries.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, worker));
  for (const f of perFile) {
    problems.push(...f.problems);
    warnings.push(...f.warnings);
  }

  const authorization: AuthorizationDetailsRead[] = [];
  const providerReads: ProvidersRead[] = [];
  const organizations: OrganizationRead[] = [];
  const identityCenters: IdentityCenterRead[] = [];
  const reports: { file: string; report: CredentialReport }[] = [];
  const resourceReads: ResourcesRead[] = [];
  const sources: SourceFile[] = [];
  const files: ReadResult['files'] = [];
  entries.forEach((entry, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined) return;
    files.push({ path: entry.path, kind: outcome.kind });
    switch (outcome.kind) {
      case 'authorization-details':
        authorization.push(...outcome.reads);
        // A file merged from several accounts is a source of each of them.
        for (const read of outcome.reads) {
          sources.push({
            path: entry.path,
            kind: outcome.kind,
            ...(read.accountId === undefined ? {} : { accountId: read.accountId }),
            sha256: outcome.sha256,
          });
        }
        return;
      case 'organization':
        organizations.push(outcome.read);
        break;
      case 'saml-providers':
      case 'oidc-providers':
        providerReads.push(outcome.read);
        break;
      case 'identity-center':
        identityCenters.push(outcome.read);
        break;
      case 'credential-report':
        reports.push({ file: entry.path, report: outcome.read });
        break;
      case 'resources':
        resourceReads.push(outcome.read);
        break;
      default:
        return;
    }
    const accountId = 'accountId' in outcome.read ? outcome.read.accountId : undefined;
    sources.push({
      path: entry.path,
      kind: outcome.kind,
      ...(accountId === undefined ? {} : { accountId }),
      sha256: outcome.sha256,
    });
  });

  const [organization, ...extraOrganizations] = organizations;
  for (const extra of extraOrganizations) {
    problems.push({
      file: extra.file,
      jsonPath: '',
      message: `a second organization file (the first is ${organization?.file ?? '?'})`,
      expected: 'at most one organization.json per snapshot',
    });
  }
  if (
    entries.length > 0 &&
    authorization.length === 0 &&
    organization === undefined &&
    problems.length === 0
  ) {
    problems.push({
      file: paths.join(', '),
      jsonPath: '',
      message: 'no get-account-authorization-details output and no organization.json among the input files',
      expected: 'at least one AWS export to read',
    });
  }

  const iam = mergeAuthorizationDetails(authorization, problems, warnings);
  const identityProviders = mergeProviders(providerReads);
  const firstSource = new Map<string, string>();
  for (const s of sources)
    if (s.accountId !== undefined && !firstSource.has(s.accountId)) firstSource.set(s.accountId, s.path);
  const sourceOf = (accountId: string): string => firstSource.get(accountId) ?? `account ${accountId}`;
  if (problems.length === 0) await addMissingAwsManagedPolicies(iam, sourceOf, warnings);
  checkReferences(iam, sourceOf, warnings);
  const resources = mergeResources(resourceReads, warnings);
  const accounts = buildAccounts(
    organization,
    iam.accountIds,
    identityProviders,
    sourceOf,
    warnings,
    resources,
  );

  const credentialReports = oneReportPerAccount(reports, problems);
  const identityCenter = identityCenters.flatMap((r) => r.instances);

  if (problems.length > 0) throw new InputError(problems, warnings);
  const model: SnapshotModel = {
    accounts,
    ...(organization === undefined ? {} : { organization: organization.organization }),
    users: iam.users,
    groups: iam.groups,
    roles: iam.roles,
    policies: iam.policies,
    instanceProfiles: iam.instanceProfiles,
    identityProviders,
    ...(identityCenter.length > 0 ? { identityCenter } : {}),
    ...(credentialReports.length > 0 ? { credentialReports } : {}),
    ...(resources.length > 0 ? { resources } : {}),
    sources,
  };
  shareDocuments(model);
  return { model, warnings, files };
}

/** IAM keeps one credential report per account: two files for one account are a mistake to fix. */
function oneReportPerAccount(
  reports: { file: string; report: CredentialReport }[],
  problems: InputProblem[],
): CredentialReport[] {
  const first = new Map<string, string>();
  const out: CredentialReport[] = [];
  for (const { file, report } of reports) {
    const earlier = first.get(report.accountId);
    if (earlier !== undefined) {
      problems.push({
        file,
        jsonPath: '',
        message: `a second credential report for account ${report.accountId} (the first is ${earlier})`,
        expected: 'at most one credential report per account',
      });
      continue;
    }
    first.set(report.accountId, file);
    out.push(report);
  }
  return out;
}
