import { describe, it, expect } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANALYSED_RESOURCE_TYPES } from '../engine/resources/model.ts';
import { generateOrganization, writeOrganization, planOrganization } from './generate.ts';

type Json = Record<string, unknown>;
type Details = {
  UserDetailList: Json[];
  GroupDetailList: Json[];
  RoleDetailList: Json[];
  Policies: Json[];
  IsTruncated: boolean;
};

const ACCOUNT_FILE = /^(\d{12})(\.page\d+)?\.json$/;
const ID = (prefix: string) => new RegExp(`^${prefix}[A-Z2-7]{17}$`);
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/[\w+=,.@-]+)*\/[\w+=,.@-]+$/;
const USER_ARN = /^arn:aws:iam::(\d{12}):user(\/[\w+=,.@-]+)*\/[\w+=,.@-]+$/;
const GROUP_ARN = /^arn:aws:iam::(\d{12}):group\/[\w+=,.@-]+$/;
const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy(\/[\w+=,.@-]+)*\/[\w+=,.@-]+$/;
const AWS_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/;

function accountDetails(files: Map<string, unknown>): Map<string, Details[]> {
  const out = new Map<string, Details[]>();
  for (const [name, content] of files) {
    const m = ACCOUNT_FILE.exec(name);
    if (!m) continue;
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), content as Details]);
  }
  return out;
}

const all = <K extends keyof Details>(pages: Details[], key: K) => pages.flatMap((p) => p[key] as Json[]);

describe('generateOrganization', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateOrganization({ roles: 300, seed: 7 });
    const b = generateOrganization({ roles: 300, seed: 7 });
    const c = generateOrganization({ roles: 300, seed: 8 });
    expect(JSON.stringify([...a])).toBe(JSON.stringify([...b]));
    expect(JSON.stringify([...a])).not.toBe(JSON.stringify([...c]));
  });

  it('produces the requested number of roles and accounts', () => {
    for (const [opts, accounts] of [
      [{ roles: 1234, seed: 3 }, 3],
      [{ roles: 2600, seed: 3 }, 6],
      [{ roles: 50, accounts: 7, seed: 3 }, 7],
    ] as const) {
      const files = generateOrganization(opts);
      const details = accountDetails(files);
      expect(details.size).toBe(accounts);
      const roles = [...details.values()].reduce((n, pages) => n + all(pages, 'RoleDetailList').length, 0);
      expect(roles).toBe(opts.roles);
      const org = files.get('organization.json') as { accounts: { id: string }[] };
      expect(org.accounts.map((x) => x.id).sort()).toEqual([...details.keys()].sort());
      for (const id of details.keys()) {
        expect(files.has(`${id}.saml-providers.json`)).toBe(true);
        expect(files.has(`${id}.oidc-providers.json`)).toBe(true);
      }
    }
  });

  it('has about one user per four roles', () => {
    const details = accountDetails(generateOrganization({ roles: 2000, seed: 11 }));
    const users = [...details.values()].reduce((n, pages) => n + all(pages, 'UserDetailList').length, 0);
    expect(users).toBeGreaterThanOrEqual(450);
    expect(users).toBeLessThanOrEqual(550);
  });

  it('writes well-formed, unique ARNs and ids that agree with their account', () => {
    const files = generateOrganization({ roles: 1500, seed: 5 });
    const seen = new Set<string>();
    const unique = (v: unknown) => {
      expect(seen.has(String(v)), `duplicate ${String(v)}`).toBe(false);
      seen.add(String(v));
    };
    for (const [acct, pages] of accountDetails(files)) {
      for (const u of all(pages, 'UserDetailList')) {
        expect(u.Arn).toMatch(USER_ARN);
        expect(USER_ARN.exec(String(u.Arn))![1]).toBe(acct);
        expect(u.UserId).toMatch(ID('AIDA'));
        expect(u.CreateDate).toMatch(AWS_DATE);
        unique(u.Arn);
        unique(u.UserId);
      }
      for (const g of all(pages, 'GroupDetailList')) {
        expect(g.Arn).toMatch(GROUP_ARN);
        expect(g.GroupId).toMatch(ID('AGPA'));
        unique(g.GroupId);
      }
      for (const r of all(pages, 'RoleDetailList')) {
        expect(r.Arn).toMatch(ROLE_ARN);
        expect(ROLE_ARN.exec(String(r.Arn))![1]).toBe(acct);
        expect(r.RoleId).toMatch(ID('AROA'));
        expect(r.Arn).toBe(`arn:aws:iam::${acct}:role${String(r.Path)}${String(r.RoleName)}`);
        unique(r.Arn);
        unique(r.RoleId);
        for (const p of r.InstanceProfileList as Json[]) {
          expect(p.InstanceProfileId).toMatch(ID('AIPA'));
          unique(p.InstanceProfileId);
        }
      }
      const policyArns = new Set(all(pages, 'Policies').map((p) => String(p.Arn)));
      for (const p of all(pages, 'Policies')) {
        expect(p.Arn).toMatch(POLICY_ARN);
        expect(p.PolicyId).toMatch(ID('ANPA'));
        const versions = p.PolicyVersionList as Json[];
        expect(versions.filter((v) => v.IsDefaultVersion).map((v) => v.VersionId)).toEqual([
          p.DefaultVersionId,
        ]);
      }
      // Every attached managed policy is described in the same account's Policies.
      for (const e of [
        ...all(pages, 'UserDetailList'),
        ...all(pages, 'GroupDetailList'),
        ...all(pages, 'RoleDetailList'),
      ])
        for (const m of e.AttachedManagedPolicies as { PolicyArn: string }[])
          expect(policyArns).toContain(m.PolicyArn);
    }
  });

  it('names only existing roles when a trust policy names a role of the organization', () => {
    const files = generateOrganization({ roles: 1200, seed: 9 });
    const details = accountDetails(files);
    const roleArns = new Set(
      [...details.values()].flatMap((pages) => all(pages, 'RoleDetailList').map((r) => String(r.Arn))),
    );
    const orgAccounts = new Set(details.keys());
    let named = 0;
    let crossAccount = 0;
    for (const [acct, pages] of details)
      for (const r of all(pages, 'RoleDetailList')) {
        const statements = (
          r.AssumeRolePolicyDocument as { Statement: { Principal: { AWS?: string | string[] } }[] }
        ).Statement;
        for (const s of statements)
          for (const p of [s.Principal.AWS ?? []].flat()) {
            const m = /^arn:aws:iam::(\d{12}):role\//.exec(p);
            if (!m || !orgAccounts.has(m[1]!)) continue;
            named++;
            if (m[1] !== acct) crossAccount++;
            expect(roleArns).toContain(p);
          }
      }
    expect(named).toBeGreaterThan(100);
    expect(crossAccount).toBeGreaterThan(50);
  });

  it('includes SAML and OIDC federation, conditions and an organization in the documented shape', () => {
    const files = generateOrganization({ roles: 3000, seed: 2 });
    const text = JSON.stringify([...files]);
    for (const needle of [
      'sts:AssumeRoleWithSAML',
      'sts:AssumeRoleWithWebIdentity',
      'aws:MultiFactorAuthPresent',
      'sts:ExternalId',
      'ec2.amazonaws.com',
      'lambda.amazonaws.com',
      ':root"',
    ])
      expect(text).toContain(needle);
    const org = files.get('organization.json') as Json;
    expect(org.organizationId).toMatch(/^o-[a-z0-9]{10,32}$/);
    expect(org.managementAccountId).toMatch(/^\d{12}$/);
    const policies = org.policies as { type: string; targets: string[] }[];
    expect(policies.map((p) => p.type)).toContain('RESOURCE_CONTROL_POLICY');
    expect(
      policies.every((p) => p.type === 'SERVICE_CONTROL_POLICY' || p.type === 'RESOURCE_CONTROL_POLICY'),
    ).toBe(true);
  });

  it('rejects impossible requests with a clear message', () => {
    expect(() => planOrganization({ roles: 0 })).toThrow(/roles must be a positive integer/);
    expect(() => planOrganization({ roles: 10, accounts: 0 })).toThrow(/accounts must be a positive integer/);
  });
});

