/**
 * Capability chains through the whole stack: the derived IAM Vulnerable export is ingested into
 * Neo4j, and `query escalations` shows privesc13's chain (join the SRE group, then write a new
 * version of its policy) with each step's statements, and the plain role-assumption chain of
 * privesc-AssumeRole.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

const LAB = path.join(projectRoot, 'test', 'fixtures', 'iam-vulnerable');
const ACC = '123456789012';
let db: TestDb;
let snapshotId: string;

beforeAll(async () => {
  db = await openTestDb();
  snapshotId = (await ingestPaths(db.driver, [LAB], { name: 'escalation-chains-cli' })).snapshotId;
  db.track(snapshotId);
});
afterAll(async () => {
  await db.close();
});

interface Hop {
  to: string;
  type: string;
  method: string;
  actions: string[];
  chain: { method: string; modifies: string; evidence: { policyId: string }[] }[];
}

const escalations = async (...args: string[]) => {
  const r = await runCli(['query', 'escalations', '--snapshot', snapshotId, '--json', ...args], cliEnv());
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { from: string; hops: Hop[] }[];
};

describe('capability chains in query escalations', () => {
  it('privesc13 joins the SRE group, then writes a new version of its policy', async () => {
    const [path1] = await escalations('--from', `arn:aws:iam::${ACC}:user/privesc13-AddUserToGroup-user`);
    const hop = path1!.hops[0]!;
    expect(hop).toMatchObject({ to: `admin:${ACC}`, method: 'iam-create-policy-version' });
    expect(hop.chain).toEqual([
      expect.objectContaining({
        method: 'iam-add-user-to-group',
        modifies: `arn:aws:iam::${ACC}:group/privesc-sre-group`,
        evidence: [
          expect.objectContaining({ policyId: `arn:aws:iam::${ACC}:policy/privesc13-AddUserToGroup` }),
        ],
      }),
    ]);
  });

  it('a labelled role-assumption chain is listed from its start', async () => {
    const paths = await escalations('--from', `arn:aws:iam::${ACC}:role/privesc-AssumeRole-starting-role`);
    expect(paths[0]!.hops.map((h) => [h.type, h.to])).toEqual([
      ['CAN_ASSUME', `arn:aws:iam::${ACC}:role/privesc-AssumeRole-intermediate-role`],
      ['CAN_ASSUME', `arn:aws:iam::${ACC}:role/privesc-AssumeRole-ending-role`],
    ]);
    for (const h of paths[0]!.hops) expect(h.chain).toEqual([]);
  });
});
