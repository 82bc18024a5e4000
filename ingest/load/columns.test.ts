import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { statement } from '../../cypher/index.ts';
import { columnParams, statementColumns } from './columns.ts';
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
  it('makes one list per column, null where a row lacks the property, the rest in $more', () => {
    const rows: Row[] = [
      { key: 'k1', props: { a: 'x', b: 2, c: [1, 2] } },
      { key: 'k2', props: { b: 1.5, key: 'other' } },
      { key: 'k3', props: {} },
    ];
    const { params, count } = columnParams(rows, statementColumns(NODE), undefined);
    expect(count).toBe(3);
    expect(params.key).toEqual(['k1', 'k2', 'k3']);
    expect(params.a).toEqual(['x', null, null]);
    // Integers become Neo4j integers, other numbers stay floats; lists are sent as they are.
    expect(params.b).toEqual([neo4j.int(2), 1.5, null]);
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
      a: [neo4j.int(1), null],
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
