/** The database session of the commands that read or write snapshots. */
import type { Driver } from 'neo4j-driver';
import { connect } from '../db/connection.ts';
import { LocalServerError } from '../db/local-server.ts';
import { SettingsError } from '../db/settings.ts';
import { applySchema, cleanupAbandoned } from '../ingest/load/snapshots.ts';
import { CliError, EXIT, say } from './output.ts';

/** Connects (starting the local Neo4j when needed), applies the schema and clears dead loads. */
export async function withDriver<T>(fn: (driver: Driver) => Promise<T>): Promise<T> {
  let driver: Driver;
  try {
    ({ driver } = await connect(say));
  } catch (err) {
    if (err instanceof LocalServerError || err instanceof SettingsError)
      throw new CliError(err.message, EXIT.database);
    throw new CliError((err as Error).message, EXIT.database);
  }
  try {
    await applySchema(driver);
    const removed = await cleanupAbandoned(driver);
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
