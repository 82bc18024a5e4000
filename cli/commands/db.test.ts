/** db start and status: what they print, without a server; the password never appears. */
import { describe, expect, it } from 'vitest';
import type { LocalServerInfo } from '../../db/local-server.ts';
import { renderStatus, startJson } from './db.ts';

const info: LocalServerInfo = {
  pid: 4242,
  port: 7688,
  uri: 'bolt://127.0.0.1:7688',
  user: 'neo4j',
  password: 'very-secret-password',
  startedAt: '2025-01-01T00:00:00.000Z',
};
const paths = { dataDir: '/home/a/.iamatlas/neo4j/data', passwordFile: '/home/a/.iamatlas/neo4j/password' };

describe('db', () => {
  it('says whether the server runs, in one line', () => {
    expect(renderStatus({ state: 'running', info }, paths, {})).toBe(
      'running: pid 4242, bolt://127.0.0.1:7688, user neo4j, password in /home/a/.iamatlas/neo4j/password, data in /home/a/.iamatlas/neo4j/data\n',
    );
    expect(renderStatus({ state: 'starting', pid: 7 }, paths, {})).toBe('starting: pid 7\n');
    expect(renderStatus({ state: 'stopped', reason: 'not started' }, paths, {})).toBe(
      'stopped (not started)\n',
    );
  });

  it('prints the status as JSON with where things are, and never the password', () => {
    const running = JSON.parse(
      renderStatus({ state: 'running', info }, paths, { json: true, neo4jUri: 'bolt://db:7687' }),
    ) as Record<string, unknown>;
    expect(running).toEqual({
      state: 'running',
      ...paths,
      neo4jUri: 'bolt://db:7687',
      pid: 4242,
      port: 7688,
      uri: 'bolt://127.0.0.1:7688',
      user: 'neo4j',
      startedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(JSON.parse(renderStatus({ state: 'stopped', reason: 'x' }, paths, { json: true }))).toEqual({
      state: 'stopped',
      ...paths,
      reason: 'x',
    });
    expect(JSON.parse(renderStatus({ state: 'starting', pid: 7 }, paths, { json: true }))).toEqual({
      state: 'starting',
      ...paths,
      pid: 7,
    });
    const started = startJson(info, true, paths.passwordFile);
    expect(started).toMatchObject({ pid: 4242, alreadyRunning: true, passwordFile: paths.passwordFile });
    expect(JSON.stringify(started)).not.toContain('very-secret-password');
  });
});
