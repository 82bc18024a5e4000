/** The database session of the commands that read or write snapshots. */
import type { Driver } from 'neo4j-driver';
import { LocalServerError, SettingsError } from '../db/errors.ts';
import { CliError, EXIT, say } from './output.ts';

/**
 * Connects (starting the local Neo4j when needed), then, in one read, checks that the schema
 * is there (applying it when not) and finishes loads and deletes whose process died.
 */
export async function withDriver<T>(fn: (driver: Driver) => Promise<T>): Promise<T> {
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
  try {
    const removed = await prepareDatabase(driver);
    for (const r of removed)
      say(
        r.was === 'deleting'
          ? `Finished deleting snapshot ${r.id}: an earlier delete was interrupted.`
          : `Removed snapshot ${r.id}: its ingest did not finish.`,
      );
    return await fn(driver);
  } finally {
    await driver.close();
  }
}
