import { describe, expect, it } from 'vitest';
import { readOrganization } from './organization.ts';
import type { InputProblem } from './problems.ts';
import { organization } from './testing.ts';

function read(json: unknown): { problems: InputProblem[]; result: ReturnType<typeof readOrganization> } {
  const problems: InputProblem[] = [];
  return { problems, result: readOrganization('organization.json', json, problems) };
}

describe('readOrganization', () => {
  it('reads the documented shape, parsing policy documents given as JSON strings', () => {
    const { problems, result } = read(organization());
    expect(problems).toEqual([]);
    expect(result.organization.id).toBe('o-exampleorgid');
    expect(result.organization.policies[0]?.document).toMatchObject({ Version: '2012-10-17' });
    expect(result.accounts.map((a) => a.id)).toEqual(['111111111111', '222222222222']);
  });

  it('reports malformed ids with the place and the expected form', () => {
    const { problems } = read(
      organization({
        organizationId: 'org-1',
        roots: [{ id: 'root', name: 'Root' }],
        organizationalUnits: [{ id: 'ou-1', name: 'Prod', parentId: 'r-ab12' }],
        accounts: [{ id: '1111', name: 'm', parentId: 'r-ab12', status: 'ACTIVE' }],
      }),
    );
    const paths = problems.map((p) => p.jsonPath);
    expect(paths).toEqual(
      expect.arrayContaining([
        'organizationId',
        'roots[0].id',
        'organizationalUnits[0].id',
        'accounts[0].id',
      ]),
    );
    expect(problems.find((p) => p.jsonPath === 'accounts[0].id')?.expected).toContain('12-digit');
  });

  it('reports parents and targets that name nothing in the file', () => {
    const base = organization();
    const { problems } = read({
      ...base,
      organizationalUnits: [{ id: 'ou-ab12-11111111', name: 'Prod', parentId: 'r-zz99' }],
      policies: [
        {
          id: 'p-abcd1234',
          name: 'DenyAll',
          type: 'SERVICE_CONTROL_POLICY',
          document: { Version: '2012-10-17', Statement: [] },
          targets: ['r-ab12', 'ou-ab12-99999999', '999999999999'],
        },
      ],
    });
    expect(problems.map((p) => p.jsonPath)).toEqual([
      'organizationalUnits[0].parentId',
      'policies[0].targets[1]',
      'policies[0].targets[2]',
    ]);
  });

  it('reports a cycle of organizational units once', () => {
    const { problems } = read(
      organization({
        organizationalUnits: [
          { id: 'ou-ab12-11111111', name: 'A', parentId: 'ou-ab12-22222222' },
          { id: 'ou-ab12-22222222', name: 'B', parentId: 'ou-ab12-11111111' },
        ],
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('cycle: ou-ab12-11111111 → ou-ab12-22222222 → ou-ab12-11111111');
  });

  it('reports duplicate ids, a missing management account, bad policy types and documents', () => {
    const base = organization();
    const { problems } = read({
      ...base,
      managementAccountId: '999999999999',
      accounts: [
        { id: '222222222222', name: 'a', parentId: 'r-ab12', status: 'ACTIVE' },
        { id: '222222222222', name: 'b', parentId: 'r-ab12', status: 'ACTIVE' },
      ],
      policies: [{ id: 'p-abcd1234', name: 'x', type: 'TAG_POLICY', document: '{"Version":', targets: [] }],
    });
    expect(problems.map((p) => p.jsonPath).sort()).toEqual([
      'accounts[1].id',
      'managementAccountId',
      'policies[0].document',
      'policies[0].type',
    ]);
    expect(problems.find((p) => p.jsonPath === 'policies[0].type')?.expected).toContain(
      'SERVICE_CONTROL_POLICY',
    );
  });
});
