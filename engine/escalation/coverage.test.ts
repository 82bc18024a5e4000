/**
 * The coverage table of docs/escalation.md against the method modules and the pathfinding.cloud
 * catalog: every catalog path is in the table once; every path a module cites is in the table
 * with that module; and a principal holding exactly the permissions the catalog lists for a cited
 * path gets an edge from the citing method (a needsRuntime edge when the method needs a resource).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trustAws } from '../trust/test-model.ts';
import { ALL_METHODS } from './methods/index.ts';
import { stackSetModel } from './methods/passrole/stackset-test-model.ts';
import { PATHFINDING_COMMIT, PATHFINDING_PATHS } from './pathfinding-catalog.ts';
import {
  A,
  ADMIN_DOC,
  addInstanceProfile,
  allow,
  ModelBuilder,
  run,
  trustFor,
  trustService,
} from './test-support.ts';
import type { EscalationMethod } from './types.ts';

const DOC = readFileSync(new URL('../../docs/escalation.md', import.meta.url), 'utf8');

interface Row {
  id: string;
  status: string;
  methods: string[];
}

/** The rows of the table under "## Coverage of pathfinding.cloud". */
function coverageRows(): Row[] {
  const start = DOC.indexOf('## Coverage of pathfinding.cloud');
  const end = DOC.indexOf('\n## ', start + 1);
  const section = DOC.slice(start, end === -1 ? undefined : end);
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    const m = /^\|\s*`([a-z0-9]+-\d{3})`\s*\|([^|]+)\|([^|]*)\|/.exec(line);
    if (!m) continue;
    rows.push({
      id: m[1]!,
      status: m[2]!.trim(),
      methods: [...m[3]!.matchAll(/`([a-z0-9-]+)`/g)].map((x) => x[1]!),
    });
  }
  return rows;
}

/** Paths a module cites: `pathfinding.cloud a-001, b-002` (citations of earlier catalogs say so and do not match). */
function citations(method: EscalationMethod): string[] {
  const out: string[] = [];
  for (const source of method.sources) {
    const m = /^pathfinding\.cloud ((?:[a-z0-9]+-\d{3}(?:, )?)+)/.exec(source);
    if (m) out.push(...m[1]!.split(', ').map((x) => x.trim()));
  }
  return out;
}

const STATUSES = ['decided', 'needs a resource', 'not covered'];

describe(`coverage of pathfinding.cloud at ${PATHFINDING_COMMIT.slice(0, 8)}`, () => {
  const rows = coverageRows();
  const byId = new Map(rows.map((r) => [r.id, r]));

  it('lists every catalog path once, with a known status', () => {
    expect(rows.map((r) => r.id).sort()).toEqual(Object.keys(PATHFINDING_PATHS).sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) expect(STATUSES, r.id).toContain(r.status);
  });

  it('states the counts the table holds', () => {
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    const line = `**${count('decided')} decided, ${count('needs a resource')} need a resource, ${count('not covered')} not covered, of ${rows.length} paths**`;
    expect(DOC).toContain(line);
    expect(DOC).toContain(PATHFINDING_COMMIT);
  });

  it('names, for every path a module cites, that module; and every module it names cites the path', () => {
    const known = new Set(ALL_METHODS.map((m) => m.id));
    for (const method of ALL_METHODS) {
      for (const id of citations(method)) {
        expect(Object.keys(PATHFINDING_PATHS), `${method.id} cites ${id}`).toContain(id);
        expect(byId.get(id)?.methods, `${id} row`).toContain(method.id);
      }
    }
    for (const r of rows) {
      for (const id of r.methods) {
        expect(known, `${r.id} names ${id}`).toContain(id);
        if (r.status === 'not covered') continue;
        const method = ALL_METHODS.find((m) => m.id === id)!;
        if (!citations(method).includes(r.id)) {
          // A two-step combination: the row names the takeover and the change; one of them cites it.
          expect(
            r.methods.some((x) => citations(ALL_METHODS.find((m) => m.id === x)!).includes(r.id)) ||
              r.methods.length > 1,
            `${r.id}: ${id}`,
          ).toBe(true);
        }
      }
    }
  });

  it('marks a path "needs a resource" exactly when its first method needs one', () => {
    for (const r of rows) {
      if (r.status === 'not covered' || r.methods.length === 0) continue;
      const method = ALL_METHODS.find((m) => m.id === r.methods[0])!;
      expect(r.status, r.id).toBe(method.needsRuntime ? 'needs a resource' : 'decided');
    }
  });

  describe('a principal with exactly the listed permissions gets the citing method', () => {
    for (const method of ALL_METHODS) {
      for (const id of citations(method)) {
        it(`${id} → ${method.id}`, () => {
          const permissions = PATHFINDING_PATHS[id]!;
          const { model, sources } = exactModel(method, permissions);
          const a = run(model);
          const edges = a.edges.filter((e) => sources.includes(e.from) && e.method === method.id);
          expect(edges.length, JSON.stringify(a.edges.map((e) => [e.from, e.method, e.to]))).toBeGreaterThan(
            0,
          );
          expect(edges.some((e) => Boolean(e.needsRuntime) === Boolean(method.needsRuntime))).toBe(true);
        });
      }
    }
  });
});

/**
 * A snapshot where the listed permissions (on every resource) are all a user and a role of the
 * account hold, through one customer managed policy attached to both; around them, the targets
 * the methods look for: an administrator role the method's service may assume (with an instance
 * profile), a plain user, a plain role the sources may assume, and a group that grants everything.
 */
function exactModel(method: EscalationMethod, permissions: readonly string[]) {
  const policyDoc = allow([...permissions]);
  if (method.id.includes('stackset')) {
    const { model, source } = stackSetModel({ callerPolicies: [policyDoc] });
    return { model, sources: [source] };
  }
  const b = new ModelBuilder().account(A);
  const managed = b.managed(A, 'dev-policy', policyDoc);
  const user = b.user(A, 'dev', { managed: [managed], groups: ['devs'] });
  const role = b.role(A, 'dev-role', trustAws(`arn:aws:iam::${A}:root`), { managed: [managed] });
  b.group(A, 'devs', []);
  b.group(A, 'admins', [ADMIN_DOC]);
  b.user(A, 'ops', {});
  b.role(A, 'assumable', trustAws([user, role]), { policies: [allow('s3:ListBucket')] });
  const service = method.service ?? 'ec2.amazonaws.com';
  const target = b.role(A, 'ops-admin', trustFor(service), { policies: [ADMIN_DOC] });
  if (method.alsoPass) b.role(A, 'helper', trustService(method.alsoPass));
  const model = b.build();
  addInstanceProfile(model, target);
  return { model, sources: [user, role] };
}
