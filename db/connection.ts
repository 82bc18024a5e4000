/**
 * Where the graph lives: the server named by NEO4J_URI, or else the local
 * Neo4j (started on demand). Everything that talks to Neo4j gets its driver here.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { startLocalServer, type Say } from './local-server.ts';
import { readSettings } from './settings.ts';

export interface ConnectionTarget {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** 'env' when NEO4J_URI named it, 'local' for the server IAM Atlas runs itself. */
  source: 'env' | 'local';
}

export async function resolveConnection(say: Say): Promise<ConnectionTarget> {
  const s = readSettings();
  if (s.NEO4J_URI) {
    return {
      uri: s.NEO4J_URI,
      user: s.NEO4J_USER ?? s.NEO4J_USERNAME ?? 'neo4j',
      password: s.NEO4J_PASSWORD ?? '',
      database: s.NEO4J_DATABASE,
      source: 'env',
    };
  }
  const { info, alreadyRunning } = await startLocalServer(say);
  if (!alreadyRunning) say('(Set NEO4J_URI to use another Neo4j server instead.)');
  return { uri: info.uri, user: info.user, password: info.password, source: 'local' };
}

export function createDriver(target: ConnectionTarget): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    // Integers come back as JS numbers where safe; counts and sizes here stay far below 2^53.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    // A database that accepts connections but stops answering must not hold callers forever:
    // opening a connection gives up after 10 s, waiting for a free one after 60 s.
    connectionTimeout: 10_000,
    connectionAcquisitionTimeout: 60_000,
    userAgent: 'iam-atlas',
  });
}

/** A driver that has proven it can talk to the server, with a message that says what to do when not. */
export async function connect(say: Say): Promise<{ driver: Driver; target: ConnectionTarget }> {
  const target = await resolveConnection(say);
  const driver = createDriver(target);
  try {
    await driver.verifyConnectivity({ database: target.database });
  } catch (err) {
    await driver.close();
    const hint =
      target.source === 'env'
        ? 'Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.'
        : 'Run `iamatlas db status`, or `iamatlas db stop` then `iamatlas db start`.';
    throw new Error(`Cannot reach Neo4j at ${target.uri}: ${(err as Error).message}. ${hint}`, {
      cause: err,
    });
  }
  return { driver, target };
}
