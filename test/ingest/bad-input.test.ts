/**
 * Bad input gets a clear error naming the file and the place, and nothing of
 * that snapshot reaches the database.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../harness/cli.ts';
import { miniAuthorizationDetails, writeInputDir, MINI_ACCOUNT } from '../harness/mini-org.ts';
import { cliEnv, openTestDb, snapshotsNamed, type TestDb } from '../harness/neo4j.ts';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

async function ingestExpectingFailure(files: Record<string, unknown>) {
  const name = `bad-${randomBytes(4).toString('hex')}`;
  const dir = writeInputDir(files);
  const run = await runCli(['ingest', dir, '--name', name], cliEnv());
  expect(await snapshotsNamed(db, name)).toBe(0);
  expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace for bad input
  return { run, dir };
}

describe('ingest rejects bad input and loads nothing', () => {
  it('truncated JSON: names the file, line and column', async () => {
    const text = JSON.stringify(miniAuthorizationDetails(), null, 2);
    const { run } = await ingestExpectingFailure({
      [`${MINI_ACCOUNT}.json`]: text.slice(0, Math.floor(text.length / 2)),
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(new RegExp(`${MINI_ACCOUNT}\\.json:\\d+:\\d+`));
    expect(run.stderr).toMatch(/nothing was loaded/);
  });

  it('wrong types: names the JSON path and what was expected', async () => {
    const details = miniAuthorizationDetails();
    (details.RoleDetailList as Record<string, unknown>[])[1]!.RoleName = 42;
    const { run } = await ingestExpectingFailure({ [`${MINI_ACCOUNT}.json`]: details });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/RoleDetailList\[1\]\.RoleName/);
    expect(run.stderr).toMatch(/expected/i);
  });

  it('a policy document that is not valid JSON, URL-encoded as the API returns it', async () => {
    const details = miniAuthorizationDetails();
    (details.RoleDetailList as Record<string, unknown>[])[0]!.AssumeRolePolicyDocument = encodeURIComponent(
      '{"Version": "2012-10-17", "Statement": [',
    );
    const { run } = await ingestExpectingFailure({ [`${MINI_ACCOUNT}.json`]: details });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/RoleDetailList\[0\]\.AssumeRolePolicyDocument/);
  });

  it('every problem of every file is reported in one run', async () => {
    const a = miniAuthorizationDetails('111122223333');
    (a.UserDetailList as Record<string, unknown>[])[0]!.UserName = ['not', 'a', 'string'];
    const b = miniAuthorizationDetails('444455556666');
    (b.GroupDetailList as Record<string, unknown>[])[0]!.Arn = 'not-an-arn';
    const { run } = await ingestExpectingFailure({ '111122223333.json': a, '444455556666.json': b });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/111122223333\.json.*UserDetailList\[0\]\.UserName/);
    expect(run.stderr).toMatch(/444455556666\.json.*GroupDetailList\[0\]\.Arn/);
  });

  it('a duplicate account (two complete exports of one account) is refused', async () => {
    const one = miniAuthorizationDetails();
    const two = miniAuthorizationDetails();
    (two.RoleDetailList as Record<string, unknown>[])[0]!.RoleId = 'AROAOTHERROLEID00001';
    const { run } = await ingestExpectingFailure({ 'prod.json': one, 'prod-copy.json': two });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/prod-copy\.json|prod\.json/);
    expect(run.stderr).toMatch(new RegExp(MINI_ACCOUNT));
  });

  it('an unknown file is reported, not silently skipped', async () => {
    const name = `unknown-${randomBytes(4).toString('hex')}`;
    const dir = writeInputDir({
      [`${MINI_ACCOUNT}.json`]: miniAuthorizationDetails(),
      'notes.json': { hello: 'world' },
    });
    const run = await runCli(['ingest', dir, '--name', name, '--json'], cliEnv());
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      snapshotId: string;
      warnings: { file: string; message: string }[];
    };
    db.track(out.snapshotId);
    expect(out.warnings.some((w) => w.file.endsWith('notes.json'))).toBe(true);
    expect(run.stderr).toMatch(/notes\.json/);
  });

  it('a path that does not exist is an error that names it', async () => {
    const run = await runCli(['ingest', '/nonexistent/iamatlas-input'], cliEnv());
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/\/nonexistent\/iamatlas-input/);
  });
});
