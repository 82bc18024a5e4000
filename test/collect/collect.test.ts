/**
 * `iamatlas collect` run as a user runs it, with the real AWS SDK (its HTTP
 * stack, Signature Version 4 signing and adaptive retry) against a local
 * endpoint that speaks the AWS wire protocols and serves the demo
 * organization. Responses and errors follow the API references cited in
 * test/collect/fake-aws/.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectFixture, folderText, readJson, type CollectFixture, type ManifestJson } from './harness.ts';
import { demoWorld } from './fake-aws/world.ts';

const ACCOUNTS = [...demoWorld().accounts.keys()];

let fx: CollectFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const manifestOf = (f: CollectFixture) => readJson<ManifestJson>(path.join(f.out, 'manifest.json'));
const statusOf = (m: ManifestJson) => Object.fromEntries(m.accounts.map((a) => [a.accountId, a.status]));

describe('a whole organization', () => {
  it('collects every page of every account, read-only, and writes no credential to files or logs', async () => {
    fx = await collectFixture();
    const r = await fx.run([]);
    expect(r.code, r.stderr).toBe(0);
    const manifest = await manifestOf(fx);
    expect(statusOf(manifest)).toEqual(Object.fromEntries(ACCOUNTS.map((a) => [a, 'ok'])));

    // IsTruncated/Marker: the fake serves 7 entries a page, so 333333333333 takes several calls.
    const pages = fx.fake.calls.filter(
      (c) => c.action === 'GetAccountAuthorizationDetails' && c.account === '333333333333',
    );
    expect(pages.length).toBeGreaterThan(2);
    const demo = demoWorld().accounts.get('333333333333')!.details;
    const got = await readJson<typeof demo>(path.join(fx.out, '333333333333.json'));
    expect(got.RoleDetailList.map((x) => x['Arn'])).toEqual(demo.RoleDetailList.map((x) => x['Arn']));
    expect(got.Policies).toHaveLength(demo.Policies.length);
    // NextToken: two entries a page, so the root's accounts and the policy lists take several calls.
    expect(fx.fake.calls.filter((c) => c.action === 'ListPolicies').length).toBeGreaterThan(2);
    const org = await readJson<{ accounts: unknown[]; policies: unknown[] }>(
      path.join(fx.out, 'organization.json'),
    );
    expect(org.accounts).toHaveLength(7);
    expect(org.policies).toHaveLength(7);

    // Identity Center in the management account: permission sets, assignments, users, groups, memberships.
    const ic = await readJson<{ Instances: Record<string, unknown[]>[] }>(
      path.join(fx.out, '111111111111.identity-center.json'),
    );
    const instance = ic.Instances[0]!;
    expect(instance['PermissionSets']).toHaveLength(2);
    expect(instance['AccountAssignments']).toHaveLength(5);
    expect(instance['Users']).toHaveLength(3);
    expect(instance['Groups']).toHaveLength(2);
    expect(instance['GroupMemberships']).toHaveLength(3);
    expect((await readdir(fx.out)).filter((f) => f.endsWith('.identity-center.json'))).toEqual([
      '111111111111.identity-center.json',
    ]);

    // Nothing it calls writes to AWS. GenerateCredentialReport only asks IAM to prepare the
    // report; its access level is Read in the Service Authorization Reference
    // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html).
    const actions = new Set(fx.fake.calls.map((c) => c.action));
    for (const a of actions) expect(a).toMatch(/^(Get|List|Describe|AssumeRole$|GenerateCredentialReport$)/);
    expect(actions).toContain('GetCredentialReport');
    expect((await readdir(fx.out)).filter((f) => f.endsWith('.credential-report.json'))).toHaveLength(7);
    // Member accounts are read with the assumed role's credentials, not the caller's.
    const memberKeys = new Set(
      fx.fake.calls
        .filter((c) => c.service === 'iam' && c.account !== '111111111111')
        .map((c) => c.accessKeyId),
    );
    expect([...memberKeys].every((k) => k.startsWith('ASIA'))).toBe(true);

    // No secret key or session token anywhere a person or a file would keep it.
    const files = [...(await folderText(fx.out)).values()].join('\n');
    for (const secret of fx.fake.secrets()) {
      expect(files).not.toContain(secret);
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
    for (const key of new Set(fx.fake.calls.map((c) => c.accessKeyId))) expect(files).not.toContain(key);
    // Plain progress lines without a terminal.
    expect(r.stderr).toMatch(/222222222222 \(security-audit\): ok, \d+ API calls/);
  });
});

describe('failures', () => {
  it('without credentials says where it looked and what to set, and creates nothing', async () => {
    fx = await collectFixture();
    const r = await fx.run([], { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No usable AWS credentials from the default credential chain/);
    expect(r.stderr).toMatch(/Pass --profile NAME/);
    await expect(readdir(fx.out)).rejects.toThrow(/ENOENT/);
    expect(fx.fake.calls).toEqual([]);
  });

  it('retries throttling (IAM "Throttling", Organizations "TooManyRequestsException", SSO "ThrottlingException") and 500s until it succeeds', async () => {
    fx = await collectFixture({
      faults: {
        throttle: { GetAccountAuthorizationDetails: 3, ListRoots: 2, ListPermissionSets: 1 },
        serverError: { ListAccountsForParent: 2, ListSAMLProviders: 1 },
      },
    });
    const r = await fx.run(['--concurrency', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.values(statusOf(await manifestOf(fx)))).toEqual(ACCOUNTS.map(() => 'ok'));
    expect(fx.fake.calls.filter((c) => c.action === 'ListRoots')).toHaveLength(3);
    // 5xx answers are retried too.
    const org = await readJson<{ accounts: unknown[] }>(path.join(fx.out, 'organization.json'));
    expect(org.accounts).toHaveLength(7);
  });

  it('records AccessDenied on one account’s AssumeRole, goes on with the others, and exits 6', async () => {
    fx = await collectFixture({ faults: { denyAssumeRole: ['444444444444'] } });
    const r = await fx.run([]);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('444444444444');
    expect(r.stderr).toContain('AccessDenied');
    expect(r.stderr).toContain('arn:aws:iam::444444444444:role/OrganizationAccountAccessRole');
    const m = await manifestOf(fx);
    const failed = m.accounts.find((a) => a.accountId === '444444444444')!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/AssumeRole: AccessDenied/);
    expect(m.accounts.filter((a) => a.status === 'ok')).toHaveLength(6);
    expect(await readdir(fx.out)).not.toContain('444444444444.json');
  });

  it('records a Region where STS is not active for one account (RegionDisabledException) with what to do', async () => {
    fx = await collectFixture({ faults: { regionDisabled: ['555555555555'] } });
    const r = await fx.run(['--region', 'ap-east-1']);
    expect(r.code).toBe(6);
    const failed = (await manifestOf(fx)).accounts.find((a) => a.accountId === '555555555555')!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('RegionDisabledException');
    expect(failed.error).toContain('--region');
    expect(r.stderr).toContain('ap-east-1');
  });

  it('collects an account whose Identity Center Region is not enabled (opt-in Region), noting it', async () => {
    fx = await collectFixture({ faults: { regionNotEnabledForIdentityCenter: ['666666666666'] } });
    const r = await fx.run([]);
    expect(r.code, r.stderr).toBe(0);
    const entry = (await manifestOf(fx)).accounts.find((a) => a.accountId === '666666666666')!;
    expect(entry.status).toBe('ok');
    expect(entry.notes?.join()).toMatch(/Identity Center not read: UnrecognizedClientException/);
  });

  it('assumes the role again when its session token has expired (ExpiredToken) and completes the account', async () => {
    fx = await collectFixture({ faults: { expireFirstSession: ['222222222222'] } });
    const r = await fx.run([]);
    expect(r.code, r.stderr).toBe(0);
    expect(statusOf(await manifestOf(fx))['222222222222']).toBe('ok');
    expect(
      fx.fake.calls.filter((c) => c.action === 'AssumeRole' && c.account === '111111111111'),
    ).toHaveLength(ACCOUNTS.length);
  });

  it('stops when the caller’s own credentials expire, says how to renew them, and resumes where it stopped', async () => {
    fx = await collectFixture({ faults: { callerExpiresAfterAssumes: 3 } });
    const r = await fx.run(['--concurrency', '1']);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/credentials have expired/);
    expect(r.stderr).toMatch(/run the same command again/);
    const first = await manifestOf(fx);
    const done = first.accounts.filter((a) => a.status === 'ok').map((a) => a.accountId);
    expect(done.length).toBeGreaterThan(0);
    expect(first.accounts.some((a) => a.status === 'skipped')).toBe(true);

    // The same command once the credentials are renewed: the accounts done are not read again.
    await fx.restart();
    const r2 = await fx.run([]);
    expect(r2.code, r2.stderr).toBe(0);
    const read = new Set(fx.fake.calls.filter((c) => c.service === 'iam').map((c) => c.account));
    for (const id of done) expect(read.has(id), id).toBe(false);
    expect(read.size).toBe(ACCOUNTS.length - done.length);
    expect(Object.values(statusOf(await manifestOf(fx)))).toEqual(ACCOUNTS.map(() => 'ok'));
  });

  it('without Organizations access collects the caller’s account alone and says so', async () => {
    fx = await collectFixture({ faults: { callerAccount: '222222222222' } });
    const r = await fx.run([]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /Organization not read: no access to AWS Organizations' structure \(AccessDeniedException/,
    );
    expect(r.stderr).toMatch(/the caller's account 222222222222 alone/);
    const m = await manifestOf(fx);
    expect(m.organization).toBeNull();
    expect(m.accounts.map((a) => [a.accountId, a.status])).toEqual([['222222222222', 'ok']]);
    expect(await readdir(fx.out)).not.toContain('organization.json');
    expect(fx.fake.calls.some((c) => c.action === 'AssumeRole')).toBe(false);
  });
});

describe('resume and atomic files', () => {
  it('skips accounts already complete in --out unless --refresh', async () => {
    fx = await collectFixture();
    expect((await fx.run([])).code).toBe(0);
    const afterFirst = fx.fake.calls.length;
    const second = await fx.run([]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/7 account\(s\) already collected .* are kept/);
    const secondCalls = fx.fake.calls.slice(afterFirst);
    expect(secondCalls.filter((c) => c.service === 'iam' || c.action === 'AssumeRole')).toEqual([]);
    const m = await manifestOf(fx);
    expect(m.accounts.every((a) => a.status === 'ok' && a.collectedEarlier)).toBe(true);

    const beforeRefresh = fx.fake.calls.length;
    expect((await fx.run(['--refresh'])).code).toBe(0);
    const refreshed = fx.fake.calls.slice(beforeRefresh);
    expect(new Set(refreshed.filter((c) => c.service === 'iam').map((c) => c.account)).size).toBe(7);
  });

  it('a file that cannot be written fails its account and leaves no partial or temporary file', async () => {
    fx = await collectFixture();
    // A folder where the account's authorization details would go: the rename into place fails.
    await mkdir(path.join(fx.out, '777777777777.json'), { recursive: true });
    const r = await fx.run([]);
    expect(r.code).toBe(6);
    const failed = (await manifestOf(fx)).accounts.find((a) => a.accountId === '777777777777')!;
    expect(failed.error).toMatch(/^write: /);
    expect((await readdir(fx.out)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a killed run leaves only whole files, and the next run finishes the job', async () => {
    fx = await collectFixture({ latencyMs: 40 });
    const { spawn } = await import('node:child_process');
    const { iamatlasBin } = await import('../harness/cli.ts');
    const child = spawn(process.execPath, [iamatlasBin, 'collect', '--out', fx.out, '--concurrency', '2'], {
      env: fx.env(),
    });
    // Kill it outright once some account files exist.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        void readdir(fx!.out)
          .catch(() => [] as string[])
          .then((names) => {
            if (names.filter((n) => /^\d{12}\.json$/.test(n)).length >= 2) {
              clearInterval(timer);
              child.kill('SIGKILL');
              resolve();
            }
          });
      }, 20);
    });
    await new Promise((resolve) => child.on('close', resolve));
    for (const [name, text] of await folderText(fx.out))
      if (!name.startsWith('.')) expect(() => JSON.parse(text), name).not.toThrow();
    const r = await fx.run([]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.values(statusOf(await manifestOf(fx)))).toEqual(ACCOUNTS.map(() => 'ok'));
    expect((await readdir(fx.out)).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
