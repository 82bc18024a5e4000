/**
 * The organization overview and the account × account trust matrix (query/org-overview.ts)
 * against the real database, on the demo organization and on a generated one (40 accounts,
 * 2,000 roles): every aggregate equals the count taken independently from the snapshot's model
 * and the trust analysis's edges (engine/trust), as ingest derives them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrganization } from '../../bench/generate.ts';
import { projectRoot } from '../../db/paths.ts';
import type { SnapshotModel } from '../../engine/model.ts';
import { analyseTrust } from '../../engine/trust/index.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { readSnapshot } from '../../ingest/read/index.ts';
import { orgOverview, trustBetween, trustMatrix } from '../../query/org-overview.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';

const DEMO = path.join(projectRoot, 'test', 'fixtures', 'demo-org');
let db: TestDb;
let generatedDir: string;
const loaded: Record<string, { dir: string; snapshotId: string }> = {};

beforeAll(async () => {
  db = await openTestDb();
  generatedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-org-overview-'));
  await writeOrganization(generatedDir, { roles: 2000, accounts: 40, seed: 18 });
  for (const [name, dir] of [
    ['the demo organization', DEMO],
    ['a generated organization', generatedDir],
  ] as const) {
    const { snapshotId } = await ingestPaths(db.driver, [dir], { name: `org-overview ${name}` });
    db.track(snapshotId);
    loaded[name] = { dir, snapshotId };
  }
}, 600_000);
afterAll(async () => {
  fs.rmSync(generatedDir, { recursive: true, force: true });
  await db.close();
});

const accountOfArn = (arn: string) => /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];

interface Expected {
  model: SnapshotModel;
  org: Set<string>;
  /** "from|to" -> edges and distinct roles, callers and targets as account ids or outside groups. */
  pairs: Map<string, { edges: number; roles: Set<string> }>;
  /** OU id -> the accounts in its subtree. */
  subtree: Map<string, Set<string>>;
}

/** The counts, taken from the model and the trust analysis without the query layer. */
async function expected(dir: string, dropKey?: string): Promise<Expected> {
  const { model } = await readSnapshot([dir]);
  const org = new Set(model.accounts.filter((a) => a.inOrganization).map((a) => a.id));
  const roleAccount = new Map(model.roles.map((r) => [r.arn, r.accountId]));
  const pairs = new Map<string, { edges: number; roles: Set<string> }>();
  for (const e of analyseTrust(model).edges) {
    if (dropKey && e.conditions.some((c) => c.key.toLowerCase() === dropKey)) continue;
    const to = roleAccount.get(e.to);
    if (!to || !org.has(to)) continue;
    const acct =
      e.fromKind === 'Account'
        ? e.from
        : e.fromKind === 'User' || e.fromKind === 'Role' || e.fromKind === 'ExternalPrincipal'
          ? accountOfArn(e.from)
          : undefined;
    const from =
      e.fromKind === 'ServicePrincipal'
        ? 'outside:aws-services'
        : e.fromKind === 'IdentityProvider'
          ? 'outside:identity-providers'
          : e.fromKind === 'Anyone'
            ? 'outside:anyone'
            : acct && org.has(acct)
              ? acct
              : 'outside:accounts';
    if (from === to) continue;
    const k = `${from}|${to}`;
    const p = pairs.get(k) ?? { edges: 0, roles: new Set<string>() };
    p.edges++;
    p.roles.add(e.to);
    pairs.set(k, p);
  }
  const subtree = new Map<string, Set<string>>();
  const parents = new Map<string, string>(
    (model.organization?.organizationalUnits ?? []).map((u) => [u.id, u.parentId]),
  );
  for (const a of model.accounts)
    for (let ou = a.parentId; ou && a.inOrganization; ou = parents.get(ou))
      subtree.set(ou, new Set([...(subtree.get(ou) ?? []), a.id]));
  return { model, org, pairs, subtree };
}

