/**
 * Every GraphQL query over the demo organization, through HTTP against the real
 * Neo4j: answers, evidence on edges, assumptions, paging and sorting, and the
 * committed schema file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { introspectionQuery, sdlFromIntrospection } from '../../api/print-schema.ts';
import { encodeCursor } from '../../api/shapes.ts';
import { DEMO_ORG_DIR } from '../../cli/main.ts';
import { projectRoot } from '../../db/paths.ts';
import { openTestDb, type TestDb } from '../harness/neo4j.ts';
import { gql, ingestDemo, startApi } from './helpers.ts';

const BREAK_GLASS_ROLE = 'arn:aws:iam::111111111111:role/break-glass-admin';
const BREAK_GLASS_USER = 'arn:aws:iam::111111111111:user/breakglass/break-glass-1';
const PIPELINE_PROD = 'arn:aws:iam::444444444444:role/platform/pipeline-deploy';
const GITHUB_OIDC = 'arn:aws:iam::333333333333:oidc-provider/token.actions.githubusercontent.com';
const LAMBDA_DEPLOYER = 'arn:aws:iam::666666666666:user/service/svc-lambda-deployer';
const LAMBDA_ADMIN = 'arn:aws:iam::666666666666:role/ops/lambda-admin-ops';
const DEV_ALICE = 'arn:aws:iam::666666666666:user/developers/dev-alice';

const EDGE = `type from { key kind } to { key kind } conditional crossAccount
  conditions { key operator values mustHold assumption source { policyId statementIndex } }
  evidence { policyId policyKind statementIndex effect } reasons`;

let db: TestDb;
let api: Awaited<ReturnType<typeof startApi>>;
let snap: string;
let older: string;

beforeAll(async () => {
  db = await openTestDb();
  // An older snapshot without the sandbox account's IAM data, for the diff.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-api-demo-'));
  for (const f of fs.readdirSync(DEMO_ORG_DIR))
    if (!f.startsWith('777777777777') && f !== 'README.md')
      fs.copyFileSync(path.join(DEMO_ORG_DIR, f), path.join(dir, f));
  older = await ingestDemo(db.driver, 'api-queries-older', dir);
  db.track(older);
  snap = await ingestDemo(db.driver, 'api-queries');
  db.track(snap);
  api = await startApi(db.driver);
}, 300_000);

afterAll(async () => {
  for (const l of api?.logs ?? []) if (l.level === 'error') console.error(l);
  await api?.close();
  await db?.close();
});

describe('schema', () => {
  let running = '';
  beforeAll(async () => {
    const r = await gql(api.url, introspectionQuery());
    expect(r.body.errors).toBeUndefined();
    running = await sdlFromIntrospection(r.body.data as never);
  });

  it('api/schema.graphql is the running schema', () => {
    const committed = fs.readFileSync(path.join(projectRoot, 'api', 'schema.graphql'), 'utf8');
    expect(committed).toBe(running);
  });

  it('documents every type and field', () => {
    const lines = running.split('\n');
    // Every type, field, argument-bearing field and enum value follows the end of a description.
    const undocumented = lines.filter(
      (l, i) => /^( {2}\w+[(:]|(type|input|enum|scalar) )/.test(l) && !/"""\s*$/.test(lines[i - 1] ?? ''),
    );
    expect(undocumented).toEqual([]);
  });
});

describe('snapshots and catalog', () => {
  it('lists snapshots and resolves one by name', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) { snapshots(first: 100) { totalCount nodes { id name } }
      snapshot(snapshot: $s) { id name status createdAt completedAt sources counts { name count } } }`,
      { s: 'api-queries' },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.snapshots.nodes.map((n: { id: string }) => n.id)).toContain(snap);
    expect(r.body.data!.snapshot).toMatchObject({ id: snap, status: 'complete' });
    expect(r.body.data!.snapshot.counts).toContainEqual({ name: 'CAN_ASSUME', count: 158 });
    const { createdAt, completedAt, sources } = r.body.data!.snapshot;
    expect(Date.parse(completedAt)).toBeGreaterThanOrEqual(Date.parse(createdAt));
    expect(sources.length).toBeGreaterThan(0);
  });

  it('gives the organization tree', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) { organization(snapshot: $s) { id managementAccountId
      root { id isRoot policies { name kind } accounts { id name } children { name children { name accounts { id } } accounts { id } } } } }`,
      { s: snap },
    );
    const org = r.body.data!.organization;
    expect(org.id).toBe('o-a7l5k2m9qx');
    expect(org.root.accounts.map((a: { id: string }) => a.id)).toEqual(['111111111111']);
    const workloads = org.root.children.find((c: { name: string }) => c.name === 'Workloads');
    expect(workloads.children.map((c: { name: string }) => c.name).sort()).toEqual(['NonProd', 'Prod']);
    expect(org.root.policies.map((p: { name: string }) => p.name)).toContain('deny-leave-organization');
  });

  it('pages and sorts accounts with cursors', async () => {
    const q = `query($s: ID, $after: String, $dir: Direction!) {
      accounts(snapshot: $s, first: 3, after: $after, orderBy: { field: ID, direction: $dir }) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id external } } }`;
    const p1 = await gql(api.url, q, { s: snap, dir: 'ASC' });
    const c1 = p1.body.data!.accounts;
    expect(c1.totalCount).toBe(10);
    expect(c1.nodes.map((n: { id: string }) => n.id)).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
    ]);
    expect(c1.pageInfo.hasNextPage).toBe(true);
    const p2 = await gql(api.url, q, { s: snap, dir: 'ASC', after: c1.pageInfo.endCursor });
    expect(p2.body.data!.accounts.nodes[0].id).toBe('444444444444');
    const desc = await gql(api.url, q, { s: snap, dir: 'DESC' });
    expect(desc.body.data!.accounts.nodes[0].id).toBe('999988887777');
    const ext = await gql(
      api.url,
      `query($s: ID) { accounts(snapshot: $s, filter: { external: true }) { nodes { id } } }`,
      { s: snap },
    );
    expect(ext.body.data!.accounts.nodes.map((n: { id: string }) => n.id).sort()).toEqual([
      '777766665555',
      '888877776666',
      '999988887777',
    ]);
  });

  it('lists principals of an account and shows a principal with policies, boundary, groups, tags and trust', async () => {
    const r = await gql(
      api.url,
      `query($s: ID, $arn: ID!) {
      account(id: "666666666666", snapshot: $s) { id name principals(first: 200) { totalCount nodes { arn kind } } }
      principals(snapshot: $s, filter: { kind: USER, search: "developers/" }, orderBy: { field: NAME, direction: DESC }, first: 2) {
        totalCount nodes { name } }
      principal(arn: $arn, snapshot: $s) { arn kind name accountId tags { key value }
        policies { key kind } boundary { name kind document } groups { name policies { name } }
        canAssume { ${EDGE} } canEscalateTo { ${EDGE} } }
      role: principal(arn: "${BREAK_GLASS_ROLE}", snapshot: $s) { kind trustPolicy assumableBy { ${EDGE} } } }`,
      {
        s: snap,
        arn: DEV_ALICE,
      },
    );
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!;
    expect(d.account.principals.totalCount).toBeGreaterThan(10);
    expect(d.principals.totalCount).toBe(6);
    expect(d.principals.nodes.map((n: { name: string }) => n.name)).toEqual(['dev-farid', 'dev-erin']);
    expect(d.principal.kind).toBe('USER');
    expect(d.principal.boundary.name).toBe('developer-boundary');
    expect(d.principal.groups.map((g: { name: string }) => g.name)).toContain('developers');
    expect(d.principal.canAssume.length).toBeGreaterThan(0);
    expect(d.role.kind).toBe('ROLE');
    expect(JSON.parse(d.role.trustPolicy).Statement.length).toBeGreaterThan(0);
    const byUser = d.role.assumableBy.find((e: { from: { key: string } }) => e.from.key === BREAK_GLASS_USER);
    expect(byUser.conditional).toBe(true);
    expect(byUser.conditions[0]).toMatchObject({
      key: 'aws:MultiFactorAuthPresent',
      assumption: 'mfa',
      mustHold: true,
    });
    expect(byUser.evidence.length).toBeGreaterThan(0);
  });
});

describe('reachability', () => {
  it('whoCanAssume: conditional edges count and are flagged; switching the assumption off drops them', async () => {
    const q = `query($s: ID, $a: AssumptionsInput) { whoCanAssume(role: "${BREAK_GLASS_ROLE}", maxHops: 1, snapshot: $s, assumptions: $a, first: 100) {
      totalCount truncated nodes { hops conditional node { key } path { edges { ${EDGE} } } } } }`;
    const all = await gql(api.url, q, { s: snap });
    const nodes = all.body.data!.whoCanAssume.nodes as {
      node: { key: string };
      conditional: boolean;
      path: { edges: { evidence: unknown[] }[] };
    }[];
    const bg = nodes.find((n) => n.node.key === BREAK_GLASS_USER)!;
    expect(bg.conditional).toBe(true);
    expect(bg.path.edges[0]!.evidence.length).toBeGreaterThan(0);
    const noMfa = await gql(api.url, q, { s: snap, a: { mfa: false } });
    const keys = noMfa.body.data!.whoCanAssume.nodes.map((n: { node: { key: string } }) => n.node.key);
    expect(keys).not.toContain(BREAK_GLASS_USER);
    expect(noMfa.body.data!.whoCanAssume.totalCount).toBeLessThan(all.body.data!.whoCanAssume.totalCount);
  });

  it('whoCanAssume over several hops gives shortest paths, pageable and sortable', async () => {
    const q = `query($s: ID, $after: String, $o: ReachOrder) { whoCanAssume(role: "${PIPELINE_PROD}", maxHops: 3, snapshot: $s, first: 1, after: $after, orderBy: $o) {
      totalCount pageInfo { hasNextPage endCursor } nodes { hops node { key } path { length nodes { key } edges { from { key } to { key } } } } } }`;
    const p1 = await gql(api.url, q, { s: snap });
    const w = p1.body.data!.whoCanAssume;
    expect(w.totalCount).toBeGreaterThanOrEqual(2);
    expect(w.nodes[0].hops).toBe(1);
    const p2 = await gql(api.url, q, { s: snap, after: w.pageInfo.endCursor });
    const second = p2.body.data!.whoCanAssume.nodes[0];
    expect(second.hops).toBeGreaterThanOrEqual(1);
    const oidc = await gql(api.url, q.replace('first: 1', 'first: 50'), {
      s: snap,
      o: { field: HOPS_DESC(), direction: 'DESC' },
    });
    const list = oidc.body.data!.whoCanAssume.nodes;
    expect(list[0].hops).toBeGreaterThanOrEqual(list.at(-1).hops);
    const viaOidc = list.find((n: { node: { key: string } }) => n.node.key === GITHUB_OIDC);
    expect(viaOidc.hops).toBe(2);
    expect(viaOidc.path.nodes.map((n: { key: string }) => n.key)).toEqual([
      GITHUB_OIDC,
      'arn:aws:iam::333333333333:role/platform/github-actions-deploy',
      PIPELINE_PROD,
    ]);
  });

  it('reachableFrom and paths (shortest first)', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) {
      reachableFrom(principal: "${GITHUB_OIDC}", maxHops: 2, snapshot: $s, first: 100) { totalCount nodes { hops node { key } } }
      paths(from: "${GITHUB_OIDC}", to: "${PIPELINE_PROD}", maxHops: 4, limit: 5, snapshot: $s) { length conditional conditionKeys nodes { key } edges { ${EDGE} } } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const reached = r.body.data!.reachableFrom.nodes.map((n: { node: { key: string } }) => n.node.key);
    expect(reached).toContain(PIPELINE_PROD);
    const paths = r.body.data!.paths as {
      length: number;
      conditional: boolean;
      edges: { evidence: unknown[] }[];
    }[];
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0]!.length).toBe(2);
    expect(paths[0]!.conditional).toBe(true);
    for (let i = 1; i < paths.length; i++)
      expect(paths[i]!.length).toBeGreaterThanOrEqual(paths[i - 1]!.length);
    for (const e of paths[0]!.edges) expect(e.evidence.length).toBeGreaterThan(0);
  });

  it('answers alike from the in-memory index and from Neo4j alone, page by page', async () => {
    const plain = await startApi(db.driver, { config: { indexSnapshots: 0 } });
    try {
      const q = `query($s: ID, $r: ID!, $p: ID!, $after: String, $o: ReachOrder, $a: AssumptionsInput) {
        whoCanAssume(role: $r, maxHops: 4, snapshot: $s, first: 3, after: $after, orderBy: $o, assumptions: $a) {
          totalCount truncated pageInfo { hasNextPage endCursor }
          nodes { hops conditional node { key kind } path { length nodes { key } edges { ${EDGE} } } } }
        reachableFrom(principal: $p, maxHops: 4, snapshot: $s, first: 4, after: $after, orderBy: $o, assumptions: $a) {
          totalCount truncated nodes { hops node { key } path { edges { ${EDGE} } } } } }`;
      // The index is built on first use; wait until the server says so.
      await gql(api.url, q, { s: snap, r: PIPELINE_PROD, p: BREAK_GLASS_USER });
      for (let i = 0; i < 100; i++) {
        const ready = (await (await fetch(`${api.url}/readyz`)).json()) as {
          cache: { indexes: { snapshotId: string; state: string }[] };
        };
        if (ready.cache.indexes.some((x) => x.snapshotId === snap && x.state === 'ready')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      let compared = 0;
      for (const [r, p] of [
        [PIPELINE_PROD, BREAK_GLASS_USER],
        [BREAK_GLASS_ROLE, DEV_ALICE],
        [LAMBDA_ADMIN, LAMBDA_DEPLOYER],
      ])
        for (const o of [undefined, { field: 'KEY', direction: 'DESC' }, { field: 'ACCOUNT' }])
          for (const a of [undefined, { mfa: false }])
            for (const after of [undefined, encodeCursor(0), encodeCursor(2)]) {
              const vars = { s: snap, r, p, o, a, after };
              const viaIndex = await gql(api.url, q, vars);
              const viaNeo4j = await gql(plain.url, q, vars);
              expect(viaIndex.body.errors).toBeUndefined();
              expect(viaIndex.body, JSON.stringify(vars)).toEqual(viaNeo4j.body);
              compared++;
            }
      expect(compared).toBe(54);
      const stats = (await (await fetch(`${api.url}/readyz`)).json()) as { cache: { indexSearches: number } };
      expect(stats.cache.indexSearches).toBeGreaterThan(0);
      const none = (await (await fetch(`${plain.url}/readyz`)).json()) as {
        cache: { indexSearches: number; indexes: unknown[] };
      };
      expect(none.cache).toMatchObject({ indexSearches: 0, indexes: [] });
    } finally {
      await plain.close();
    }
  }, 120_000);

  it('escalationPaths finds the planted Lambda escalation', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) {
      to: escalationPaths(from: "${LAMBDA_DEPLOYER}", to: "${LAMBDA_ADMIN}", snapshot: $s) { available paths { length edges { type method from { key } to { key } evidence { policyId } conditions { key } } } }
      any: escalationPaths(from: "${LAMBDA_DEPLOYER}", maxHops: 2, snapshot: $s) { available paths { length edges { type } } } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const to = r.body.data!.to;
    expect(to.available).toBe(true);
    expect(to.paths[0].length).toBe(1);
    expect(to.paths[0].edges[0]).toMatchObject({ type: 'CAN_ESCALATE_TO', to: { key: LAMBDA_ADMIN } });
    expect(to.paths[0].edges[0].method).toBeTruthy();
    expect(to.paths[0].edges[0].conditions.map((c: { key: string }) => c.key)).toContain(
      'aws:RequestedRegion',
    );
    expect(r.body.data!.any.paths.length).toBeGreaterThan(0);
  });

  it('escalationPaths with includeAssumeOnly also gives plain can-assume routes into an admin', async () => {
    const q = `query($s: ID, $only: Boolean, $a: AssumptionsInput) {
      escalationPaths(from: "${BREAK_GLASS_USER}", to: "admin", maxHops: 2, limit: 50, snapshot: $s, includeAssumeOnly: $only, assumptions: $a) {
        available paths { length nodes { key isAdmin } edges { type conditional conditions { assumption } } } } }`;
    type P = { length: number; nodes: { key: string; isAdmin: boolean }[]; edges: { type: string }[] };
    const strict = await gql(api.url, q, { s: snap });
    expect(strict.body.errors).toBeUndefined();
    const strictPaths = strict.body.data!.escalationPaths.paths as P[];
    for (const p of strictPaths) expect(p.edges.some((e) => e.type === 'CAN_ESCALATE_TO')).toBe(true);

    const wide = await gql(api.url, q, { s: snap, only: true });
    expect(wide.body.errors).toBeUndefined();
    const paths = wide.body.data!.escalationPaths.paths as P[];
    const direct = paths.find((p) => p.length === 1 && p.nodes[1]!.key === BREAK_GLASS_ROLE)!;
    expect(direct.edges).toMatchObject([{ type: 'CAN_ASSUME', conditional: true }]);
    expect(direct.nodes[1]!.isAdmin).toBe(true);
    // Every pure can-assume route ends at an admin principal; the strict answer is a subset.
    for (const p of paths.filter((x) => x.edges.every((e) => e.type === 'CAN_ASSUME')))
      expect(p.nodes.at(-1)!.isAdmin).toBe(true);
    expect(paths.length).toBeGreaterThan(strictPaths.length);
    for (let i = 1; i < paths.length; i++)
      expect(paths[i]!.length).toBeGreaterThanOrEqual(paths[i - 1]!.length);
    // Without MFA the break-glass route is gone.
    const noMfa = await gql(api.url, q, { s: snap, only: true, a: { mfa: false } });
    expect(noMfa.body.errors).toBeUndefined();
    const ends = (noMfa.body.data!.escalationPaths.paths as P[]).map((p) => p.nodes[1]!.key);
    expect(ends).not.toContain(BREAK_GLASS_ROLE);
  });

  it('crossAccountTrust and externalTrust', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) {
      crossAccountTrust(snapshot: $s) { fromAccount toAccount external edgeCount conditionalCount roleCount assumptions worstSeverity
        edges(first: 100) { totalCount nodes { crossAccount from { key accountId } to { key accountId } evidence { policyId } } } }
      externalTrust(snapshot: $s, first: 50) { totalCount nodes { from { key } to { key } crossOrganization conditions { key } } }
      noExt: externalTrust(snapshot: $s, assumptions: { externalId: false }, first: 50) { totalCount nodes { to { key } } } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const pairs = r.body.data!.crossAccountTrust as {
      fromAccount: string;
      toAccount: string;
      edgeCount: number;
      external: boolean;
      roleCount: number;
      assumptions: string[];
      worstSeverity: string | null;
      edges: { totalCount: number; nodes: { to: { key: string; accountId: string } }[] };
    }[];
    const pair = (from: string, to: string) =>
      pairs.find((p) => p.fromAccount === from && p.toAccount === to)!;
    const vendor = pair('888877776666', '222222222222');
    expect(vendor.external).toBe(true);
    const mgmt = pair('111111111111', '444444444444');
    expect(mgmt.edges.totalCount).toBe(mgmt.edgeCount);
    expect(mgmt.edges.nodes.every((e) => e.to.accountId === '444444444444')).toBe(true);
    // The overview's numbers without the edges: distinct roles, condition categories, worst finding.
    for (const p of pairs) expect(p.roleCount).toBe(new Set(p.edges.nodes.map((e) => e.to.key)).size);
    expect(mgmt).toMatchObject({ roleCount: 2, assumptions: ['mfa'], worstSeverity: 'medium' });
    expect(pair('999988887777', '444444444444').assumptions).toEqual(['externalId']);
    expect(pair('111111111111', '777777777777').worstSeverity).toBe('critical');
    expect(pair('222222222222', '111111111111')).toMatchObject({ assumptions: [], worstSeverity: null });
    const ext = r.body.data!.externalTrust;
    const targets = ext.nodes.map((n: { to: { key: string } }) => n.to.key);
    expect(targets).toContain('arn:aws:iam::444444444444:role/vendor/cloudwatcher-integration');
    expect(targets).toContain('arn:aws:iam::222222222222:role/vendor/logsentry-siem-reader');
    const noExt = r.body.data!.noExt.nodes.map((n: { to: { key: string } }) => n.to.key);
    expect(noExt).not.toContain('arn:aws:iam::444444444444:role/vendor/cloudwatcher-integration');
    expect(noExt).toContain('arn:aws:iam::222222222222:role/vendor/logsentry-siem-reader');
  });

  it('GraphNode says whether a node is an administrator and whether it is outside the organization', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) {
      reach: reachableFrom(principal: "${BREAK_GLASS_USER}", maxHops: 1, snapshot: $s) { nodes { node { key isAdmin external } path { nodes { key isAdmin external } } } }
      principal(arn: "${BREAK_GLASS_USER}", snapshot: $s) { canAssume { from { isAdmin external } to { key isAdmin external } } }
      externalTrust(snapshot: $s, first: 50) { nodes { from { key kind external } to { external } } }
      paths(from: "${GITHUB_OIDC}", to: "${PIPELINE_PROD}", snapshot: $s) { nodes { key kind isAdmin external } } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!;
    const reached = d.reach.nodes.find((n: { node: { key: string } }) => n.node.key === BREAK_GLASS_ROLE);
    expect(reached.node).toMatchObject({ isAdmin: true, external: false });
    expect(reached.path.nodes[0]).toMatchObject({ key: BREAK_GLASS_USER, isAdmin: false, external: false });
    expect(reached.path.nodes[1]).toMatchObject({ key: BREAK_GLASS_ROLE, isAdmin: true });
    const edge = d.principal.canAssume.find((e: { to: { key: string } }) => e.to.key === BREAK_GLASS_ROLE);
    expect(edge).toMatchObject({ from: { isAdmin: false, external: false }, to: { isAdmin: true } });
    for (const e of d.externalTrust.nodes) {
      expect(e.from.external).toBe(e.from.kind !== 'ServicePrincipal');
      expect(e.to.external).toBe(false);
    }
    const path = d.paths[0].nodes;
    expect(path[0]).toMatchObject({ kind: 'IdentityProvider', external: false, isAdmin: false });
    expect(path.at(-1)).toMatchObject({ key: PIPELINE_PROD, isAdmin: true, external: false });
  });

  it("providerTrust: the organization's own identity providers, per target account", async () => {
    const q = `query($s: ID, $a: AssumptionsInput) { providerTrust(snapshot: $s, assumptions: $a) {
      provider { key kind external accountId } toAccount roleCount conditionalCount assumptions } }`;
    const r = await gql(api.url, q, { s: snap });
    expect(r.body.errors).toBeUndefined();
    const list = r.body.data!.providerTrust as {
      provider: { key: string; kind: string; external: boolean; accountId: string };
      toAccount: string;
      roleCount: number;
      conditionalCount: number;
    }[];
    for (const t of list) expect(t.provider).toMatchObject({ kind: 'IdentityProvider', external: false });
    const github = list.find((t) => t.provider.key === GITHUB_OIDC)!;
    expect(github).toMatchObject({
      toAccount: '333333333333',
      roleCount: 2,
      conditionalCount: 2,
      assumptions: ['federation'],
    });
    // One IAM Identity Center provider per account of the organization.
    expect(list.filter((t) => /saml-provider\/AWSSSO_/.test(t.provider.key)).map((t) => t.toAccount)).toEqual(
      [
        '111111111111',
        '222222222222',
        '333333333333',
        '444444444444',
        '555555555555',
        '666666666666',
        '777777777777',
      ],
    );
    // Sign-in needs the federation claims: without them no provider reaches a role.
    const none = await gql(api.url, q, { s: snap, a: { federation: false } });
    expect(none.body.data!.providerTrust).toEqual([]);
  });

  it('findings filter by severity, kind and account; one finding by id', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) {
      all: findings(snapshot: $s, first: 200) { totalCount nodes { id severity } }
      crit: findings(snapshot: $s, severity: [critical]) { nodes { kind severity } }
      root: findings(snapshot: $s, kind: ["trust-to-account-root"], account: "777777777777") { nodes { kind subjects { key } } } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const all = r.body.data!.all.nodes as { id: string; severity: string }[];
    const rank = ['critical', 'high', 'medium', 'low', 'info'];
    for (let i = 1; i < all.length; i++)
      expect(rank.indexOf(all[i]!.severity)).toBeGreaterThanOrEqual(rank.indexOf(all[i - 1]!.severity));
    expect(r.body.data!.crit.nodes.map((n: { kind: string }) => n.kind)).toContain('trust-open-to-anyone');
    const root = r.body.data!.root.nodes as { kind: string; subjects: { key: string }[] }[];
    expect(root.map((f) => f.subjects[0]!.key).sort()).toEqual([
      'arn:aws:iam::777777777777:role/OrganizationAccountAccessRole',
      'arn:aws:iam::777777777777:role/sandbox/cross-dev-read',
    ]);
    const one = await gql(
      api.url,
      `query($s: ID, $id: ID!) { finding(id: $id, snapshot: $s) { id title why evidence } }`,
      { s: snap, id: all[0]!.id },
    );
    expect(one.body.data!.finding.id).toBe(all[0]!.id);
    expect(() => JSON.parse(one.body.data!.finding.evidence)).not.toThrow();
  });

  it('simulate evaluates a request with its evidence', async () => {
    const r = await gql(
      api.url,
      `query($s: ID) {
      ok: simulate(principal: "${DEV_ALICE}", action: "s3:GetObject", resource: "arn:aws:s3:::data-bucket/key", snapshot: $s) { decision allowed evidence { policyId effect } reasons }
      no: simulate(principal: "${DEV_ALICE}", action: "iam:CreateUser", resource: "*", context: [{ key: "aws:SourceIp", values: ["10.0.0.1"] }], snapshot: $s) { decision allowed } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data!.ok.allowed).toBe(true);
    expect(r.body.data!.ok.evidence.length).toBeGreaterThan(0);
    expect(r.body.data!.no.allowed).toBe(false);
  });

  it('simulate takes contextComplete and says how it read an account root (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html)', async () => {
    const trust = `principal: "arn:aws:iam::111111111111:user/breakglass/break-glass-1", action: "sts:AssumeRole", resource: "arn:aws:iam::444444444444:role/break-glass-admin"`;
    const r = await gql(
      api.url,
      `query($s: ID) {
      open: simulate(${trust}, snapshot: $s) { decision contextComplete rootReading referenceDate }
      exact: simulate(${trust}, contextComplete: true, snapshot: $s) { decision contextComplete }
      root: simulate(principal: "arn:aws:iam::444444444444:root", action: "s3:GetObject", resource: "*", snapshot: $s) { decision rootReading }
      vendor: simulate(principal: "arn:aws:iam::999988887777:root", action: "s3:GetObject", resource: "*", snapshot: $s) { rootReading }
      snapshot(snapshot: $s) { referenceDate } }`,
      { s: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!;
    expect(d.open).toMatchObject({ decision: 'allowed', contextComplete: false, rootReading: null });
    expect(d.open.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(d.snapshot.referenceDate).toBe(d.open.referenceDate);
    expect(d.exact).toMatchObject({ decision: 'implicitDeny', contextComplete: true });
    expect(d.root).toMatchObject({ decision: 'allowed', rootReading: 'ROOT_USER' });
    expect(d.vendor).toMatchObject({ rootReading: 'ANY_PRINCIPAL' });
  });

  it('snapshotDiff shows the trust and findings that appeared with the sandbox account', async () => {
    const r = await gql(
      api.url,
      `query($a: ID!, $b: ID!) { snapshotDiff(from: $a, to: $b) {
      from { id } to { id } canAssumeAdded { to { key } evidence { policyId } } canAssumeRemoved { to { key } }
      canEscalateToAdded { type } canEscalateToRemoved { type } findingsAdded { id kind subjectKeys } findingsRemoved { id } } }`,
      { a: older, b: snap },
    );
    expect(r.body.errors).toBeUndefined();
    const d = r.body.data!.snapshotDiff;
    expect(d.from.id).toBe(older);
    expect(d.canAssumeAdded.map((e: { to: { key: string } }) => e.to.key)).toContain(
      'arn:aws:iam::777777777777:role/legacy-app-cross-read',
    );
    expect(d.findingsAdded.map((f: { kind: string }) => f.kind)).toContain('trust-open-to-anyone');
    const back = await gql(
      api.url,
      `query($a: ID!, $b: ID!) { snapshotDiff(from: $a, to: $b) { canAssumeRemoved { to { key } } findingsRemoved { kind } } }`,
      { a: snap, b: older },
    );
    expect(back.body.data!.snapshotDiff.canAssumeRemoved.length).toBe(d.canAssumeAdded.length);
  });
});

function HOPS_DESC(): string {
  return 'HOPS';
}
