/**
 * Which accounts `collect` reads from the organization it found: --ou takes
 * every account under the OU (child OUs included), --accounts only those
 * named, accounts that are not ACTIVE are skipped with the reason, and a name
 * that matches nothing is refused before any account is read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { OrganizationFile } from '../../collect/organization.ts';
import { selectAccounts } from '../../collect/targets.ts';

const demo = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'demo-org', 'organization.json'), 'utf8'),
) as OrganizationFile;
const ids = (r: ReturnType<typeof selectAccounts>) => r.jobs.map((j) => j.accountId).sort();

it('--ou takes the accounts under the OU and its child OUs; a root id takes them all', () => {
  // Workloads (ou-a7l5-5tz4c1vb) holds Prod and NonProd, which hold 444444444444, 555555555555 and 666666666666.
  expect(ids(selectAccounts(demo, { ou: 'ou-a7l5-5tz4c1vb' }))).toEqual([
    '444444444444',
    '555555555555',
    '666666666666',
  ]);
  expect(ids(selectAccounts(demo, { ou: 'ou-a7l5-2hg7m9re' }))).toEqual(['444444444444']);
  expect(selectAccounts(demo, { ou: 'r-a7l5' }).jobs).toHaveLength(7);
});

it('--accounts takes only those named', () => {
  expect(ids(selectAccounts(demo, { accounts: ['333333333333', '111111111111'] }))).toEqual([
    '111111111111',
    '333333333333',
  ]);
});

it('refuses an OU or an account the organization does not have, naming it', () => {
  expect(() => selectAccounts(demo, { ou: 'ou-a7l5-00000000' })).toThrow(/--ou ou-a7l5-00000000: no such OU/);
  expect(() => selectAccounts(demo, { accounts: ['999999999999'] })).toThrow(
    /--accounts: 999999999999 not in organization o-a7l5k2m9qx/,
  );
});

it('skips a suspended account with the reason', () => {
  const org = {
    ...demo,
    accounts: demo.accounts.map((a) => (a.id === '777777777777' ? { ...a, status: 'SUSPENDED' } : a)),
  };
  const r = selectAccounts(org, {});
  expect(r.jobs).toHaveLength(6);
  expect(r.skipped).toEqual([
    expect.objectContaining({
      accountId: '777777777777',
      status: 'skipped',
      reason: 'the account is SUSPENDED, not ACTIVE',
    }),
  ]);
});
