import { afterEach, describe, expect, it } from 'vitest';
import { A } from '../../engine/trust/test-model.ts';
import type { CanAccessEdge, LevelAccess } from '../../engine/resources/types.ts';
import { FileSpill, MemorySpill, type RecordSpill } from '../load/record-spill.ts';
import type { Props } from './graph-rows.ts';
import { BUCKET, handBuiltAnalysis, identityLevel, resourceModel } from './resource-access.fixture.ts';
import { resourceAccessRows } from './resource-access-rows.ts';
import { ResourceAccessStream, type AccessRecord } from './resource-access-stream.ts';
import { EvidenceTable } from './shared-evidence.ts';

const role = (name: string) => `arn:aws:iam::${A}:role/${name}`;

/** Edges into BUCKET from principals sharing one decision (engine/resources/memo.ts), and one of a decision of its own. */
function sharedDecisionEdges(): CanAccessEdge[] {
  const level = identityLevel;
  const rep = role('rep');
  const levels = [level('read', 's3:GetObject', [`Identity policy of ${rep} allows s3:GetObject.`])];
  const own = [level('write', 's3:PutObject', [`Identity policy of ${role('solo')} allows s3:PutObject.`])];
  const edge = (from: string, of: LevelAccess[], renamed?: string): CanAccessEdge => ({
    from,
    fromKind: 'Role',
    to: BUCKET,
    crossAccount: false,
    crossOrganization: false,
    levels: of,
    ...(renamed ? { renamed: { from: renamed, to: from } } : {}),
  });
  return [
    edge(rep, levels),
    edge(role('b'), levels, rep),
    edge(role('solo'), own),
    edge(role('c'), levels, rep),
  ];
}

/** The rows and EvidenceText rows the whole-set way gives: every row made, then counted and shared with other edges' texts. */
function wholeSet(parts: CanAccessEdge[][], others: Props[]) {
  const edges = parts.flat();
  const analysis = { ...handBuiltAnalysis(role('admin')), edges, findings: [] };
  const rows = resourceAccessRows(analysis).canAccess.rows;
  const table = new EvidenceTable();
  for (const p of [...others, ...rows.map((r) => r.props)]) table.count(p);
  for (const p of others) table.share(p);
  const shared = rows.map((r) => ({ ...r, props: table.share(r.props) }));
  return { rows: shared, texts: table.rows() };
}

let spills: RecordSpill<AccessRecord>[] = [];
afterEach(() => {
  for (const s of spills) s.dispose();
  spills = [];
});

async function streamed(parts: CanAccessEdge[][], firstId: number, spill: RecordSpill<AccessRecord>) {
  spills.push(spill);
  const stream = new ResourceAccessStream((records) => spill.append(records));
  for (const edges of parts) stream.add({ edges, findings: [] });
  const { texts, row } = stream.finish(firstId);
  const rows = [];
  for await (const chunk of spill.chunks(2)) rows.push(...chunk.map(row));
  return { rows, texts, count: stream.rows };
}

describe('CAN_ACCESS rows one resource at a time', () => {
  // Another edge set's text shared twice takes number 0; the CAN_ACCESS texts come after it.
  const others: Props[] = [{ evidence: '["x"]' }, { evidence: '["x"]' }];

  it.each([
    ['in memory', () => new MemorySpill<AccessRecord>()],
    ['on disk', () => new FileSpill<AccessRecord>('iamatlas-test-access-')],
  ])('give the rows and shared texts the whole set gives (%s)', async (_how, spill) => {
    const { admin } = resourceModel();
    const parts = [handBuiltAnalysis(admin).edges, sharedDecisionEdges(), sharedDecisionEdges().slice(1)];
    const whole = wholeSet(parts, others);
    const got = await streamed(parts, 1, spill());
    expect(got.count).toBe(whole.rows.length);
    expect(got.rows).toEqual(whole.rows);
    expect(got.rows.map((r) => Object.keys(r.props))).toEqual(whole.rows.map((r) => Object.keys(r.props)));
    expect(got.texts).toEqual(whole.texts.slice(1));
    // A text carried by rows of two resources' parts is shared too (the last part repeats the second's).
    expect(got.rows.filter((r) => r.props['accessRef'] !== undefined).length).toBeGreaterThan(3);
  });

  it('carries a text only where it is first met', async () => {
    const spill = new MemorySpill<AccessRecord>();
    spills.push(spill);
    const stream = new ResourceAccessStream((records) => spill.append(records));
    stream.add({ edges: sharedDecisionEdges(), findings: [] });
    const records = spill.take();
    expect(records.map((r) => r[4] !== null)).toEqual([true, false, true, false]);
    expect(records.map((r) => r[3])).toEqual([0, 0, 1, 0]);
  });
});
