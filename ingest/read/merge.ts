/**
 * Puts the per-file reads together: pages of one export become one account,
 * the same entity seen twice is kept once, and two different exports of one
 * account are refused (we could not tell which one is true).
 */
import type { InstanceProfile, ManagedPolicy } from '../../engine/model.ts';
import type { Resource } from '../../engine/resources/model.ts';
import type { AuthorizationDetailsRead } from './authorization-details.ts';
import { basename } from 'node:path';
import { childPath, type InputProblem } from './problems.ts';
import type { ResourcesRead } from './resources.ts';
import { stableStringify } from './stable.ts';
import type { Located } from './validate.ts';

export interface MergedIam {
  users: AuthorizationDetailsRead['users'][number]['value'][];
  groups: AuthorizationDetailsRead['groups'][number]['value'][];
  roles: AuthorizationDetailsRead['roles'][number]['value'][];
  policies: ManagedPolicy[];
  instanceProfiles: InstanceProfile[];
  /** Accounts with at least one authorization-details file. */
  accountIds: Set<string>;
}

export function mergeAuthorizationDetails(
  reads: readonly AuthorizationDetailsRead[],
  problems: InputProblem[],
  warnings: InputProblem[],
): MergedIam {
  const byAccount = new Map<string, AuthorizationDetailsRead[]>();
  for (const read of reads) {
    if (read.accountId === undefined) {
      if (read.entryCount === 0 || read.policies.length === read.entryCount) {
        warnings.push({
          file: read.file,
          jsonPath: '',
          message:
            'holds no users, groups, roles or customer-managed policies, so its account cannot be told from ARNs; only its AWS-managed policies were read',
        });
      }
      continue;
    }
    const list = byAccount.get(read.accountId) ?? [];
    list.push(read);
    byAccount.set(read.accountId, list);
  }
  for (const [accountId, files] of byAccount) checkPages(accountId, files, problems, warnings);

  const conflicts = new ConflictReport(problems);
  const customerPolicies: Located<ManagedPolicy>[] = [];
  const awsPolicies: Located<ManagedPolicy>[] = [];
  for (const read of reads) {
    for (const p of read.policies) (p.value.awsManaged ? awsPolicies : customerPolicies).push(p);
  }
  const merged: MergedIam = {
    users: dedupe(
      reads.flatMap((r) => r.users),
      'user',
      conflicts,
    ),
    groups: dedupe(
      reads.flatMap((r) => r.groups),
      'group',
      conflicts,
    ),
    roles: dedupe(
      reads.flatMap((r) => r.roles),
      'role',
      conflicts,
    ),
    policies: [
      ...dedupe(customerPolicies, 'customer-managed policy', conflicts),
      ...dedupeAwsManaged(awsPolicies, warnings),
    ],
    instanceProfiles: mergeInstanceProfiles(reads.flatMap((r) => r.instanceProfiles)),
    accountIds: new Set(byAccount.keys()),
  };
  conflicts.flush();
  return merged;
}

/**
 * Several files for one account are fine when they are pages of one export:
 * every page but the last says IsTruncated/Marker; pages without their last
 * one load with a warning naming what is missing. Two "last pages" that both
 * list the same kind of entity are two exports (a filtered export with
 * `--filter Role` next to one with `--filter User` is not).
 */
function checkPages(
  accountId: string,
  files: AuthorizationDetailsRead[],
  problems: InputProblem[],
  warnings: InputProblem[],
): void {
  const complete = files.filter((f) => !f.truncated);
  const last = files.at(-1);
  if (complete.length === 0 && last !== undefined) {
    // One page, or some pages, without the last: what they hold is real, what follows is missing.
    const from = last.marker === undefined ? '' : ` (Marker ${last.marker})`;
    warnings.push({
      file: last.file,
      jsonPath: 'IsTruncated',
      message: `account ${accountId}: ${files.length === 1 ? 'this file is one page' : `all ${files.length} files (${names(files)}) are pages`} of a paginated export with IsTruncated true or a Marker, and no further page is in the input; the users, groups, roles and policies on the pages after it${from} are missing from the analysis`,
      expected:
        'every page of the export, down to the one with IsTruncated false (or the CLI output, which pages itself)',
    });
  }
  const categories = (f: AuthorizationDetailsRead): string[] =>
    (
      [
        ['users', f.users.length],
        ['groups', f.groups.length],
        ['roles', f.roles.length],
        ['customer-managed policies', f.policies.filter((p) => !p.value.awsManaged).length],
      ] as const
    )
      .filter(([, n]) => n > 0)
      .map(([c]) => c);
  for (let i = 1; i < complete.length; i++) {
    const later = complete[i];
    if (later === undefined) continue;
    const mine = new Set(categories(later));
    const earlier = complete.slice(0, i).find((f) => categories(f).some((c) => mine.has(c)));
    if (earlier === undefined) continue;
    const shared = categories(earlier).filter((c) => mine.has(c));
    problems.push({
      file: later.file,
      jsonPath: '',
      message: `account ${accountId} has two complete exports: this file and ${earlier.file} both list its ${shared.join(', ')} and neither is a truncated page (IsTruncated true or Marker)`,
      expected:
        'one get-account-authorization-details export per account (its pages are fine); move the other to another snapshot',
    });
  }
}

