/** How the people resolvers shape what the query layer answers: nodes tagged, people bound to their snapshot. */
import type { PersonOut, SignInOut } from '../../query/index.ts';
import { nodeFromRow } from '../../query/edges.ts';
import type { NodeRef } from '../../query/graph.ts';
import { tagNodes } from './node-flags.ts';

/** Snapshot-bound objects carry their snapshot id for their field resolvers. */
export type WithSnapshot<T> = T & { _snapshotId: string };

export const withSnapshot = <T extends object>(x: T, snapshotId: string): WithSnapshot<T> => ({
  ...x,
  _snapshotId: snapshotId,
});

export function graphNode(ref: Parameters<typeof nodeFromRow>[0], snapshotId: string): NodeRef {
  const n = nodeFromRow(ref);
  tagNodes([n], snapshotId);
  return n;
}

/** A person, ready for the fields of Person that read more (groups, assignments, signIns). */
export const personOut = <P extends PersonOut>(p: P, snapshotId: string): WithSnapshot<P> =>
  withSnapshot(p, snapshotId);

export const signInOut = (s: SignInOut, snapshotId: string) => ({
  ...s,
  role: graphNode(s.role, snapshotId),
});
