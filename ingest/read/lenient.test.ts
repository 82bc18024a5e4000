/**
 * Real exports as other tools and people ship them: fields the analysis does
 * not use may be null, missing or of another type; lists may come as one
 * object; dates in other ISO-8601 forms; anonymized account ids; one page of
 * a paginated output; several accounts merged into one file. Each loads,
 * and each assumption is a warning naming the file and the JSON path.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readSnapshot, type InputProblem } from './index.ts';
import {
  A,
  B,
  authorizationDetails,
  group,
  managedPolicy,
  problemsOf,
  removeInputs,
  role,
  user,
  writeInputs,
} from './testing.ts';

afterAll(removeInputs);

const customer = `arn:aws:iam::${A}:policy/Deploy`;

async function read(files: Record<string, unknown>) {
  const dir = await writeInputs(files);
  const result = await readSnapshot([dir]);
  const warnings = result.warnings.map((w: InputProblem) => ({ ...w, file: w.file.replace(`${dir}/`, '') }));
  return { ...result, warnings };
}

const warningAt = (warnings: InputProblem[], jsonPath: string): InputProblem | undefined =>
  warnings.find((w) => w.jsonPath === jsonPath);

describe('fields the analysis does not need: warned about, never refused', () => {
  it.each([
    ['PermissionsBoundaryUsageCount', null],
    ['PermissionsBoundaryUsageCount', '0'],
    ['AttachmentCount', 1e29],
    ['AttachmentCount', '1'],
    ['IsAttachable', 'yes'],
    ['Description', 7],
    ['PolicyId', null],
    ['UpdateDate', 1700000000],
    ['CreateDate', null],
  ])('policy %s = %j', async (field, value) => {
    const { model, warnings } = await read({
      'a.json': authorizationDetails({
        roles: [role(A, 'app')],
        policies: [managedPolicy(customer, { [field]: value })],
      }),
    });
    expect(model.policies.map((p) => p.arn)).toEqual([customer]);
    const w = warningAt(warnings, `Policies[0].${field}`);
    expect(w?.file).toBe('a.json');
    expect(w?.message).toContain('ignored');
  });

  it.each([
    ['CreateDate', 1700000000],
    ['Description', false],
    ['MaxSessionDuration', '3600'],
    ['MaxSessionDuration', null],
    ['RoleLastUsed', 'never'],
    ['Path', 1],
  ])('role %s = %j', async (field, value) => {
    const { model, warnings } = await read({
      'a.json': authorizationDetails({ roles: [role(A, 'app', { [field]: value })] }),
    });
    expect(model.roles.map((r) => r.name)).toEqual(['app']);
    expect(model.roles[0]?.path).toBe('/');
    expect(warningAt(warnings, `RoleDetailList[0].${field}`)?.message).toContain('ignored');
  });

  it('a policy version CreateDate and an attached policy name of the wrong type', async () => {
    const policy = managedPolicy(customer);
    const versions = policy['PolicyVersionList'] as Record<string, unknown>[];
    versions[0] = { ...versions[0], CreateDate: false };
    const { model, warnings } = await read({
      'a.json': authorizationDetails({
        users: [user(A, 'alice', { AttachedManagedPolicies: [{ PolicyName: 5, PolicyArn: customer }] })],
        policies: [policy],
      }),
    });
    expect(model.users[0]?.managedPolicyArns).toEqual([customer]);
    expect(warningAt(warnings, 'Policies[0].PolicyVersionList[0].CreateDate')).toBeDefined();
    expect(warningAt(warnings, 'UserDetailList[0].AttachedManagedPolicies[0].PolicyName')).toBeDefined();
  });

  it('what the analysis needs is still refused with file and JSON path', async () => {
    const problems = await problemsOf({
      'a.json': authorizationDetails({ roles: [role(A, 'app', { RoleName: null })] }),
    });
    expect(problems[0]).toMatchObject({ file: 'a.json', jsonPath: 'RoleDetailList[0].RoleName' });
  });
});

describe('shapes other tools write', () => {
  it('AttachedManagedPolicies as one object instead of a list (the AWS CLI documentation sample)', async () => {
    const { model, warnings } = await read({
      'a.json': authorizationDetails({
        groups: [
          group(A, 'admins', { AttachedManagedPolicies: { PolicyName: 'Deploy', PolicyArn: customer } }),
        ],
        policies: [managedPolicy(customer)],
      }),
    });
    expect(model.groups[0]?.managedPolicyArns).toEqual([customer]);
    expect(warningAt(warnings, 'GroupDetailList[0].AttachedManagedPolicies')?.message).toContain(
      'one object instead of a list',
    );
  });

  it('Statement as one object instead of a list', async () => {
    const document = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };
    const { model } = await read({
      'a.json': authorizationDetails({
        users: [user(A, 'alice', { UserPolicyList: [{ PolicyName: 'all', PolicyDocument: document }] })],
      }),
    });
    expect(model.users[0]?.inlinePolicies[0]?.document).toEqual(document);
  });

  it.each([
    ['2019-12-18 19:10:08+00:00', '2019-12-18T19:10:08.000Z'],
    ['20191218T191008Z', '2019-12-18T19:10:08.000Z'],
    ['2019-12-18T19:10Z', '2019-12-18T19:10:00.000Z'],
    ['2019-12-18T21:10:08,5+02:00', '2019-12-18T19:10:08.500Z'],
  ])('the date %s is read as %s', async (written, iso) => {
    const { model, warnings } = await read({
      'a.json': authorizationDetails({ roles: [role(A, 'app', { CreateDate: written })] }),
    });
    expect(model.roles[0]?.createDate).toBe(iso);
    expect(warnings).toEqual([]);
  });

  it('the AWS CLI date forms are kept as written', async () => {
    const { model } = await read({
      'a.json': authorizationDetails({ roles: [role(A, 'app', { CreateDate: '2024-01-02T03:04:05Z' })] }),
    });
    expect(model.roles[0]?.createDate).toBe('2024-01-02T03:04:05Z');
  });

  it('a date that is no date is ignored with a warning', async () => {
    const { model, warnings } = await read({
      'a.json': authorizationDetails({ roles: [role(A, 'app', { CreateDate: 'last tuesday' })] }),
    });
    expect(model.roles[0]?.createDate).toBeUndefined();
    expect(warningAt(warnings, 'RoleDetailList[0].CreateDate')?.message).toContain('not an ISO-8601 date');
  });

  it('a byte-order mark and CRLF line ends', async () => {
    const text = JSON.stringify(authorizationDetails({ roles: [role(A, 'app')] }), null, 2).replace(
      /\n/g,
      '\r\n',
    );
    const { model, warnings } = await read({ 'a.json': `\uFEFF${text}` });
    expect(model.roles.map((r) => r.name)).toEqual(['app']);
    expect(warnings).toEqual([]);
  });
});

describe('anonymized and hand-edited exports', () => {
  it('a Path that disagrees with the ARN: the ARN path is taken, with a warning', async () => {
    const { model, warnings } = await read({
      'a.json': authorizationDetails({
        roles: [{ ...role(A, 'app'), Arn: `arn:aws:iam::${A}:role/team/app`, Path: '/other/' }],
      }),
    });
    expect(model.roles[0]?.path).toBe('/team/');
    expect(warningAt(warnings, 'RoleDetailList[0].Path')?.message).toContain('the path in the ARN');
  });

  it('an empty Path: the ARN path is taken, with a warning', async () => {
    const { model, warnings } = await read({
      'a.json': authorizationDetails({ users: [user(A, 'alice', { Path: '' })] }),
    });
    expect(model.users[0]?.path).toBe('/');
    expect(warningAt(warnings, 'UserDetailList[0].Path')).toBeDefined();
  });

  it('an ARN whose account part was replaced (arn:aws:iam::aws:user/NAME) takes the file account', async () => {
    const { model, warnings } = await read({
      'a.json': authorizationDetails({
        users: [{ ...user(A, 'alice'), Arn: 'arn:aws:iam::aws:user/alice' }],
        roles: [role(A, 'app')],
      }),
    });
    expect(model.users[0]).toMatchObject({ arn: `arn:aws:iam::${A}:user/alice`, accountId: A });
    const w = warningAt(warnings, 'UserDetailList[0].Arn');
    expect(w?.message).toContain('arn:aws:iam::aws:user/alice');
    expect(w?.message).toContain(A);
  });

  it('the documentation account 123456789012 in a file of another account takes the file account, references too', async () => {
    const placeholderPolicy = 'arn:aws:iam::123456789012:policy/Deploy';
    const { model, warnings } = await read({
      'a.json': authorizationDetails({
        users: [
          user(A, 'alice', {
            AttachedManagedPolicies: [{ PolicyName: 'Deploy', PolicyArn: placeholderPolicy }],
          }),
        ],
        roles: [role(A, 'app'), role(A, 'web')],
        policies: [managedPolicy(placeholderPolicy)],
      }),
    });
    expect(model.accounts.map((a) => a.id)).toEqual([A]);
    expect(model.policies.map((p) => p.arn)).toEqual([customer]);
    expect(model.users[0]?.managedPolicyArns).toEqual([customer]);
    expect(warningAt(warnings, 'Policies[0].Arn')?.message).toContain('123456789012');
    expect(warnings.some((w) => w.message.includes('in no Policies list'))).toBe(false);
  });
});

describe('pages and merged files', () => {
  it('one page of a paginated output with no further page loads with a warning naming what is missing', async () => {
    const { model, warnings } = await read({
      'page.json': authorizationDetails({
        roles: [role(A, 'app')],
        page: { IsTruncated: true, Marker: 'abc' },
      }),
    });
    expect(model.roles.map((r) => r.name)).toEqual(['app']);
    const w = warnings.find((x) => x.jsonPath === 'IsTruncated');
    expect(w?.file).toBe('page.json');
    expect(w?.message).toContain(`account ${A}`);
    expect(w?.message).toContain('Marker abc');
    expect(w?.message).toContain('missing');
  });

  it('a file holding several accounts is split by the account in each ARN, with a warning', async () => {
    const { model, warnings } = await read({
      'merged.json': authorizationDetails({
        roles: [role(A, 'app'), role(A, 'web'), role(B, 'ci')],
        users: [user(B, 'bob')],
      }),
    });
    expect(model.accounts.map((a) => a.id).sort()).toEqual([A, B]);
    expect(model.roles.find((r) => r.name === 'ci')?.accountId).toBe(B);
    expect(model.sources.map((s) => s.accountId).sort()).toEqual([A, B]);
    const w = warnings.find((x) => x.message.includes('several accounts'));
    expect(w?.file).toBe('merged.json');
    expect(w?.message).toContain(A);
    expect(w?.message).toContain(B);
  });
});

describe('many entries with the same ignored field', () => {
  it('five warnings per field, then one line with how many more', async () => {
    const policies = Array.from({ length: 30 }, (_, i) =>
      managedPolicy(`arn:aws:iam::aws:policy/P${i}`, { PermissionsBoundaryUsageCount: null }),
    );
    const { model, warnings } = await read({
      'a.json': authorizationDetails({ roles: [role(A, 'app')], policies }),
    });
    expect(model.policies).toHaveLength(30);
    const about = warnings.filter((w) => w.jsonPath.includes('PermissionsBoundaryUsageCount'));
    expect(about).toHaveLength(6);
    expect(about[5]).toMatchObject({
      jsonPath: 'Policies[*].PermissionsBoundaryUsageCount',
      message: expect.stringContaining('... and 25 more entries'),
    });
  });
});
