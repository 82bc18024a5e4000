/**
 * The demo organization: the planted escalations are found with the
 * expected conditions, the listed non-escalations are absent, and exactly
 * the planted principals are reported as reaching admin.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../ingest/read/index.ts';
import { analyseEscalation, type EscalationAnalysis } from './escalate.ts';
import { escalationFindings } from './findings.ts';
import { EscalationGraph } from './paths.ts';
import { isAdminTarget } from './types.ts';

const demo = fileURLToPath(new URL('../../test/fixtures/demo-org', import.meta.url));
const expectedFile = fileURLToPath(new URL('../../test/fixtures/demo-org-expected.json', import.meta.url));

interface Expected {
  escalations: {
    from: string;
    to: string;
    grantsAdmin: boolean;
    actions: string[];
    conditions: string[];
    catalogId: string;
  }[];
  notEscalations: { from: string; to: string; method: string }[];
  resourceDependentEscalations: { from: string; to: string; catalogId: string }[];
}
const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected;

let a: EscalationAnalysis;
beforeAll(async () => {
  const { model } = await readSnapshot([demo]);
  a = analyseEscalation(model, { runtimeTargets: 'all' });
});

const edgesBetween = (from: string, to: string) =>
  a.edges.filter((e) => e.from === from && (to === 'admin' ? isAdminTarget(e.to) : e.to === to));

describe('escalation on the demo organization', () => {
  it.each(
    expected.escalations.map((e) => [`${e.from.split(':').pop()} → ${e.to.split(':').pop()}`, e] as const),
  )('finds %s', (_name, esc) => {
    const found = edgesBetween(esc.from, esc.to).filter(
      (e) => e.catalogIds.includes(esc.catalogId) && !e.needsRuntime,
    );
    expect(
      found.length,
      JSON.stringify(a.edges.filter((e) => e.from === esc.from).map((e) => [e.method, e.to])),
    ).toBeGreaterThan(0);
    const best = found.sort((x, y) => x.conditions.length - y.conditions.length)[0]!;
    expect(best.actions.filter((x) => esc.actions.includes(x)).sort()).toEqual([...esc.actions].sort());
    expect([...new Set(best.conditions.map((c) => c.key))].sort()).toEqual([...esc.conditions].sort());
    expect(best.evidence.length).toBeGreaterThan(0);
    if (esc.to !== 'admin') expect(a.admins.get(esc.to)?.admin ?? false).toBe(esc.grantsAdmin);
  });

  it.each(
    expected.notEscalations.map(
      (e) => [`${e.from.split(':').pop()} ↛ ${e.to.split(':').pop()} (${e.method})`, e] as const,
    ),
  )('does not report %s', (_name, not) => {
    const methodActions = not.method.split('+');
    const found = edgesBetween(not.from, not.to).filter((e) =>
      methodActions.every((m) => e.actions.includes(m)),
    );
    expect(found).toEqual([]);
  });

  it('reports exactly the planted principals as reaching admin, by name', () => {
    const planted = [...new Set(expected.escalations.filter((e) => e.grantsAdmin).map((e) => e.from))].sort();
    const reported = escalationFindings(a)
      .map((f) => f.subjects[0])
      .sort();
    expect(reported).toEqual(planted);
    expect(planted).toEqual([
      'arn:aws:iam::333333333333:user/ops/platform-operator',
      'arn:aws:iam::555555555555:user/release/rm-priya',
      'arn:aws:iam::555555555555:user/release/rm-tomas',
      'arn:aws:iam::666666666666:user/service/svc-lambda-deployer',
    ]);
  });

  it('dev-alice reaches the basic Lambda role and nothing administrative', () => {
    const alice = 'arn:aws:iam::666666666666:user/developers/dev-alice';
    expect(new EscalationGraph(a).shortestPath(alice, 'admin')).toBeUndefined();
  });

  it('platform-operator reaches every pipeline-deploy through github-actions-deploy', () => {
    const g = new EscalationGraph(a);
    const from = 'arn:aws:iam::333333333333:user/ops/platform-operator';
    for (const acct of ['444444444444', '555555555555', '666666666666']) {
      const path = g.shortestPath(from, `arn:aws:iam::${acct}:role/platform/pipeline-deploy`);
      expect(path?.hops.map((h) => h.kind)).toEqual(['CAN_ESCALATE_TO', 'CAN_ASSUME']);
      expect(path?.hops[0]?.to).toBe('arn:aws:iam::333333333333:role/platform/github-actions-deploy');
    }
  });

  it('finds the resource-dependent routes, marked as needing a resource, and keeps them out of default findings', () => {
    for (const r of expected.resourceDependentEscalations) {
      const found = edgesBetween(r.from, r.to).filter((e) => e.catalogIds.includes(r.catalogId));
      expect(found.length, `${r.from} → ${r.to}`).toBeGreaterThan(0);
      expect(found.every((e) => e.needsRuntime)).toBe(true);
    }
    const withRuntime = escalationFindings(a, { includeRuntime: true }).map((f) => f.subjects[0]);
    expect(withRuntime).toContain(
      'arn:aws:iam::666666666666:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developer_00c8ae5cbc71c0d6',
    );
  });

  it('marks administrators on the node with a reason', () => {
    expect(a.admins.get('arn:aws:iam::666666666666:role/ops/lambda-admin-ops')).toMatchObject({
      admin: true,
      kind: 'full-access',
    });
    expect(a.admins.get('arn:aws:iam::555555555555:user/release/rm-priya')).toMatchObject({
      admin: true,
      kind: 'self-grant',
    });
    // AdministratorAccess under the Prod IAM-change SCP is not an administrator.
    expect(a.admins.get('arn:aws:iam::444444444444:role/OrganizationAccountAccessRole')?.admin).toBe(false);
  });
});
