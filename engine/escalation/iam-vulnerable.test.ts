/**
 * Precision and recall on a public, labelled, third-party test account:
 * Bishop Fox's IAM Vulnerable (MIT), whose Terraform names each escalation
 * path (privesc1..21, the named service paths) and each tool trap (fp1..5
 * must not be reported, fn1..4 must be). The authorization-details export in
 * test/fixtures/iam-vulnerable was derived from that Terraform (see its
 * README). Truth is the lab's label read with AWS's rules: where a label's
 * principal cannot use its path in this account as deployed (a role given a
 * user-only call, a policy with one version), the reason is written next to it.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../ingest/read/index.ts';
import { analyseEscalation, type EscalationAnalysis } from './escalate.ts';
import { EscalationGraph } from './paths.ts';

const dir = fileURLToPath(new URL('../../test/fixtures/iam-vulnerable', import.meta.url));
const ACC = '123456789012';
const user = (name: string): string => `arn:aws:iam::${ACC}:user/${name}`;
const role = (name: string): string => `arn:aws:iam::${ACC}:role/${name}`;
const both = (name: string): string[] => [user(`${name}-user`), role(`${name}-role`)];

/** Labelled paths the export alone shows: each principal must reach administrator access. */
const EXPLOITABLE = [
  ...both('privesc1-CreateNewPolicyVersion'),
  ...both('privesc3-CreateEC2WithExistingInstanceProfile'),
  ...both('privesc4-CreateAccessKey'),
  ...both('privesc5-CreateLoginProfile'),
  ...both('privesc6-UpdateLoginProfile'),
  user('privesc7-AttachUserPolicy-user'),
  user('privesc8-AttachGroupPolicy-user'),
  role('privesc9-AttachRolePolicy-role'),
  user('privesc10-PutUserPolicy-user'),
  user('privesc11-PutGroupPolicy-user'),
  role('privesc12-PutRolePolicy-role'),
  // A capability chain: join privesc-sre-group (iam:*), then a new version of its policy.
  user('privesc13-AddUserToGroup-user'),
  ...both('privesc14-UpdatingAssumeRolePolicy'),
  ...both('privesc15-PassExistingRoleToNewLambdaThenInvoke'),
  ...both('privesc16-PassRoleToNewLambdaThenTriggerWithNewDynamo'),
  ...both('privesc18-PassExistingRoleToNewGlueDevEndpoint'),
  ...both('privesc20-PassExistingRoleToCloudFormation'),
  ...both('privesc21-PassExistingRoleToNewDataPipeline'),
  ...both('privesc-codeBuildCreateProjectPassRole'),
  // privesc-AssumeRole: starting -> intermediate -> ending (AdministratorAccess-like), by assumption only.
  role('privesc-AssumeRole-starting-role'),
  role('privesc-AssumeRole-intermediate-role'),
  user('privesc-sre-user'),
  role('privesc-sre-role'),
  // The tool traps that a correct tool must report.
  ...both('fn1-privesc3-partial'),
  ...both('fn2-exploitableResourceConstraint'),
  ...both('fn3-exploitableConditionConstraint'),
  ...both('fn4-exploitableNotAction'),
];

/** Labelled paths that need something the export does not hold: found only with run-time edges. */
const NEEDS_RUNTIME: Record<string, string> = {
  [user('privesc17-EditExistingLambdaFunctionWithRole-user')]:
    'an existing Lambda function running as the role',
  [role('privesc17-EditExistingLambdaFunctionWithRole-role')]:
    'an existing Lambda function running as the role',
  [user('privesc19-UpdateExistingGlueDevEndpoint-user')]: 'an existing Glue development endpoint',
  [role('privesc19-UpdateExistingGlueDevEndpoint-role')]: 'an existing Glue development endpoint',
  [user('privesc-ssmSendCommand-user')]: 'an SSM-managed EC2 instance with the admin instance profile',
  [role('privesc-ssmSendCommand-role')]: 'an SSM-managed EC2 instance with the admin instance profile',
};