describe.each(['the demo organization', 'a generated organization'])('%s', (name) => {
  let x: Expected;
  beforeAll(async () => {
    x = await expected(loaded[name]!.dir);
  });

  it('matrix cells: edges and distinct roles per caller account and target account', async () => {
    const m = await trustMatrix(db.driver, loaded[name]!.snapshotId, {});
    expect(m.accounts.map((a) => a.id).sort()).toEqual([...x.org].sort());
    const got = Object.fromEntries(m.cells.map((c) => [`${c.from}|${c.to}`, [c.edgeCount, c.roleCount]]));
    const want = Object.fromEntries([...x.pairs].map(([k, p]) => [k, [p.edges, p.roles.size]]));
    expect(Object.keys(want).length).toBeGreaterThan(3);
    expect(got).toEqual(want);
    for (const a of m.accounts)
      expect(a.roleCount).toBe(x.model.roles.filter((r) => r.accountId === a.id).length);
  });

  it('under an assumption, the cells are counted again without the edges it drops', async () => {
    // ExternalId not known: edges that need sts:ExternalId drop out (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html).
    const without = await expected(loaded[name]!.dir, 'sts:externalid');
    const m = await trustMatrix(db.driver, loaded[name]!.snapshotId, { assumptions: { externalId: false } });
    const got = Object.fromEntries(m.cells.map((c) => [`${c.from}|${c.to}`, [c.edgeCount, c.roleCount]]));
    const want = Object.fromEntries([...without.pairs].map(([k, p]) => [k, [p.edges, p.roles.size]]));
    expect(got).toEqual(want);
  });

  it('one cell opens the edges behind it', async () => {
    const m = await trustMatrix(db.driver, loaded[name]!.snapshotId, {});
    const cell = [...m.cells].sort((a, b) => b.edgeCount - a.edgeCount)[0]!;
    const edges = await trustBetween(
      db.driver,
      loaded[name]!.snapshotId,
      { from: cell.from, to: cell.to },
      { offset: 0, limit: 1000 },
    );
    expect(edges).toHaveLength(cell.edgeCount);
    expect(new Set(edges.map((e) => e.to.key)).size).toBe(cell.roleCount);
    expect(edges.every((e) => e.to.accountId === cell.to)).toBe(true);
  });

  it('OUs carry the counts of their subtree; collapsed, trust adds up between OUs', async () => {
    const o = await orgOverview(db.driver, loaded[name]!.snapshotId, {});
    expect(o.accountCount).toBe(x.org.size);
    const ous = o.units.filter((u) => u.kind === 'OU');
    expect(ous.length).toBeGreaterThan(1);
    for (const u of ous) {
      const accts = x.subtree.get(u.id) ?? new Set<string>();
      expect(u.accountCount, u.name).toBe(accts.size);
      expect(u.roleCount, u.name).toBe(x.model.roles.filter((r) => accts.has(r.accountId)).length);
      let trustIn = 0;
      let trustOut = 0;
      for (const [k, p] of x.pairs) {
        const [from, to] = k.split('|') as [string, string];
        if (accts.has(to) && !accts.has(from)) trustIn += p.edges;
        if (accts.has(from) && !accts.has(to)) trustOut += p.edges;
      }
      expect([u.name, u.trustIn, u.trustOut]).toEqual([u.name, trustIn, trustOut]);
    }
    // The units shown: the root's child OUs collapsed, accounts directly under the root.
    const shownOf = new Map<string, string>();
    for (const a of x.model.accounts.filter((a) => a.inOrganization)) {
      const top = ous.find((u) => u.parentId && !u.expanded && x.subtree.get(u.id)?.has(a.id));
      shownOf.set(a.id, top?.id ?? a.id);
    }
    const want = new Map<string, number>();
    const wantRoles = new Map<string, Set<string>>();
    for (const [k, p] of x.pairs) {
      const [from, to] = k.split('|') as [string, string];
      const f = shownOf.get(from) ?? from;
      const t = shownOf.get(to)!;
      if (f === t) continue;
      want.set(`${f}|${t}`, (want.get(`${f}|${t}`) ?? 0) + p.edges);
      wantRoles.set(`${f}|${t}`, new Set([...(wantRoles.get(`${f}|${t}`) ?? []), ...p.roles]));
    }
    expect(Object.fromEntries(o.trust.map((t) => [`${t.from}|${t.to}`, t.edgeCount]))).toEqual(
      Object.fromEntries(want),
    );
    // Distinct roles between units: a role reached from two accounts of one OU counts once.
    expect(Object.fromEntries(o.trust.map((t) => [`${t.from}|${t.to}`, t.roleCount]))).toEqual(
      Object.fromEntries([...wantRoles].map(([k, r]) => [k, r.size])),
    );
    const outside = o.units.filter((u) => u.kind === 'OUTSIDE_GROUP');
    for (const g of outside) {
      const edges = [...x.pairs]
        .filter(([k]) => k.startsWith(`${g.id}|`))
        .reduce((n, [, p]) => n + p.edges, 0);
      expect([g.id, g.trustOut]).toEqual([g.id, edges]);
    }
  });

  it('an expanded OU shows its accounts, and an expanded outside group its members', async () => {
    const o = await orgOverview(db.driver, loaded[name]!.snapshotId, {});
    const ou = o.units
      .filter((u) => u.kind === 'OU' && !u.expanded)
      .sort((a, b) => b.accountCount - a.accountCount)[0]!;
    const open = await orgOverview(db.driver, loaded[name]!.snapshotId, {
      expand: [ou.id, 'outside:accounts'],
    });
    const direct = x.model.accounts.filter((a) => a.parentId === ou.id).map((a) => a.id);
    expect(open.units.find((u) => u.id === ou.id)?.expanded).toBe(true);
    for (const id of direct) expect(open.units.find((u) => u.id === id)?.kind).toBe('ACCOUNT');
    // Trust stays the same in total, whatever the level shown, except what becomes internal.
    const total = (t: { edgeCount: number }[]) => t.reduce((n, e) => n + e.edgeCount, 0);
    expect(total(open.trust)).toBeGreaterThanOrEqual(total(o.trust));
    const group = open.units.find((u) => u.id === 'outside:accounts');
    if (group) {
      const members = open.units.filter((u) => u.parentId === 'outside:accounts');
      expect(members.length).toBe(group.memberCount);
    }
  });

  it('past the budget, an expanded OU shows its trust at its box, as if collapsed', async () => {
    const snapshotId = loaded[name]!.snapshotId;
    const top = await orgOverview(db.driver, snapshotId, {});
    const ou = top.units
      .filter((u) => u.kind === 'OU' && !u.expanded)
      .sort((a, b) => b.accountCount - a.accountCount)[0]!;
    const open = await orgOverview(db.driver, snapshotId, { expand: [ou.id] });
    expect(open.units.some((u) => u.trustAtBox)).toBe(false);
    const inside = new Set(open.units.filter((u) => u.parentId === ou.id).map((u) => u.id));
    expect(open.trust.some((t) => inside.has(t.from) || inside.has(t.to))).toBe(true);
    // A budget the units alone fill: the OU's trust goes to its box, its accounts stay drawn.
    const boxed = await orgOverview(db.driver, snapshotId, { expand: [ou.id], budget: open.units.length });
    expect(boxed.units.filter((u) => u.trustAtBox).map((u) => u.id)).toEqual([ou.id]);
    expect(boxed.units.map((u) => u.id)).toEqual(open.units.map((u) => u.id));
    expect(boxed.trust).toEqual(top.trust);
    // A budget the expansion fits in changes nothing.
    const roomy = await orgOverview(db.driver, snapshotId, {
      expand: [ou.id],
      budget: open.units.length + open.trust.length + 10,
    });
    expect(roomy.trust).toEqual(open.trust);
    expect(roomy.units.some((u) => u.trustAtBox)).toBe(false);
  });
});
