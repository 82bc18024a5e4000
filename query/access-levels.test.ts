/**
 * A CAN_ACCESS edge stores every level of one (caller, resource) (docs/graph-model.md,
 * CAN_ACCESS): what ingest writes (ingest/transform/access-text.ts), the query layer reads back
 * level by level, each with its own actions, grant, conditions and reasons.
 */
import { describe, expect, it } from 'vitest';
import type { LevelAccess } from '../engine/resources/types.ts';
import type { CanAccessEdge } from '../engine/resources/types.ts';
import { accessRowProps } from '../ingest/transform/access-text.ts';
import { toAccessHops } from './graph.ts';
import { restoreOwnTexts } from './shared-evidence.ts';

/** The edge as ingest writes it (the caller marked, the rest in one text), then as a read restores it. */
function canAccessProps(edge: CanAccessEdge): Record<string, unknown> {
  const props = accessRowProps(edge, true, (t) => t);
  restoreOwnTexts(props);
  return props;
}

const BUCKET = 'arn:aws:s3:::site';
const ROLE = 'arn:aws:iam::111111111111:role/app';
const grant = (statementIndex: number) => ({
  policyId: BUCKET,
  policyKind: 'resource' as const,
  statementIndex,
  effect: 'Allow' as const,
  statement: { Effect: 'Allow' },
});

const read: LevelAccess = {
  level: 'read',
  actions: ['s3:GetObject'],
  via: 'resource-policy',
  public: false,
  conditional: false,
  conditions: [],
  resourceStatement: grant(0),
  evidence: [grant(0)],
  reasons: [`${ROLE} may read`],
};
const write: LevelAccess = {
  level: 'write',
  actions: ['s3:PutObject', 's3:DeleteObject'],
  via: 'identity-policy',
  public: false,
  conditional: true,
  conditions: [
    {
      key: 'aws:SourceIp',
      operator: 'IpAddress',
      values: ['203.0.113.0/24'],
      mustHold: true,
      source: grant(1),
    },
  ],
  evidence: [],
  reasons: [`${ROLE} may write`],
};

describe('a CAN_ACCESS edge with several levels', () => {
  const edge = {
    from: ROLE,
    fromKind: 'Role' as const,
    to: BUCKET,
    crossAccount: false,
    crossOrganization: false,
  };

  it('reads back one hop per level, each with what is its own', () => {
    const props = canAccessProps({ ...edge, levels: [read, write] });
    expect(props).toMatchObject({ levels: ['read', 'write'], conditional: true });
    const hops = toAccessHops(ROLE, BUCKET, props);
    expect(hops.map((h) => [h.level, h.actions, h.via, h.conditional])).toEqual([
      ['read', ['s3:GetObject'], 'resource-policy', false],
      ['write', ['s3:PutObject', 's3:DeleteObject'], 'identity-policy', true],
    ]);
    expect(hops[0]?.conditions).toEqual([]);
    expect(hops[1]?.conditions.map((c) => c.key)).toEqual(['aws:SourceIp']);
    expect(hops[0]?.evidence.map((e) => e.statementIndex)).toEqual([0]);
    expect(hops[1]?.evidence).toEqual([]);
    expect(hops.map((h) => h.reasons)).toEqual([[`${ROLE} may read`], [`${ROLE} may write`]]);
  });

  it('names its own caller in the reasons of a decision shared with another principal', () => {
    const other = 'arn:aws:iam::111111111111:role/other';
    const props = canAccessProps({
      ...edge,
      from: other,
      levels: [read],
      renamed: { from: ROLE, to: other },
    });
    expect(toAccessHops(other, BUCKET, props)[0]?.reasons).toEqual([`${other} may read`]);
  });

  it('reads an edge with one level as that level', () => {
    const props = canAccessProps({ ...edge, levels: [write] });
    expect(props['levelDetail']).toBeUndefined();
    expect(toAccessHops(ROLE, BUCKET, props).map((h) => [h.level, h.conditional])).toEqual([['write', true]]);
  });
});
