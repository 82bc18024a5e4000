import { describe, expect, it } from 'vitest';
import type { Props } from './graph-rows.ts';
import { EvidenceTable, INLINE } from './shared-evidence.ts';

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
