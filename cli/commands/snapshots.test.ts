/** snapshots list and delete: the list rendered and the refs picked, without a database. */
import { describe, expect, it } from 'vitest';
import { SnapshotNotFound, type SnapshotInfo } from '../../ingest/load/snapshots.ts';
import { pickSnapshots, renderList } from './snapshots.ts';

const snap = (id: string, name: string, nodes?: Record<string, number>): SnapshotInfo => ({
  id,
  name,
  status: 'complete',
  createdAt: '2025-01-01T00:00:00.000Z',
  ...(nodes ? { counts: { nodes, relationships: {} } } : {}),
});
const all = [
  snap('snap-b', 'nightly', { Account: 7, Role: 103, User: 22 }),
  snap('snap-a', 'nightly'),
  snap('snap-c', 'demo', { Account: 1 }),
];

describe('snapshots', () => {
  it('lists one line per snapshot with its accounts, roles and users', () => {
    expect(renderList(all)).toBe(
      [
        'snap-b  nightly               2025-01-01T00:00:00.000Z  7 accounts, 103 roles, 22 users',
        'snap-a  nightly               2025-01-01T00:00:00.000Z  0 accounts, 0 roles, 0 users',
        'snap-c  demo                  2025-01-01T00:00:00.000Z  1 accounts, 0 roles, 0 users',
        '',
      ].join('\n'),
    );
    expect(renderList([])).toBe('');
  });

  it('picks snapshots by id or by name (a name may name several), and names a ref that names none', () => {
    expect(pickSnapshots(all, ['snap-c']).map((s) => s.id)).toEqual(['snap-c']);
    expect(pickSnapshots(all, ['nightly', 'demo']).map((s) => s.id)).toEqual(['snap-b', 'snap-a', 'snap-c']);
    expect(() => pickSnapshots(all, ['demo', 'nope'])).toThrow(
      new SnapshotNotFound('No snapshot with id or name "nope".'),
    );
  });
});
