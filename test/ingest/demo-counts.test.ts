/**
 * `iamatlas ingest test/fixtures/demo-org --json` reports what the files hold,
 * and the graph holds it: checked against a count made here straight from the
 * files, without the readers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotGraphCounts } from '../../ingest/load/snapshots.ts';
import { projectRoot } from '../../db/paths.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const doc = (v: unknown): Obj => (typeof v === 'string' ? JSON.parse(decodeURIComponent(v)) : (v as Obj));

/** Counts straight from the JSON files: the test's own reading of AWS's formats. */
function countFiles() {
  const users = new Set<string>();
  const groups = new Set<string>();
  const roles = new Map<string, Obj>();
  const managed = new Set<string>();
  const instanceProfiles = new Set<string>();
  const providers = new Set<string>();
  let inline = 0;
  let memberships = 0;
  let attachments = 0;
  let boundaries = 0;
  const inlineSeen = new Set<string>();
  let org: Obj | undefined;
  for (const f of fs.readdirSync(DEMO)) {
    if (!f.endsWith('.json')) continue;
    const j = JSON.parse(fs.readFileSync(path.join(DEMO, f), 'utf8')) as Obj;
    if ('organizationId' in j) org = j;
    for (const p of list(j.SAMLProviderList)) providers.add(String(p.Arn));
    for (const p of list(j.OpenIDConnectProviderList)) providers.add(String(p.Arn));
    const entities: [Obj[], Set<string> | Map<string, Obj>, string][] = [
      [list(j.UserDetailList), users, 'UserPolicyList'],
      [list(j.GroupDetailList), groups, 'GroupPolicyList'],
      [list(j.RoleDetailList), roles, 'RolePolicyList'],
    ];
    for (const [items, seen, inlineKey] of entities) {
      for (const e of items) {
        const arn = String(e.Arn);
        if (seen.has(arn)) continue; // the same entity on two pages counts once
        if (seen instanceof Map) seen.set(arn, e);
        else seen.add(arn);
        for (const p of list(e[inlineKey])) {
          inlineSeen.add(`${arn}/${String(p.PolicyName)}`);
          inline++;
        }
        attachments += list(e.AttachedManagedPolicies).length;
        memberships += list(e.GroupList).length;
        if (e.PermissionsBoundary) boundaries++;
        for (const ip of list(e.InstanceProfileList)) instanceProfiles.add(String(ip.Arn));
      }
    }
    for (const p of list(j.Policies)) managed.add(String(p.Arn));
  }
  let trustPrincipals = 0;
  for (const r of roles.values()) {
    const d = doc(r.AssumeRolePolicyDocument);
    const sts = Array.isArray(d.Statement) ? (d.Statement as Obj[]) : [d.Statement as Obj];
    for (const s of sts) {
      const p = s.Principal ?? s.NotPrincipal;
      if (p === '*') trustPrincipals++;
      else for (const v of Object.values(p as Obj)) trustPrincipals += Array.isArray(v) ? v.length : 1;
    }
  }
  const o = org ?? {};
  return {
    users: users.size,
    groups: groups.size,
    roles: roles.size,
    managed: managed.size,
    inline,
    memberships,
    attachments,
    boundaries,
    instanceProfiles: instanceProfiles.size,
    providers: providers.size,
    ous: list(o.organizationalUnits).length,
    roots: list(o.roots).length,
    orgAccounts: list(o.accounts).length,
    orgPolicies: list(o.policies).length,
    orgTargets: list(o.policies).reduce((n, p) => n + list(p.targets).length, 0),
    trustPrincipals,
  };
}

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

describe('ingest of the demo organization', () => {
  it('reports and loads exactly what the files hold', async () => {
    const expected = countFiles();
    expect(expected.users + expected.roles).toBeGreaterThanOrEqual(80);
    expect(expected.users + expected.roles).toBeLessThanOrEqual(200);

    const run = await runCli(['ingest', DEMO, '--json', '--name', 'demo-counts'], cliEnv());
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      snapshotId: string;
      input: Record<string, number>;
      warnings: unknown[];
      danglingRelationships: number;
    };
    db.track(out.snapshotId);
    expect(out.snapshotId).toMatch(/^snap-/);
    expect(out.warnings).toEqual([]);
    expect(out.danglingRelationships).toBe(0);
    expect(out.input).toMatchObject({
      users: expected.users,
      groups: expected.groups,
      roles: expected.roles,
      managedPolicies: expected.managed,
      inlinePolicies: expected.inline,
      instanceProfiles: expected.instanceProfiles,
      identityProviders: expected.providers,
      organizationalUnits: expected.ous,
      organizationPolicies: expected.orgPolicies,
    });

    const g = await snapshotGraphCounts(db.driver, out.snapshotId);
    expect(g.nodes.User).toBe(expected.users);
    expect(g.nodes.Group).toBe(expected.groups);
    expect(g.nodes.Role).toBe(expected.roles);
    expect(g.nodes.InstanceProfile).toBe(expected.instanceProfiles);
    expect(g.nodes.OrganizationalUnit).toBe(expected.ous + expected.roots);
    expect(g.nodes.Policy).toBe(expected.managed + expected.inline + expected.orgPolicies);
    expect(g.relationships.MEMBER_OF).toBe(expected.memberships);
    expect(g.relationships.HAS_POLICY).toBe(expected.attachments + expected.inline);
    expect(g.relationships.HAS_BOUNDARY).toBe(expected.boundaries);
    expect(g.relationships.APPLIES_TO).toBe(expected.orgTargets);
    expect(g.relationships.TRUSTS).toBe(expected.trustPrincipals);
    expect(g.nodes.Account).toBeGreaterThanOrEqual(expected.orgAccounts);
  });
});
