import { describe, expect, it } from 'vitest';
import { A } from '../../engine/trust/test-model.ts';
import { findingProps } from './derived.ts';
import { toGraphRows, type Props } from './graph-rows.ts';
import {
  BUCKET,
  FUNCTION,
  INSTANCE,
  KEY,
  PROFILE,
  VENDOR,
  VENDOR_ROLE,
  bucketPolicy,
  handBuiltAnalysis,
  identityLevel,
  resourceModel,
} from './resource-access.fixture.ts';
import { resourceAccessRows } from './resource-access-rows.ts';
import { canAccessProps } from '../../test/harness/can-access-reference.ts';
import { granteeTarget } from './resource-rows.ts';
import { bundleProps, CALLER_MARK, markCaller } from './shared-evidence.ts';
import type { CanAccessEdge } from '../../engine/resources/types.ts';

/** A CAN_ACCESS row with the properties it bundles (shared-evidence.ts, bundleProps) back on it. */
const unbundled = (row: { props: Props }) => ({
  ...row,
  props: { ...row.props, ...(JSON.parse(String(row.props['access'])) as Props) },
});

describe('resource rows', () => {
  it('a Resource node per resource, with its policy, settings and tags as JSON, unmarked until the analysis marks it', () => {
    const rows = toGraphRows(resourceModel().model);
    expect(rows.nodes.Resource.map((n) => n.key)).toEqual([BUCKET, KEY, FUNCTION, INSTANCE]);
    expect(rows.nodes.Resource[0]?.props).toEqual({
      arn: BUCKET,
      type: 's3-bucket',
      accountId: A,
      name: 'site',
      policy: JSON.stringify(bucketPolicy),
      settings: '{}',
      tags: '{"team":"web"}',
      sensitive: false,
      sourceFile: `${A}.resources.json`,
      sourceJsonPath: 'resources[0]',
      public: false,
      externalAccess: false,
    });
    expect(rows.nodes.Resource[1]?.props).toMatchObject({ region: 'eu-west-1', sensitive: true });
    expect(
      rows.rels.CONTAINS.filter((r) => r.from === A && r.to.startsWith('arn:aws:')).map((r) => r.to),
    ).toEqual(expect.arrayContaining([BUCKET, KEY, FUNCTION, INSTANCE]));
  });

  it('RUNS_AS: a function to its execution role, an instance to its instance profile roles', () => {
    const { model, app, web } = resourceModel();
    const runsAs = toGraphRows(model).rels.RUNS_AS;
    expect(runsAs.map((r) => [r.from, r.to, r.props])).toEqual([
      [FUNCTION, app, {}],
      [INSTANCE, web, { instanceProfileArn: PROFILE }],
    ]);
  });

  it('no RUNS_AS to a role the snapshot does not hold', () => {
    const { model } = resourceModel();
    model.resources![2]!.settings.roleArn = `arn:aws:iam::${A}:role/gone`;
    expect(toGraphRows(model).rels.RUNS_AS.map((r) => r.from)).toEqual([INSTANCE]);
  });

  it('creates the callers a policy or a KMS grant names, as trust-policy callers are', () => {
    const rows = toGraphRows(resourceModel().model);
    expect(rows.nodes.Anyone.map((n) => n.key)).toEqual(['*']);
    expect(rows.nodes.Account.find((n) => n.key === VENDOR)?.props).toMatchObject({ external: true });
    expect(rows.nodes.ExternalPrincipal.map((n) => n.key)).toEqual([VENDOR_ROLE]);
    // A Deny names no caller.
    expect(rows.nodes.Account.find((n) => n.key === '123412341234')).toBeUndefined();
  });

  it('a KMS grantee is a service principal or an AWS principal', () => {
    // https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html
    expect(granteeTarget('dynamodb.amazonaws.com')).toMatchObject({ kind: 'service' });
    expect(granteeTarget(`arn:aws:iam::${A}:root`)).toMatchObject({ kind: 'account', key: A });
    expect(granteeTarget(VENDOR_ROLE)).toMatchObject({ kind: 'role', key: VENDOR_ROLE });
  });
});

/**
 * The rows of one decision made for `rep` and shared with `callers` (engine/resources/memo.ts),
 * beside the properties each caller's edge would get alone.
 */
