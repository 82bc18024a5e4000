import { describe, expect, it } from 'vitest';
import type { Props } from './graph-rows.ts';
import { bundleProps, CALLER_MARK, EvidenceTable, INLINE, markCaller } from './shared-evidence.ts';

const EVIDENCE =
  '[{"policyId":"arn:aws:iam::111111111111:role/a","policyKind":"trust","statementIndex":0,"effect":"Allow"}]';
const SCP_REASON = 'SCPs allow sts:AssumeRole at all 2 level(s).';

function shareAll(edges: Props[]): { edges: Props[]; table: EvidenceTable } {
  const table = new EvidenceTable();
  for (const e of edges) table.count(e);
  return { edges: edges.map((e) => table.share(e)), table };
}

describe('shared evidence', () => {
  it('stores each text that edges share once, leaves its number on them, and keeps the rest on the edge', () => {
    const { edges, table } = shareAll([
      { evidence: EVIDENCE, conditions: '[]', reasons: ['a may assume', SCP_REASON] },
      { evidence: EVIDENCE, reasons: ['b may assume', SCP_REASON] },
      { evidence: '[{"policyId":"only-here"}]', reasons: ['c may assume'] },
    ]);
    expect(edges).toEqual([
      { conditions: '[]', evidenceRef: 0, reasonRefs: [INLINE, 1], reasons: ['a may assume'] },
      { evidenceRef: 0, reasonRefs: [INLINE, 1], reasons: ['b may assume'] },
      { evidence: '[{"policyId":"only-here"}]', reasons: ['c may assume'] },
    ]);
    expect(table.rows()).toEqual([
      { key: 'evidence:0', props: { id: 0, text: EVIDENCE } },
      { key: 'evidence:1', props: { id: 1, text: SCP_REASON } },
    ]);
  });

  it('moves shared level details and capability chains, and keeps empty lists and other properties', () => {
    const edge = () => ({
      levels: ['read', 'write'],
      levelDetail: '[{"level":"read"}]',
      chain: '[{"method":"m"}]',
      reasons: [],
    });
    const { edges } = shareAll([edge(), edge()]);
    expect(edges[1]).toEqual({ levels: ['read', 'write'], levelDetailRef: 0, chainRef: 1, reasons: [] });
  });
});

describe('the caller mark', () => {
  const ROLE = 'arn:aws:iam::111111111111:role/app';
  const edge = (caller: string): Props => ({
    reasons: [`identity-based policy p, statement 0 allows ${caller} this action.`, SCP_REASON],
    levelDetail: `[{"level":"write","reasons":["${caller} may write"]}]`,
    evidence: EVIDENCE,
  });

  it('writes the caller as the mark, so edges naming different callers the same way share their texts', () => {
    const a = markCaller(edge(ROLE), ROLE);
    const b = markCaller(edge(`${ROLE}-2`), `${ROLE}-2`);
    expect(a).toEqual({ ...edge(CALLER_MARK), callerKey: ROLE });
    expect(b.reasons).toEqual(a.reasons);
    expect(b.levelDetail).toBe(a.levelDetail);
    const { edges, table } = shareAll([a, b]);
    expect(edges[1]).toEqual({
      evidenceRef: 0,
      levelDetailRef: 1,
      reasonRefs: [2, 3],
      reasons: [],
      callerKey: `${ROLE}-2`,
    });
    expect(table.rows()).toHaveLength(4);
  });

  it('leaves an edge whose texts do not name the caller, or already hold the mark, as it is', () => {
    expect(markCaller(edge('someone else'), ROLE)).toEqual(edge('someone else'));
    const holding = { reasons: [`${ROLE} and ${CALLER_MARK}`] };
    expect(markCaller({ ...holding }, ROLE)).toEqual(holding);
  });
});

describe('bundled properties', () => {
  it('moves every property but those kept into one JSON text, leaving out nulls, which edges then share', () => {
    const edge = (): Props => ({
      levels: ['read'],
      via: 'both',
      public: false,
      resourceSid: null,
      evidence: EVIDENCE,
    });
    const bundled = [bundleProps(edge(), ['levels']), bundleProps(edge(), ['levels'])];
    const text = JSON.stringify({ via: 'both', public: false, evidence: EVIDENCE });
    expect(bundled[0]).toEqual({
      levels: ['read'],
      access: text,
    });
    const { edges, table } = shareAll(bundled);
    expect(edges[1]).toEqual({ levels: ['read'], accessRef: 0 });
    expect(table.rows()).toEqual([{ key: 'evidence:0', props: { id: 0, text } }]);
  });
});
