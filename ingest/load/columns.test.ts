import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { statement } from '../../cypher/index.ts';
import { byShape, columnParams, statementColumns } from './columns.ts';
import type { Row } from './unique-rows.ts';

const NODE = `UNWIND range(0, size($key) - 1) AS i
CREATE (n:X {snapshotId: $snapshotId, key: $key[i], a: $a[i], b: $b[i]})
SET n += $more[i]`;

describe('statementColumns', () => {
  it('finds the properties a statement reads per row, and whether it takes $more', () => {
    expect(statementColumns(NODE)).toEqual({ props: ['a', 'b'], more: true });
    expect(statementColumns(statement('load/derived', 'node-EvidenceText'))).toEqual({
      props: ['id', 'text'],
      more: false,
    });
    expect(statementColumns(statement('load/derived', 'rel-ABOUT'))).toEqual({
      props: ['primary'],
      more: true,
    });
  });
});

describe('columnParams', () => {
  it('makes one list per column, null where a row lacks the property (none after the last value), the rest in $more', () => {
    const rows: Row[] = [
      { key: 'k1', props: { a: 'x', b: 2, c: [1, 2] } },
      { key: 'k2', props: { b: 1.5, key: 'other' } },
      { key: 'k3', props: {} },
    ];
    const { params, count } = columnParams(rows, statementColumns(NODE), undefined);
    expect(count).toBe(3);
    expect(params.key).toEqual(['k1', 'k2', 'k3']);
    // A column ends at its last non-null cell: Cypher reads a list past its end as null.
    expect(params.a).toEqual(['x']);
    // Integers become Neo4j integers, other numbers stay floats; lists are sent as they are.
    expect(params.b).toEqual([neo4j.int(2), 1.5]);
    expect(params.more).toEqual([{ c: [1, 2] }, { key: 'other' }, {}]);
    expect(params.from).toBeUndefined();
  });

  it('names relationship ends by element id and leaves out a row whose end is not loaded', () => {
    const ids = new Map([
      ['a', '4:x:1'],
      ['b', '4:x:2'],
    ]);
    const rows: Row[] = [
      { key: 'r1', from: 'a', to: 'b', props: { a: 1 } },
      { key: 'r2', from: 'a', to: 'gone', props: { a: 2 } },
      { key: 'r3', from: 'b', to: 'a', props: {} },
    ];
    const { params, count } = columnParams(rows, statementColumns(NODE), ids);
    expect(count).toBe(2);
    expect(params).toMatchObject({
      key: ['r1', 'r3'],
      from: ['4:x:1', '4:x:2'],
      to: ['4:x:2', '4:x:1'],
      a: [neo4j.int(1)],
    });
  });

  it('sends only the named properties to a statement without $more', () => {
    const cols = statementColumns(statement('load/derived', 'node-EvidenceText'));
    const { params } = columnParams(
      [{ key: 'e1', props: { id: 7, text: 't', extra: 'x' } }],
      cols,
      undefined,
    );
    expect(params).toEqual({ key: ['e1'], id: [neo4j.int(7)], text: ['t'] });
  });
});

describe('byShape', () => {
  const cols = statementColumns(NODE);
  it('puts rows holding more named properties first, rows of one shape together in their order', () => {
    const rows: Row[] = [
      { key: 'none1', props: { c: 1 } },
      { key: 'a1', props: { a: 1 } },
      { key: 'ab1', props: { a: 1, b: 2 } },
      { key: 'b1', props: { b: 2, a: null } },
      { key: 'none2', props: {} },
      { key: 'ab2', props: { b: 1, a: 2 } },
      { key: 'a2', props: { a: 3 } },
    ];
    expect(byShape(rows, cols).map((r) => r.key)).toEqual(['ab1', 'ab2', 'b1', 'a1', 'a2', 'none1', 'none2']);
  });

  it('leaves fewer null cells to send, and the same rows', () => {
    const rows: Row[] = Array.from({ length: 100 }, (_, i) => ({
      key: `k${i}`,
      props: i % 3 === 0 ? { a: i, b: 'x' } : i % 3 === 1 ? { a: i } : {},
    }));
    const nulls = (p: Record<string, unknown[]>) =>
      (p.a!.filter((v) => v === null).length + p.b!.filter((v) => v === null).length) as number;
    const asGiven = columnParams(rows, cols, undefined).params;
    const ordered = columnParams(byShape(rows, cols), cols, undefined).params;
    expect(nulls(asGiven)).toBe(33 + 66);
    expect(nulls(ordered)).toBe(0);
    expect([...ordered.key!].sort()).toEqual([...asGiven.key!].sort());
  });

  it('returns the rows as they are when they all have one shape', () => {
    const rows: Row[] = [
      { key: 'x', props: { a: 1 } },
      { key: 'y', props: { a: 2 } },
    ];
    expect(byShape(rows, cols)).toBe(rows);
  });
});