function sharedDecision(rep: string, callers: string[], levels: CanAccessEdge['levels']) {
  const edges: CanAccessEdge[] = callers.map((from) => ({
    from,
    fromKind: 'Role',
    to: BUCKET,
    crossAccount: false,
    crossOrganization: false,
    levels,
    ...(from === rep ? {} : { renamed: { from: rep, to: from } }),
  }));
  const stats = {
    resources: 1,
    analysedResources: 1,
    evaluateCalls: 0,
    edges: edges.length,
    publicEdges: 0,
    externalEdges: 0,
  };
  const rows = resourceAccessRows({ edges, findings: [], stats }).canAccess.rows;
  const alone = edges.map((e) => bundleProps(markCaller(canAccessProps(e), e.from), ['levels', 'callerKey']));
  return { rows, alone };
}

describe('resourceAccessRows', () => {
  it('one CAN_ACCESS row per (caller, resource), whose callers are all nodes of the graph', () => {
    const { model, admin } = resourceModel();
    const rows = resourceAccessRows(handBuiltAnalysis(admin));
    expect(rows.canAccess).toMatchObject({
      file: 'load/resources',
      name: 'rel-CAN_ACCESS',
      type: 'CAN_ACCESS',
    });
    expect(rows.canAccess.rows.map((r) => r.key)).toEqual([
      `CAN_ACCESS|*|${BUCKET}`,
      `CAN_ACCESS|${VENDOR}|${KEY}`,
      `CAN_ACCESS|${VENDOR_ROLE}|${KEY}`,
      `CAN_ACCESS|${admin}|${KEY}`,
    ]);
    const graph = toGraphRows(model);
    const keys = new Set(Object.values(graph.nodes).flatMap((list) => list.map((n) => n.key)));
    for (const r of rows.canAccess.rows) expect(keys, r.from).toContain(r.from);
  });

  it('edge props: levels, actions, how, conditions (sorted keys, slim JSON), the granting statement, evidence without bodies', () => {
    const { admin } = resourceModel();
    const [pub, vendor] = resourceAccessRows(handBuiltAnalysis(admin)).canAccess.rows.map(unbundled);
    expect(pub?.props).toMatchObject({
      fromKind: 'Anyone',
      levels: ['read'],
      actions: ['s3:GetObject'],
      public: true,
      resourcePolicyId: BUCKET,
      resourcePolicyStatementIndex: 0,
      resourceSid: 'Public',
      // The RCP is named by id, not repeated as evidence.
      orgPolicyIds: ['p-FullAWSAccess'],
      evidence: JSON.stringify([
        { policyId: BUCKET, policyKind: 'resource', statementIndex: 0, effect: 'Allow', sid: 'Public' },
      ]),
      conditionKeys: [],
      conditions: '[]',
    });
    expect(vendor?.props).toMatchObject({
      via: 'both',
      conditional: true,
      conditionKeys: ['aws:SourceIp', 'kms:ViaService'],
    });
    const conditions = JSON.parse(String(vendor?.props['conditions'])) as Record<string, unknown>[];
    expect(conditions[0]).toEqual({
      key: 'kms:ViaService',
      operator: 'StringEquals',
      values: ['s3.eu-west-1.amazonaws.com'],
      mustHold: true,
      source: { policyId: KEY, policyKind: 'resource', statementIndex: 0, effect: 'Allow', sid: 'Vendor' },
    });
  });

  it("several levels: one edge, the first level's detail, each level's differences in levelDetail", () => {
    const { admin } = resourceModel();
    const row = resourceAccessRows(handBuiltAnalysis(admin)).canAccess.rows.find((r) => r.from === admin);
    // Only the levels and the caller's key stay on the edge; the rest is one shared text.
    expect(Object.keys(row?.props ?? {}).sort()).toEqual(['access', 'callerKey', 'levels']);
    const edge = row && unbundled(row);
    expect(edge?.props).toMatchObject({
      levels: ['write', 'permissions-management'],
      actions: ['kms:Decrypt', 'kms:PutKeyPolicy'],
      via: 'identity-policy',
      evidence: '[]',
      // The texts write the caller as the mark (shared-evidence.ts); reads put it back.
      callerKey: admin,
    });
    expect(JSON.parse(String(edge?.props['levelDetail']))).toEqual([
      { level: 'write', actions: ['kms:Decrypt'] },
      {
        level: 'permissions-management',
        actions: ['kms:PutKeyPolicy'],
        evidence: JSON.stringify([
          {
            policyId: `${CALLER_MARK}#inline/p0`,
            policyKind: 'identity',
            statementIndex: 0,
            effect: 'Allow',
          },
        ]),
      },
    ]);
  });

  it('every row is the format written the plain way (test/harness/can-access-reference.ts)', () => {
    const { admin } = resourceModel();
    const analysis = handBuiltAnalysis(admin);
    const reference = analysis.edges.map((e) => {
      const props = canAccessProps(e);
      // Only users' and roles' texts write their caller as the mark.
      const marked = e.fromKind === 'User' || e.fromKind === 'Role' ? markCaller(props, e.from) : props;
      return bundleProps(marked, ['levels', 'callerKey']);
    });
    const rows = resourceAccessRows(analysis).canAccess.rows;
    expect(rows.map((r) => r.props)).toEqual(reference);
    expect(rows.map((r) => Object.keys(r.props))).toEqual(reference.map((p) => Object.keys(p)));
    expect(reference.filter((p) => 'callerKey' in p)).toHaveLength(1);
  });

  it('principals sharing a decision get the properties each would get alone, but for their own key', () => {
    const role = (name: string) => `arn:aws:iam::${A}:role/${name}`;
    const rep = role('rep');
    const level = identityLevel;
    // The decision made for `rep`, shared with the others (engine/resources/memo.ts); a later
    // sentence names role c, and role `re` is a prefix of `rep`.
    const levels = [
      level('read', 's3:GetObject', [`Identity policy of ${rep} allows s3:GetObject.`, `Like ${role('c')}.`]),
      level('write', 's3:PutObject', [`Identity policy of ${rep} allows s3:PutObject.`]),
    ];
    const { rows, alone } = sharedDecision(rep, [rep, role('b'), role('c'), role('re'), role('d')], levels);
    expect(rows.map((r) => r.props)).toEqual(alone);
    expect(rows.map((r) => Object.keys(r.props))).toEqual(alone.map((p) => Object.keys(p)));
    // One text for all but c, whose key a later sentence names.
    expect(new Set(rows.map((r) => r.props['access'])).size).toBe(2);
    expect(rows[2]?.props['access']).not.toBe(rows[1]?.props['access']);
  });

  it('callers whose key ends as it begins, or whom a sentence names, get the properties each would get alone', () => {
    const role = (name: string) => `arn:aws:iam::${A}:role/${name}`;
    const rep = role('rep');
    const levels = [
      identityLevel('read', 's3:GetObject', [`Identity policy of ${rep} allows s3:GetObject.`]),
      identityLevel('write', 's3:PutObject', [
        `Identity policy of ${rep} allows s3:PutObject.`,
        `Not ${role('e')}.`,
      ]),
    ];
    // `.../arn` and `.../a` end with a beginning of their own key; `e` is named; `f` and `g` are not.
    const callers = [rep, role('f'), role('arn'), role('a'), role('e'), role('g')];
    const { rows, alone } = sharedDecision(rep, callers, levels);
    expect(rows.map((r) => r.props)).toEqual(alone);
    // One text for all but e, whose key a sentence names.
    expect(new Set(rows.map((r) => r.props['access'])).size).toBe(2);
    expect(rows[4]?.props['access']).not.toBe(rows[1]?.props['access']);
    expect(rows[5]?.props['access']).toBe(rows[1]?.props['access']);
  });

  it('marks resources public or reached from outside the zone of trust', () => {
    const { admin } = resourceModel();
    const { marks } = resourceAccessRows(handBuiltAnalysis(admin));
    expect(marks).toMatchObject({ label: 'Resource', updatesExisting: true, name: 'node-resource-marks' });
    expect(marks.rows).toEqual([
      { key: BUCKET, props: { public: true, externalAccess: true } },
      { key: KEY, props: { public: false, externalAccess: true } },
    ]);
  });

  it('findings keep their kind and subjects; their evidence loses statement bodies', () => {
    const { admin } = resourceModel();
    const { findings } = resourceAccessRows(handBuiltAnalysis(admin));
    expect(findings.map((f) => [f.kind, f.subjects])).toEqual([
      ['public-access', [BUCKET, '*']],
      ['external-access', [KEY, VENDOR]],
    ]);
    const evidence = JSON.parse(String(findingProps(findings[1]!).evidence)) as Record<string, unknown>;
    expect(evidence['statement']).toEqual({
      policyId: KEY,
      policyKind: 'resource',
      statementIndex: 0,
      effect: 'Allow',
      sid: 'Vendor',
    });
    expect(JSON.stringify(evidence)).not.toContain('"Action"');
    expect(evidence).toMatchObject({ level: 'write', actions: ['kms:Decrypt'], zoneOfTrust: 'organization' });
  });
});