function names(files: AuthorizationDetailsRead[]): string {
  const all = files.map((f) => basename(f.file));
  return all.length > 5 ? `${all.slice(0, 5).join(', ')}, ...` : all.join(', ');
}

/**
 * Conflicting duplicates are counted per pair of files: two diverging exports
 * of a big account would otherwise produce one problem per role.
 */
class ConflictReport {
  private readonly pairs = new Map<
    string,
    { first: Located<unknown>; again: Located<unknown>; arn: string; what: string; count: number }
  >();
  constructor(private readonly problems: InputProblem[]) {}

  add(first: Located<unknown>, again: Located<unknown>, arn: string, what: string): void {
    const key = `${first.file}\u0000${again.file}`;
    const entry = this.pairs.get(key);
    if (entry === undefined) this.pairs.set(key, { first, again, arn, what, count: 1 });
    else entry.count++;
  }

  flush(): void {
    for (const { first, again, arn, what, count } of this.pairs.values()) {
      const where = first.file === again.file ? 'earlier in this file' : `in ${first.file}`;
      const more = count > 1 ? ` (and ${count - 1} more entries conflict the same way)` : '';
      this.problems.push({
        file: again.file,
        jsonPath: again.jsonPath,
        message: `${what} ${arn} also appears ${where} at ${first.jsonPath} with different content${more}; these look like two different exports of one account`,
        expected: 'each entity once per snapshot: one export per account, or the pages of one export',
      });
    }
  }
}

function dedupe<T extends { arn: string }>(
  items: Located<T>[],
  what: string,
  conflicts: ConflictReport,
): T[] {
  const seen = new Map<string, Located<T>>();
  for (const item of items) {
    const first = seen.get(item.value.arn);
    if (first === undefined) seen.set(item.value.arn, item);
    else if (stableStringify(first.value) !== stableStringify(item.value))
      conflicts.add(first, item, item.value.arn, what);
  }
  return [...seen.values()].map((l) => l.value);
}

/**
 * AWS-managed policies are global: every account's export repeats them. Copies
 * differ only when exports were taken at different times, so the most recently
 * updated copy wins and one warning per pair of files says so.
 */
function dedupeAwsManaged(items: Located<ManagedPolicy>[], warnings: InputProblem[]): ManagedPolicy[] {
  const kept = new Map<string, Located<ManagedPolicy>>();
  const differing = new Map<string, { file: string; other: string; count: number; example: string }>();
  for (const item of items) {
    const current = kept.get(item.value.arn);
    if (current === undefined) {
      kept.set(item.value.arn, item);
      continue;
    }
    if (policyContent(current.value) === policyContent(item.value)) continue;
    const key = `${current.file}\u0000${item.file}`;
    const entry = differing.get(key) ?? {
      file: item.file,
      other: current.file,
      count: 0,
      example: item.value.arn,
    };
    entry.count++;
    differing.set(key, entry);
    if (time(item.value.updateDate) > time(current.value.updateDate)) kept.set(item.value.arn, item);
  }
  for (const d of differing.values()) {
    warnings.push({
      file: d.file,
      jsonPath: 'Policies',
      message: `${d.count} AWS-managed ${d.count === 1 ? 'policy differs' : 'policies differ'} from the copy in ${d.other} (e.g. ${d.example}); the exports were probably taken at different times, and the most recently updated copy is used`,
    });
  }
  return [...kept.values()].map((l) => l.value);
}

/**
 * What makes two copies of an AWS-managed policy the same policy: its versions'
 * documents. Dates are left out (exports format them as "Z" or "+00:00"), and
 * so are AttachmentCount and PermissionsBoundaryUsageCount, which count
 * attachments in the exporting account only; the kept copy's counts are that
 * one account's.
 */
function policyContent(policy: ManagedPolicy): string {
  return stableStringify([
    policy.defaultVersionId,
    policy.versions.map((v) => [v.versionId, v.isDefaultVersion, v.document]),
  ]);
}

function time(date: string | undefined): number {
  const parsed = date === undefined ? NaN : Date.parse(date);
  return Number.isNaN(parsed) ? -Infinity : parsed;
}

/** A profile is listed under each role it holds; merge rather than compare, since the nesting repeats it. */
function mergeInstanceProfiles(items: Located<InstanceProfile>[]): InstanceProfile[] {
  const byArn = new Map<string, InstanceProfile>();
  for (const { value } of items) {
    const current = byArn.get(value.arn);
    if (current === undefined) byArn.set(value.arn, { ...value, roleArns: [...value.roleArns] });
    else for (const arn of value.roleArns) if (!current.roleArns.includes(arn)) current.roleArns.push(arn);
  }
  return [...byArn.values()];
}

/**
 * Resources of several files: the same ARN in two files (two collections of
 * one account, or a hand-written file beside a collected one) is read once,
 * from the first file, with a warning.
 */
export function mergeResources(reads: readonly ResourcesRead[], warnings: InputProblem[]): Resource[] {
  const byArn = new Map<string, Located<Resource>>();
  for (const read of reads) {
    for (const r of read.resources) {
      const first = byArn.get(r.value.arn);
      if (first === undefined) byArn.set(r.value.arn, r);
      else
        warnings.push({
          file: r.file,
          jsonPath: childPath(r.jsonPath, 'arn'),
          message: `${r.value.arn} is also in ${first.file} at ${first.jsonPath}; that entry is read, this one ignored`,
        });
    }
  }
  return [...byArn.values()].map((r) => r.value);
}
