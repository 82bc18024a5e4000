import { describe, expect, it } from 'vitest';
import { roleArn, trustAws, userArn } from '../trust/test-model.ts';
import { escalationFindings } from './findings.ts';
import { EscalationGraph } from './paths.ts';
import { A, ADMIN_DOC, allow, ModelBuilder, run, trustService } from './test-support.ts';
import { adminTarget } from './types.ts';

/** u --assume--> hop --PutRolePolicy(itself)--> admin; u --assume(MFA)--> mfa-hop --assume--> admin role. */
function chain() {
  const b = new ModelBuilder().account(A);
  const u = userArn(A, 'u');
  const hop = b.role(A, 'hop', trustAws(u), { policies: [allow('iam:PutRolePolicy', roleArn(A, 'hop'))] });
  const fn = b.role(A, 'fn', trustService('lambda.amazonaws.com'), { policies: [allow('s3:GetObject')] });
  b.user(A, 'u', {
    policies: [allow('iam:PassRole', fn), allow(['lambda:CreateFunction', 'lambda:InvokeFunction'])],
  });
  const lonely = b.user(A, 'lonely');
  const breakglass = b.user(A, 'bg');
  const admin = b.role(
    A,
    'admin',
    trustAws(breakglass, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
    { policies: [ADMIN_DOC] },
  );
  return { a: run(b.build()), u, hop, fn, lonely, breakglass, admin };
}

describe('escalation paths', () => {
  it('shortest path to admin goes through CAN_ASSUME and CAN_ESCALATE_TO hops with evidence', () => {
    const { a, u, hop } = chain();
    const path = new EscalationGraph(a).shortestPath(u, 'admin');
    expect(path?.hops.map((h) => [h.kind, h.to])).toEqual([
      ['CAN_ASSUME', hop],
      ['CAN_ESCALATE_TO', adminTarget(A)],
    ]);
    expect(path?.length).toBe(2);
    expect(path?.hops.every((h) => h.evidence.length > 0)).toBe(true);
  });

  it('a principal goal is reached through an administrator of its account (ADMIN_CONTROLS)', () => {
    const { a, u, breakglass } = chain();
    const path = new EscalationGraph(a).shortestPath(u, breakglass);
    expect(path?.hops.at(-1)).toMatchObject({ kind: 'ADMIN_CONTROLS', to: breakglass });
  });

  it('all simple paths are bounded and sorted; the PassRole hop appears as its own path to the function role', () => {
    const { a, u, fn } = chain();
    const g = new EscalationGraph(a);
    expect(g.allPaths(u, fn).map((p) => p.length)[0]).toBe(1);
    expect(g.allPaths(u, 'admin', { maxDepth: 1 })).toEqual([]);
    expect(g.allPaths(u, 'admin', { maxPaths: 1 })).toHaveLength(1);
  });

  it('prefers fewer conditions among equally short paths', () => {
    const b = new ModelBuilder().account(A);
    const u = userArn(A, 'u');
    b.user(A, 'u', { policies: [allow('sts:AssumeRole')] });
    const mfa = b.role(
      A,
      'a-mfa',
      trustAws(u, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
      {
        policies: [ADMIN_DOC],
      },
    );
    const plain = b.role(A, 'b-plain', trustAws(u), { policies: [ADMIN_DOC] });
    const path = new EscalationGraph(run(b.build())).shortestPath(u, 'admin');
    expect(path?.hops[0]?.to).toBe(plain);
    expect(path?.conditionCount).toBe(0);
    expect(mfa).not.toBe(plain);
  });
});

describe('escalation findings', () => {
  it('one finding per non-admin principal that reaches admin only by escalating, naming the path', () => {
    const { a, u, hop, breakglass } = chain();
    const findings = escalationFindings(a);
    expect(findings.map((f) => f.subjects[0]).sort()).toEqual([hop, u].sort());
    const fu = findings.find((f) => f.subjects[0] === u);
    expect(fu).toMatchObject({ kind: 'escalation-to-admin', severity: 'high' });
    expect(fu?.subjects).toEqual([u, hop, A]);
    expect(fu?.why).toMatch(/Put an inline policy on a role/);
    // break-glass reaches admin by assuming a role it is trusted for: by design, not an escalation.
    expect(findings.some((f) => f.subjects[0] === breakglass)).toBe(false);
    expect(findings.find((f) => f.subjects[0] === hop)?.severity).toBe('critical');
  });
});
