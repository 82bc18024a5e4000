import { describe, expect, it } from 'vitest';
import type { EscalationResult } from '../../query/escalation.ts';
import { CliError } from '../output.ts';
import { jsonPieces, parse, render } from './escalations.ts';

const snapshot = { id: 'snap-1', name: 'snap-1' };
const USER = 'arn:aws:iam::111111111111:user/dev/bob';

describe('escalations', () => {
  it('defaults --to to admin and keeps --max-hops as the options give it', async () => {
    await expect(parse({ to: 'admin', maxHops: '3' })).resolves.toMatchObject({
      to: 'admin',
      maxHops: 3,
      limit: 10,
    });
    await expect(parse({ from: USER, to: 'admin', maxHops: '2', limit: '4' })).resolves.toMatchObject({
      from: USER,
      maxHops: 2,
      limit: 4,
    });
  });

  it('refuses a --to that is neither admin nor a user or role ARN', async () => {
    await expect(parse({ to: 'root', maxHops: '3' })).rejects.toThrow(CliError);
    await expect(parse({ to: 'root', maxHops: '3' })).rejects.toThrow(
      /--to must be admin or a user\/role ARN/,
    );
  });

  it('shows each capability chain before the hop it enables', () => {
    const results: EscalationResult[] = [
      {
        from: USER,
        to: 'admin:111111111111',
        length: 1,
        conditional: false,
        hops: [
          {
            from: USER,
            to: 'admin:111111111111',
            type: 'CAN_ESCALATE_TO',
            method: 'iam:PutUserPolicy',
            actions: ['iam:PutUserPolicy'],
            evidence: [],
            conditions: [],
            chain: [
              {
                method: 'iam:CreatePolicyVersion',
                actions: ['iam:CreatePolicyVersion'],
                modifies: 'p',
                evidence: [],
              },
            ],
          },
        ],
      },
    ];
    expect(render(results, { snapshot, request: { to: 'admin', maxHops: 3 } })).toBe(
      [
        '1 escalation path(s) to admin (snapshot snap-1):',
        `${USER}  1 hop`,
        '    first iam:CreatePolicyVersion (iam:CreatePolicyVersion) on p, then',
        '    → admin:111111111111  (iam:PutUserPolicy: iam:PutUserPolicy)',
        '',
      ].join('\n'),
    );
    expect(render([], { snapshot, request: { from: USER, to: 'admin', maxHops: 2 } })).toBe(
      `No escalation path from ${USER} to admin within 2 hops (snapshot snap-1).\n`,
    );
  });

  it('writes --json in pieces that add up to the whole answer as JSON.stringify indents it', () => {
    const json = (results: EscalationResult[], pieceChars?: number) =>
      [...jsonPieces(results, pieceChars)].join('');
    const hop = { from: USER, to: 'admin:111111111111', type: 'CAN_ESCALATE_TO' as const, method: 'm' };
    const path = (i: number): EscalationResult => ({
      from: `${USER}${i}`,
      to: 'admin:111111111111',
      length: 1,
      conditional: false,
      hops: [{ ...hop, actions: ['iam:PutUserPolicy'], evidence: [], conditions: [], chain: [] }],
    });
    for (const results of [[], [path(1)], [path(1), path(2), path(3)]])
      for (const pieceChars of [1, 100, 1 << 16])
        expect(json(results, pieceChars)).toBe(JSON.stringify(results, null, 2) + '\n');
    expect([...jsonPieces([path(1), path(2), path(3)], 1)].length).toBe(4);
    // Paths that share a hop object (a listing makes each edge's hop once), hops with
    // evidence, conditions and chains, strings that JSON escapes, and a path without hops.
    const shared = {
      from: `${USER}1`,
      to: `${USER}"2\u0000`,
      type: 'CAN_ASSUME' as const,
      method: 'AssumeRole',
      actions: ['sts:AssumeRole'],
      evidence: [{ policyId: 'p', policyKind: 'trust', statementIndex: 0, effect: 'Allow' }],
      conditions: [{ key: 'aws:MultiFactorAuthPresent', operator: 'Bool', values: ['true'] }],
      chain: [{ method: 'm', actions: ['a'], modifies: 'x', evidence: [] }],
    } as unknown as EscalationResult['hops'][number];
    const twoHops: EscalationResult = { ...path(4), length: 2, hops: [shared, path(4).hops[0]!] };
    const mixed = [twoHops, { ...path(5), hops: [shared] }, { ...path(6), length: 0, hops: [] }, twoHops];
    for (const pieceChars of [1, 100, 1 << 16])
      expect(json(mixed, pieceChars)).toBe(JSON.stringify(mixed, null, 2) + '\n');
    const rendered = render([path(1)], { json: true, snapshot, request: { to: 'admin', maxHops: 3 } });
    expect([...rendered].join('')).toBe(JSON.stringify([path(1)], null, 2) + '\n');
  });
});