/** Principals AWS stops: none may be reported as reaching admin. */
const MUST_NOT_REACH = [
  ...both('fp1-allow-and-deny'),
  ...both('fp2-allow-and-deny-multiple-policies'),
  ...both('fp3-deny-iam'),
  ...both('fp4-nonExploitableResourceConstraint'),
  // Labelled, but not usable as deployed: the policy has a single version (the lab's own comment says so).
  ...both('privesc2-SetExistingDefaultPolicyVersion'),
  // User-only or group-only calls given to a role, which is no user, in no group and controls none.
  role('privesc7-AttachUserPolicy-role'),
  role('privesc8-AttachGroupPolicy-role'),
  role('privesc10-PutUserPolicy-role'),
  role('privesc11-PutGroupPolicy-role'),
  role('privesc13-AddUserToGroup-role'),
  // Role-only calls given to a user that can assume no role (every lab role trusts only the deployer).
  user('privesc9-AttachRolePolicy-user'),
  user('privesc12-PutRolePolicy-user'),
  // Created without any policy, and trusted by nothing.
  user('privesc-AssumeRole-start-user'),
];

/**
 * fp5 allows CreatePolicyVersion only for sessions issued before 2020 (DateLessThan
 * aws:TokenIssueTime): no request made at or after the snapshot's reference date satisfies
 * it (a role session always carries the key; a user's long-term keys carry none, and the
 * operator is not ...IfExists), so the statement is impossible and fp5 reaches nothing.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-tokenissuetime
 */
const TIME_DECIDED = both('fp5-nonExploitableConditionConstraint');

let analysis: EscalationAnalysis;
let reach: Map<string, { hops: number; cost: number }>;
let reachRuntime: Map<string, { hops: number; cost: number }>;
let graph: EscalationGraph;

beforeAll(async () => {
  const snapshot = await readSnapshot([dir]);
  analysis = analyseEscalation(snapshot.model);
  graph = new EscalationGraph(analysis);
  reach = graph.towardAdmin();
  reachRuntime = new EscalationGraph(analysis, { includeRuntime: true }).towardAdmin();
});

const fullAdmin = (arn: string): boolean => analysis.admins.get(arn)?.kind === 'full-access';

describe('IAM Vulnerable (Bishop Fox), derived authorization details', () => {
  it('every principal is labelled: exploitable, needs run time, stopped, or a full administrator', () => {
    const labelled = new Set([
      ...EXPLOITABLE,
      ...Object.keys(NEEDS_RUNTIME),
      ...MUST_NOT_REACH,
      ...TIME_DECIDED,
    ]);
    const unlabelled = [...analysis.context.principals.keys()].filter(
      (k) => !labelled.has(k) && !fullAdmin(k),
    );
    expect(unlabelled).toEqual([]);
    expect([...analysis.context.principals.keys()].filter(fullAdmin).sort()).toEqual([
      role('privesc-AssumeRole-ending-role'),
      role('privesc-high-priv-service-role'),
      user('iam-vulnerable-deployer'),
    ]);
  });

  it('recall: every labelled path the export alone shows is found', () => {
    const missed = EXPLOITABLE.filter((k) => !reach.has(k));
    expect(missed).toEqual([]);
  });

  it('paths that need a resource the export lacks are found only with run-time edges', () => {
    for (const arn of Object.keys(NEEDS_RUNTIME)) {
      expect(reach.has(arn), arn).toBe(false);
      expect(reachRuntime.has(arn), arn).toBe(true);
    }
  });

  it('precision: no principal AWS would stop is reported as reaching admin', () => {
    const reported = MUST_NOT_REACH.filter((k) => reach.has(k) || reachRuntime.has(k));
    expect(reported).toEqual([]);
  });

  it('fp5: a time condition no request since the reference date meets rules its path out', () => {
    expect(TIME_DECIDED.filter((k) => reach.has(k) || reachRuntime.has(k))).toEqual([]);
  });

  it('privesc13 is a capability chain with the evidence of both steps', () => {
    const edge = analysis.edges.find(
      (e) => e.from === user('privesc13-AddUserToGroup-user') && e.to === `admin:${ACC}`,
    );
    expect(edge?.chain?.map((s) => [s.method, s.modifies])).toEqual([
      ['iam-add-user-to-group', `arn:aws:iam::${ACC}:group/privesc-sre-group`],
    ]);
    const policies = new Set(edge?.evidence.map((e) => e.policyId));
    expect(policies).toContain(`arn:aws:iam::${ACC}:policy/privesc13-AddUserToGroup`);
    expect(policies).toContain(`arn:aws:iam::${ACC}:policy/privesc-sre-admin-policy`);
  });
});