describe('writeOrganization', () => {
  it('writes the same content as generateOrganization, paged when asked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iamatlas-gen-'));
    try {
      const opts = { roles: 400, accounts: 3, seed: 4, pageSize: 50 };
      const summary = await writeOrganization(dir, opts);
      const names = (await readdir(dir)).sort();
      const expected = generateOrganization(opts);
      expect(names).toEqual([...expected.keys()].sort());
      expect(summary.roles).toBe(400);
      expect(names.some((n) => n.endsWith('.page2.json'))).toBe(true);
      for (const n of names)
        expect(JSON.parse(await readFile(join(dir, n), 'utf8'))).toEqual(expected.get(n));
      const first = expected.get(names.find((n) => n.endsWith('.page1.json'))!) as Details & {
        Marker?: string;
      };
      expect(first.IsTruncated).toBe(true);
      expect(first.Marker).toBeTruthy();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('generated resources', () => {
  it('writes N resources per account that the reader takes without a warning, Lambda roles among the generated ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'iamatlas-genres-'));
    try {
      await writeOrganization(dir, { roles: 300, accounts: 5, seed: 3, resourcesPerAccount: 14 });
      const names = (await readdir(dir)).filter((n) => n.endsWith('.resources.json'));
      expect(names).toHaveLength(5);
      const { readSnapshot } = await import('../ingest/read/index.ts');
      const { model, warnings } = await readSnapshot([dir]);
      expect(warnings).toEqual([]);
      expect(model.resources).toHaveLength(70);
      expect(new Set(model.resources!.map((r) => r.type))).toEqual(new Set(ANALYSED_RESOURCE_TYPES));
      const roles = new Set(model.roles.map((r) => r.arn));
      for (const fn of model.resources!.filter((r) => r.type === 'lambda-function'))
        expect(roles.has(fn.settings.roleArn!)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('adds no resources file unless asked', () => {
    const files = generateOrganization({ roles: 50, accounts: 3, seed: 1 });
    expect([...files.keys()].filter((n) => n.endsWith('.resources.json'))).toEqual([]);
  });
});
