/** The database session of the commands that read or write snapshots. */
import type { Driver } from 'neo4j-driver';
import type { DatabaseCheck } from '../ingest/load/snapshots.ts';
import { LocalServerError, SettingsError } from '../db/errors.ts';
import { CliError, EXIT, say } from './output.ts';

/**
 * Connects (starting the local Neo4j when needed), then, in one read, checks that the schema
 * is there (applying it when not) and finishes loads and deletes whose process died. With
 * `readOnly` (a command that only reads complete snapshots, which neither the schema nor the
 * dead loads touch), there is no check: `fn` runs at once on the one connection (a check
 * alongside took a second connection and its login); the next command that writes or lists
 * snapshots does it. With `writesAfterCheck`, `fn` runs while the check does, and waits for
 * `checked` (the check) before it writes: a load reads and analyses its input in the meantime.
 * With `listSnapshots`, the check's read also lists the complete snapshots (`checked`'s
 * `snapshots`, with their input files when `listSnapshots.sources`), so listing costs no
 * transaction of its own.
 */
export async function withDriver<T>(
  fn: (driver: Driver, checked: Promise<DatabaseCheck>) => Promise<T>,
  opts: { readOnly?: boolean; writesAfterCheck?: boolean; listSnapshots?: { sources: boolean } } = {},
): Promise<T> {
  // The driver and the schema are loaded here, not at start-up, so commands that need no database start fast.
  const { connect } = await import('../db/connection.ts');
  const { prepareDatabase } = await import('../ingest/load/snapshots.ts');
  let driver: Driver;
  try {
    ({ driver } = await connect(say));
  } catch (err) {
    if (err instanceof LocalServerError || err instanceof SettingsError)
      throw new CliError(err.message, EXIT.database);
    throw new CliError((err as Error).message, EXIT.database);
  }
  const prepare = async (): Promise<DatabaseCheck> => {
    const check = await prepareDatabase(driver, opts.listSnapshots ? { list: opts.listSnapshots } : {});
    for (const r of check.removed)
      say(
        r.was === 'deleting'
          ? `Finished deleting snapshot ${r.id}: an earlier delete was interrupted.`
          : `Removed snapshot ${r.id}: its ingest did not finish.`,
      );
    return check;
  };
  try {
    if (opts.readOnly) return await fn(driver, Promise.resolve({ removed: [] }));
    if (!opts.writesAfterCheck) {
      const checked = prepare();
      await checked;
      return await fn(driver, checked);
    }
    // Both settle before the driver closes; the check's failure is reported first.
    const checked = prepare();
    const [prepared, answered] = await Promise.allSettled([checked, fn(driver, checked)]);
    if (prepared.status === 'rejected') throw prepared.reason;
    if (answered.status === 'rejected') throw answered.reason;
    return answered.value;
  } finally {
    await driver.close();
  }
}
