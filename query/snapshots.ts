/** The complete snapshots, and one by reference: through the request's cache when the source holds one. */
import { listSnapshots, type SnapshotInfo } from '../ingest/load/snapshots.ts';
import { driverOf, resolveSnapshotCached, type Source } from './cache.ts';

export type { SnapshotInfo };

/** Every complete snapshot, newest first. */
export function snapshots(source: Source): Promise<SnapshotInfo[]> {
  return listSnapshots(driverOf(source));
}

/** A snapshot by id or name; the latest complete one without a reference. */
export function snapshot(source: Source, ref?: string): Promise<SnapshotInfo> {
  return resolveSnapshotCached(source, ref);
}
