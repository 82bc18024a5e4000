/**
 * The demo organization's resources: each intended exposure listed in
 * test/fixtures/demo-org-expected.json (`resourceExposures`, explained in the
 * demo's README) is what the resource analysis finds — the edges that must
 * exist with their condition keys, the ones that must not, the public mark and
 * the findings.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../ingest/read/index.ts';
import { analyseTrust } from '../trust/index.ts';
import { analyseResources } from './analyse.ts';
import { isPublicEdge, type ResourceAnalysis } from './types.ts';

const demo = fileURLToPath(new URL('../../test/fixtures/demo-org', import.meta.url));
const expectedFile = fileURLToPath(new URL('../../test/fixtures/demo-org-expected.json', import.meta.url));

interface Exposure {
  resource: string;
  exposure: string;
  public: boolean;
  findings: { kind: string; caller: string }[];
  canAccess: { from: string; level: string; conditionKeys?: string[] }[];
  notCanAccess: { from: string; level: string }[];
}
const { resourceExposures } = JSON.parse(readFileSync(expectedFile, 'utf8')) as {
  resourceExposures: Exposure[];
};

let analysis: ResourceAnalysis;
beforeAll(async () => {
  const { model } = await readSnapshot([demo]);
  const trust = analyseTrust(model);
  analysis = analyseResources(model, { context: trust.context });
});

const edge = (to: string, from: string, level: string) =>
  analysis.edges.find((e) => e.to === to && e.from === from)?.levels.find((l) => l.level === level);

describe.each(resourceExposures)('$exposure ($resource)', (x) => {
  it.each(x.canAccess)('$from reaches it at level $level', (want) => {
    const got = edge(x.resource, want.from, want.level);
    expect(got, `no CAN_ACCESS ${want.from} -> ${x.resource} (${want.level})`).toBeDefined();
    if (want.conditionKeys !== undefined)
      expect([...new Set(got!.conditions.map((c) => c.key))].sort()).toEqual([...want.conditionKeys].sort());
  });

  it('has none of the edges that must not exist', () => {
    for (const no of x.notCanAccess)
      expect(
        edge(x.resource, no.from, no.level),
        `${no.from} -> ${x.resource} (${no.level})`,
      ).toBeUndefined();
  });

  it(`is ${x.public ? '' : 'not '}public`, () => {
    const pub = analysis.edges.some((e) => e.to === x.resource && isPublicEdge(e));
    expect(pub).toBe(x.public);
  });

  it('has exactly the expected findings', () => {
    const got = analysis.findings
      .filter((f) => f.subjects[0] === x.resource)
      .map((f) => `${f.kind} ${f.subjects[1]}`)
      .sort();
    expect(got).toEqual(x.findings.map((f) => `${f.kind} ${f.caller}`).sort());
  });
});
