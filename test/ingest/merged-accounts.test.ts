/**
 * A file merged from two accounts' exports goes through `iamatlas ingest
 * --json`: both accounts load, the split is a warning in the output and on
 * the snapshot, and the snapshot lists the file once as its source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputProblem } from '../../ingest/read/index.ts';
import { A, authorizationDetails, removeInputs, role, user, writeInputs } from '../../ingest/read/testing.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

const OTHER = '444444444444';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
  await removeInputs();
});

describe('a file holding two accounts', () => {
  it('loads both accounts, says so in --json warnings and on the snapshot, and names the file once', async () => {
    const dir = await writeInputs({
      'merged.json': authorizationDetails({
        roles: [role(A, 'app'), role(A, 'web'), role(OTHER, 'ci')],
        users: [user(OTHER, 'bob')],
      }),
    });
    const run = await runCli(['ingest', dir, '--json', '--name', 'merged-accounts'], cliEnv());
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      snapshotId: string;
      input: Record<string, number>;
      warnings: InputProblem[];
    };
    db.track(out.snapshotId);
    expect(out.input).toMatchObject({ accounts: 2, roles: 3, users: 1 });
    const split = out.warnings.find((w) => w.message.includes("several accounts' entries"));
    expect(split?.file).toBe(`${dir}/merged.json`);

    const res = await db.driver.executeQuery(
      'MATCH (s:Snapshot {id: $id}) RETURN s.sources AS sources, s.warnings AS warnings',
      { id: out.snapshotId },
    );
    const record = res.records[0];
    expect(record?.get('sources')).toEqual([`${dir}/merged.json`]);
    expect((record?.get('warnings') as string[]).some((w) => w.includes("several accounts' entries"))).toBe(
      true,
    );
  }, 120_000);
});
