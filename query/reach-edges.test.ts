/**
 * The reachability index's copy of CAN_ASSUME edges (query/reach-edges.ts) gives
 * every edge's hop exactly as toHop makes it from the stored properties, while
 * edges whose texts differ only by their ends share one text.
 */
import { describe, expect, it } from 'vitest';
import { toHop } from './graph.ts';
import { ReachEdgesBuilder } from './reach-edges.ts';

const ACCOUNT = '111111111111';
const role = (n: number) => `arn:aws:iam::${ACCOUNT}:role/r${n}`;
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;

/** Properties as ingest writes a CAN_ASSUME edge from `from` to `to` (trust policy id: the role's ARN). */
function props(from: string, to: string): Record<string, unknown> {
  const source = { policyId: to, policyKind: 'trust', statementIndex: 0, effect: 'Allow' };
  return {
    fromKind: from.includes(':user/') ? 'User' : 'Role',
    actions: ['sts:AssumeRole'],
    mechanism: 'AssumeRole',
    via: 'account',
    conditional: true,
    conditions: JSON.stringify([
      { key: 'aws:MultiFactorAuthPresent', operator: 'Bool', values: ['true'], mustHold: true, source },
    ]),
    evidence: JSON.stringify([source]),
    orgPolicyIds: ['p-FullAWSAccess'],
    crossAccount: false,
    crossOrganization: false,
    roleChaining: from.includes(':role/'),
    reasons: [
      `Trust policy ${to}, statement 0 trusts the account (arn:aws:iam::${ACCOUNT}:root): ${from} may call.`,
      'SCPs allow sts:AssumeRole at all 2 level(s).',
    ],
  };
}

describe('the reachability index copy of edges', () => {
  it('gives each hop as toHop gives it, sharing texts that differ only by the ends', () => {
    const b = new ReachEdgesBuilder();
    const edges: [string, string, Record<string, unknown>][] = [];
    for (let i = 0; i < 50; i++) edges.push([USER, role(i), props(USER, role(i))]);
    for (let i = 1; i < 50; i++) edges.push([role(i - 1), role(i), props(role(i - 1), role(i))]);
    // An end inside the other (the account's root key within a role ARN), and the same node at both ends.
    edges.push([ACCOUNT, role(7), props(ACCOUNT, role(7))]);
    edges.push([role(3), role(3), props(role(3), role(3))]);
    // Texts that hold the stand-in characters, values missing or of other types, a null reason.
    edges.push([USER, role(9), { ...props(USER, role(9)), evidence: '[]', reasons: ['x\u0002', null] }]);
    edges.push([
      USER,
      role(8),
      { conditional: 'yes', actions: 'sts:AssumeRole', conditions: null, reasons: 'one' },
    ]);
    for (const [from, to, p] of edges) b.add(p, from, to);
    const store = b.build();
    edges.forEach(([from, to, p], e) => expect(store.hop(e, from, to)).toEqual(toHop(from, to, p)));
    // Without the ends, the 99 generated edges' texts are the same few.
    expect(store.distinct.texts).toBeLessThan(12);
    expect(store.distinct.records).toBeLessThan(6);
  });
});
