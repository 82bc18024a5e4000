/** snapshots diff: what changed rendered, without a database. */
import { describe, expect, it } from 'vitest';
import type { NodeRef } from '../../query/graph.ts';
import type { DiffSide } from '../../query/index.ts';
import { render, type SnapshotsDiffResult } from './snapshots-diff.ts';

const empty: DiffSide = { assume: [], escalate: [], findings: [], peopleEdges: [], peopleNodes: [] };
const priya: NodeRef = { key: 'person/d-1/u-1', kind: 'Person', name: 'priya@example.com' };
const role: NodeRef = {
  key: 'arn:aws:iam::444444444444:role/ProdSupport',
  kind: 'Role',
  arn: 'arn:aws:iam::444444444444:role/ProdSupport',
  name: 'ProdSupport',
  accountId: '444444444444',
};
const base: SnapshotsDiffResult = {
  from: { id: 'snap-a', name: 'monday' },
  to: { id: 'snap-b', name: 'tuesday' },
  added: empty,
  removed: empty,
};

describe('snapshots diff', () => {
  it('says when nothing changed', () => {
    expect(render(base, {})).toBe('From snapshot snap-a "monday" to snap-b "tuesday": no differences.\n');
  });

  it('lists a person joining a group and the role it lets them sign in as, and what disappeared', () => {
    const r: SnapshotsDiffResult = {
      ...base,
      added: {
        ...empty,
        peopleEdges: [
          {
            type: 'CAN_SIGN_IN_AS',
            from: priya,
            to: role,
            accountId: '444444444444',
            permissionSets: ['ProdSupport'],
            groups: ['prod-oncall'],
            direct: false,
          },
          {
            type: 'MEMBER_OF',
            from: priya,
            to: { key: 'people-group/d-1/g-1', kind: 'PeopleGroup', name: 'prod-oncall' },
            permissionSets: [],
            groups: [],
          },
        ],
      },
      removed: {
        ...empty,
        findings: [
          {
            finding: { key: 'f-1', kind: 'trust-open-to-anyone', severity: 'critical', title: 'Open' },
            subjects: [],
          },
        ],
      },
    };
    expect(render(r, {})).toBe(
      [
        'From snapshot snap-a "monday" to snap-b "tuesday":',
        'Findings: 0 added, 1 removed',
        '  - [critical] trust-open-to-anyone: Open',
        'Identity Center memberships, assignments and sign-ins: 2 added, 0 removed',
        '  + priya@example.com can sign in as arn:aws:iam::444444444444:role/ProdSupport (ProdSupport; through group prod-oncall)',
        '  + priya@example.com member of group prod-oncall',
        '',
      ].join('\n'),
    );
    expect(JSON.parse(render(r, { json: true }))).toEqual(r);
  });
});
