import { describe, expect, it } from 'vitest';
import { uniqueRows, type Row } from './unique-rows.ts';

describe('uniqueRows', () => {
  it('returns the same list when every key is sent once', () => {
    const rows = [
      { key: 'a', props: { x: 1 } },
      { key: 'b', props: { x: 2 } },
    ];
    expect(uniqueRows(rows)).toBe(rows);
  });

  it('keeps one node per key, later properties laid over earlier ones, null removing one', () => {
    const rows: Row[] = [
      { key: 'a', props: { x: 1, y: 'keep', z: 'drop' } },
      { key: 'b', props: { x: 2 } },
      { key: 'a', props: { x: 3, z: null } },
    ];
    expect(uniqueRows(rows)).toEqual([
      { key: 'a', props: { x: 3, y: 'keep' } },
      { key: 'b', props: { x: 2 } },
    ]);
  });

  it('tells relationships apart by key and ends, as MERGE on a pattern did', () => {
    const rows: Row[] = [
      { key: 'k', from: 'a', to: 'b', props: { n: 1 } },
      { key: 'k', from: 'a', to: 'c', props: { n: 2 } },
      { key: 'k', from: 'a', to: 'b', props: { m: 3 } },
    ];
    expect(uniqueRows(rows)).toEqual([
      { key: 'k', from: 'a', to: 'b', props: { n: 1, m: 3 } },
      { key: 'k', from: 'a', to: 'c', props: { n: 2 } },
    ]);
  });
});
