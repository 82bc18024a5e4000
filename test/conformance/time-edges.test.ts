/**
 * Time conditions on the derived graph: a trust or identity statement whose
 * condition on aws:TokenIssueTime / aws:CurrentTime no request made on or
 * after the snapshot's reference date can meet yields no CAN_ASSUME or
 * CAN_ESCALATE_TO edge, and a finding says why; one every such request meets
 * holds. The reference date is the newest date in the export (here the
 * roles' creation date, 2024-06-01).
 */
import { describe, expect, it } from 'vitest';
import { analyseEscalation } from '../../engine/escalation/index.ts';
import { trustFindings } from '../../engine/findings/index.ts';
import type { PolicyDocumentJson, SnapshotModel } from '../../engine/model.ts';
import { snapshotReferenceDate } from '../../engine/reference-date.ts';
import { analyseTrust } from '../../engine/trust/index.ts';
import { A, doc, ModelBuilder } from '../../engine/trust/test-model.ts';
import { CITE } from './helpers.ts';

const CREATED = '2024-06-01T00:00:00Z';
const ADMIN = doc({ Effect: 'Allow', Action: '*', Resource: '*' });

/** A caller role `app` and a target role `admin` whose trust names `app` under `condition`. */
function trustModel(
  condition: Record<string, unknown>,
  caller: 'role' | 'user' | '*' = 'role',
): SnapshotModel {
  const b = new ModelBuilder().account(A);
  const from =
    caller === 'user'
      ? b.user(A, 'alice', { policies: [doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })] })
      : caller === 'role'
        ? b.role(A, 'app', doc(), { createDate: CREATED })
        : '*';
  const trust: PolicyDocumentJson = doc({
    Sid: 'Timed',
    Effect: 'Allow',
    Principal: { AWS: from },
    Action: 'sts:AssumeRole',
    Condition: condition,
  });
  b.role(A, 'admin', trust, { createDate: CREATED, policies: [ADMIN] });
  return b.build();
}

const adminArn = `arn:aws:iam::${A}:role/admin`;
const edgeTo = (model: SnapshotModel, from: string) =>
  analyseTrust(model).edges.find((e) => e.from === from && e.to === adminArn);

describe(`time conditions on CAN_ASSUME (${CITE.keyTokenIssueTime})`, () => {
  const app = `arn:aws:iam::${A}:role/app`;

  it('takes the newest date of the export as the reference date', () => {
    expect(snapshotReferenceDate(trustModel({}))).toBe('2024-06-01T00:00:00.000Z');
  });

  it('DateLessThan aws:TokenIssueTime 2020: no edge, and a finding names the clause and the reference date', () => {
    const model = trustModel({ DateLessThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } });
    expect(edgeTo(model, app)).toBeUndefined();
    const finding = trustFindings(model).find((f) => f.kind === 'trust-statement-expired');
    expect(finding?.subjects).toEqual([adminArn]);
    expect(finding?.why).toMatch(/DateLessThan aws:TokenIssueTime 2020-01-01T00:00:00Z/);
    expect(finding?.why).toMatch(/reference date 2024-06-01T00:00:00.000Z/);
  });

  it('near miss: DateLessThan aws:TokenIssueTime 2030 keeps a conditional edge and no such finding', () => {
    const model = trustModel({ DateLessThan: { 'aws:TokenIssueTime': '2030-01-01T00:00:00Z' } });
    expect(edgeTo(model, app)?.conditions.map((c) => c.key)).toEqual(['aws:TokenIssueTime']);
    expect(trustFindings(model).some((f) => f.kind === 'trust-statement-expired')).toBe(false);
  });

  it('DateGreaterThan aws:TokenIssueTime 2020 holds for a role session: an unconditional edge that says why', () => {
    const e = edgeTo(trustModel({ DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }), app);
    expect(e?.conditional).toBe(false);
    expect(e?.reasons.join(' ')).toMatch(/holds for every request made on or after 2024-06-01/);
  });

  it('near miss: for an IAM user (long-term keys carry no aws:TokenIssueTime) the same edge stays conditional', () => {
    const model = trustModel({ DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }, 'user');
    const e = edgeTo(model, `arn:aws:iam::${A}:user/alice`);
    expect(e?.conditions.map((c) => c.key)).toEqual(['aws:TokenIssueTime']);
  });

  it('a trust open to anyone stays conditional on aws:TokenIssueTime (callers may use long-term keys)', () => {
    const model = trustModel({ DateGreaterThan: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' } }, '*');
    expect(edgeTo(model, '*')?.conditions.map((c) => c.key)).toEqual(['aws:TokenIssueTime']);
  });
});

describe(`time conditions on CAN_ESCALATE_TO (${CITE.keyCurrentTime})`, () => {
  /** alice may rewrite the admin role's trust policy until `until`. */
  function escalationModel(until: string): SnapshotModel {
    const b = new ModelBuilder().account(A);
    b.user(A, 'alice', {
      policies: [
        doc({
          Effect: 'Allow',
          Action: 'iam:UpdateAssumeRolePolicy',
          Resource: '*',
          Condition: { DateLessThan: { 'aws:CurrentTime': until } },
        }),
      ],
    });
    b.role(A, 'admin', doc(), { createDate: CREATED, policies: [ADMIN] });
    return b.build();
  }
  const alice = `arn:aws:iam::${A}:user/alice`;
  const escalations = (model: SnapshotModel) =>
    analyseEscalation(model).edges.filter((e) => e.from === alice && e.to === adminArn);

  it('an Allow that expired before the reference date gives no edge', () => {
    expect(escalations(escalationModel('2023-01-01T00:00:00Z'))).toEqual([]);
  });

  it('near miss: an Allow that expires after the reference date gives a conditional edge', () => {
    const edges = escalations(escalationModel('2030-01-01T00:00:00Z'));
    expect(edges.length).toBeGreaterThan(0);
    expect(edges[0]?.conditions.map((c) => c.key)).toContain('aws:CurrentTime');
  });
});
