/**
 * Finds the Neo4j the tests run against, once per test run:
 * NEO4J_URI if set; else a Testcontainers Neo4j when a Docker engine answers;
 * else the local server from db/ (started here, and stopped afterwards only if
 * this run started it).
 */
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startLocalServer, stopLocalServer } from '../../db/local-server.ts';
import { readSettings } from '../../db/settings.ts';

export interface TestNeo4jTarget {
  uri: string;
  user: string;
  password: string;
  source: 'env' | 'testcontainers' | 'local';
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4jTarget;
  }
}

function dockerEngineAnswers(): boolean {
  if (process.env.IAMATLAS_TEST_NO_DOCKER) return false;
  const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    timeout: 10_000,
    encoding: 'utf8',
  });
  return r.status === 0 && r.stdout.trim().length > 0;
}

const log = (line: string) => process.stderr.write(`[neo4j for tests] ${line}\n`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const settings = readSettings();
  if (settings.NEO4J_URI) {
    log(`using NEO4J_URI ${settings.NEO4J_URI}`);
    project.provide('neo4j', {
      uri: settings.NEO4J_URI,
      user: settings.NEO4J_USER ?? settings.NEO4J_USERNAME ?? 'neo4j',
      password: settings.NEO4J_PASSWORD ?? '',
      source: 'env',
    });
    return async () => {};
  }
  if (dockerEngineAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    log('starting neo4j:5.26-community with Testcontainers');
    const container = await new Neo4jContainer('neo4j:5.26-community')
      .withPassword('atlas-test-password')
      .start();
    project.provide('neo4j', {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      source: 'testcontainers',
    });
    return async () => {
      await container.stop();
    };
  }
  const { info, alreadyRunning } = await startLocalServer(log);
  log(`using the local Neo4j at ${info.uri}${alreadyRunning ? ' (already running)' : ''}`);
  project.provide('neo4j', { uri: info.uri, user: info.user, password: info.password, source: 'local' });
  return async () => {
    if (!alreadyRunning && process.env.IAMATLAS_TEST_KEEP_NEO4J !== '1') await stopLocalServer(log);
  };
}
