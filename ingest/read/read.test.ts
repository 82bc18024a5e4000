import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, readSnapshot } from './index.ts';
import {
  A,
  B,
  adminDocument,
  authorizationDetails,
  group,
  managedPolicy,
  organization,
  problemsOf,
  removeInputs,
  role,
  trustDocument,
  urlEncode,
  user,
  writeInputs,
} from './testing.ts';

const awsAdmin = 'arn:aws:iam::aws:policy/AdministratorAccess';

afterAll(removeInputs);

describe('readSnapshot: a good snapshot', () => {
  it('reads accounts, principals, policies and providers into the model', async () => {
    const dir = await writeInputs({
      'organization.json': organization(),
      'prod.json': authorizationDetails({
        users: [
          user(A, 'alice', {
            GroupList: ['admins'],
            Tags: [{ Key: 'team', Value: 'sec' }],
            PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: awsAdmin },
          }),
        ],
        groups: [
          group(A, 'admins', {
            AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: awsAdmin }],
          }),
        ],
        roles: [
          role(A, 'web', {
            RoleLastUsed: { LastUsedDate: '2024-05-01T00:00:00Z', Region: 'eu-west-1' },
            RolePolicyList: [{ PolicyName: 'inline', PolicyDocument: urlEncode(adminDocument) }],
            InstanceProfileList: [
              {
                InstanceProfileName: 'web',
                InstanceProfileId: 'AIPAWEB',
                Arn: `arn:aws:iam::${A}:instance-profile/web`,
                Path: '/',
                Roles: [role(A, 'web')],
              },
            ],
          }),
          role(A, 'AWSServiceRoleForECS', { Path: '/aws-service-role/ecs.amazonaws.com/' }),
        ],
        policies: [managedPolicy(awsAdmin), managedPolicy(`arn:aws:iam::${A}:policy/team/Deploy`)],
      }),
      'other.json': authorizationDetails({ roles: [role(B, 'ci')], policies: [managedPolicy(awsAdmin)] }),
      'saml.json': {
        SAMLProviderList: [
          { Arn: `arn:aws:iam::${A}:saml-provider/Okta`, ValidUntil: '2030-01-01T00:00:00Z' },
        ],
      },
      'oidc.json': {
        OpenIDConnectProviderList: [
          {
            Arn: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`,
            Url: 'token.actions.githubusercontent.com',
            ClientIDList: ['sts.amazonaws.com'],
            ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
          },
        ],
      },
    });
    const progress: number[] = [];
    const { model, warnings, files } = await readSnapshot([dir], {
      onProgress: (e) => progress.push(e.done),
    });

    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(files.map((f) => f.kind).sort()).toEqual([
      'authorization-details',
      'authorization-details',
      'oidc-providers',
      'organization',
      'saml-providers',
    ]);
    expect(model.accounts.map((a) => [a.id, a.hasIamData, a.inOrganization])).toEqual([
      ['111111111111', false, true],
      [A, true, true],
      [B, true, false],
    ]);
    expect(warnings.map((w) => w.message).join('\n')).toContain(`account ${B} has IAM data but is not in`);

    const alice = model.users[0];
    expect(alice).toMatchObject({
      accountId: A,
      groupNames: ['admins'],
      tags: [{ key: 'team', value: 'sec' }],
    });
    expect(alice?.permissionsBoundaryArn).toBe(awsAdmin);

    const web = model.roles.find((r) => r.name === 'web');
    expect(web?.trustPolicy).toEqual(trustDocument);
    expect(web?.inlinePolicies[0]?.document).toEqual(adminDocument);
    expect(web?.lastUsed).toEqual({ lastUsedDate: '2024-05-01T00:00:00Z', region: 'eu-west-1' });
    expect(web?.instanceProfileArns).toEqual([`arn:aws:iam::${A}:instance-profile/web`]);
    expect(web?.serviceLinked).toBe(false);
    expect(model.roles.find((r) => r.name === 'AWSServiceRoleForECS')?.serviceLinked).toBe(true);
    expect(model.instanceProfiles).toEqual([
      expect.objectContaining({ name: 'web', accountId: A, roleArns: [`arn:aws:iam::${A}:role/web`] }),
    ]);

    // AdministratorAccess is in both exports: one policy, owned by 'aws'.
    expect(model.policies.filter((p) => p.arn === awsAdmin)).toEqual([
      expect.objectContaining({ accountId: 'aws', awsManaged: true }),
    ]);
    expect(model.policies.find((p) => p.name === 'Deploy')).toMatchObject({
      accountId: A,
      awsManaged: false,
      path: '/team/',
    });
    expect(model.policies.find((p) => p.name === 'Deploy')?.versions[0]?.document).toEqual(adminDocument);

    expect(model.identityProviders).toHaveLength(2);
    expect(model.identityProviders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'SAML',
          name: 'Okta',
          accountId: A,
          validUntil: '2030-01-01T00:00:00Z',
        }),
        expect.objectContaining({
          type: 'OIDC',
          name: 'token.actions.githubusercontent.com',
          accountId: A,
          clientIds: ['sts.amazonaws.com'],
        }),
      ]),
    );
    expect(model.sources.find((s) => s.path.endsWith('prod.json'))).toMatchObject({
      kind: 'authorization-details',
      accountId: A,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('marks accounts as outside any organization when no organization.json is given', async () => {
    const dir = await writeInputs({ 'a.json': authorizationDetails({ roles: [role(A, 'x')] }) });
    const { model, warnings } = await readSnapshot([dir]);
    expect(model.accounts).toEqual([{ id: A, hasIamData: true, inOrganization: false }]);
    expect(model.organization).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('reads UTF-16 output saved by Windows PowerShell', async () => {
    const dir = await writeInputs({});
    const text = JSON.stringify(authorizationDetails({ roles: [role(A, 'x')] }));
    await writeFile(
      join(dir, 'a.json'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const { model } = await readSnapshot([dir]);
    expect(model.roles.map((r) => r.name)).toEqual(['x']);
  });

  it('reads files given directly as well as folders, and reads a file named twice once', async () => {
    const dir = await writeInputs({ 'a.json': authorizationDetails({ roles: [role(A, 'x')] }) });
    const { model } = await readSnapshot([dir, join(dir, 'a.json')]);
    expect(model.roles).toHaveLength(1);
  });
});

describe('readSnapshot: pages and duplicates', () => {
  it('merges the pages of one export and keeps an entity repeated across pages once', async () => {
    const dir = await writeInputs({
      'a-1.json': authorizationDetails({
        roles: [role(A, 'one'), role(A, 'two')],
        page: { IsTruncated: true, Marker: 'abc' },
      }),
      'a-2.json': authorizationDetails({
        roles: [role(A, 'two'), role(A, 'three')],
        page: { IsTruncated: false },
      }),
    });
    const { model } = await readSnapshot([dir]);
    expect(model.roles.map((r) => r.name)).toEqual(['one', 'two', 'three']);
    expect(model.accounts).toHaveLength(1);
  });

  it('reads a page chain without its last page, with a warning that the rest is missing', async () => {
    const dir = await writeInputs({
      'a-1.json': authorizationDetails({
        roles: [role(A, 'one')],
        page: { IsTruncated: true, Marker: 'abc' },
      }),
    });
    const { model, warnings } = await readSnapshot([dir]);
    expect(model.roles.map((r) => r.name)).toEqual(['one']);
    expect(warnings).toEqual([
      expect.objectContaining({
        file: join(dir, 'a-1.json'),
        message: expect.stringContaining('are missing'),
      }),
    ]);
  });

  it('refuses two complete exports of one account', async () => {
    const problems = await problemsOf({
      'a-monday.json': authorizationDetails({ roles: [role(A, 'one')] }),
      'a-tuesday.json': authorizationDetails({ roles: [role(A, 'one'), role(A, 'two')] }),
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'a-tuesday.json',
        message: expect.stringContaining(`account ${A} has two complete exports`),
      }),
    ]);
  });

  it('refuses the same ARN with different content, once per pair of files', async () => {
    const problems = await problemsOf({
      'a-1.json': authorizationDetails({
        roles: [role(A, 'one'), role(A, 'two')],
        page: { IsTruncated: true, Marker: 'm' },
      }),
      'a-2.json': authorizationDetails({
        roles: [role(A, 'one', { Description: 'changed' }), role(A, 'two', { MaxSessionDuration: 7200 })],
      }),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'a-2.json', jsonPath: 'RoleDetailList[0]' });
    expect(problems[0]?.message).toContain('and 1 more');
  });

  it('accepts filtered exports of one account that list different kinds of entity', async () => {
    const dir = await writeInputs({
      'a-roles.json': authorizationDetails({ roles: [role(A, 'one')] }),
      'a-users.json': authorizationDetails({ users: [user(A, 'alice')] }),
    });
    const { model } = await readSnapshot([dir]);
    expect([model.roles.length, model.users.length]).toEqual([1, 1]);
  });

  it('treats copies of an AWS-managed policy as one when only dates and per-account counts differ', async () => {
    const other = managedPolicy(awsAdmin, {
      AttachmentCount: 9,
      CreateDate: '2024-01-02T03:04:05Z',
      UpdateDate: '2024-01-02T03:04:05Z',
      PolicyVersionList: [
        {
          Document: adminDocument,
          VersionId: 'v1',
          IsDefaultVersion: true,
          CreateDate: '2024-01-02T03:04:05Z',
        },
      ],
    });
    const dir = await writeInputs({
      'a.json': authorizationDetails({ roles: [role(A, 'x')], policies: [managedPolicy(awsAdmin)] }),
      'b.json': authorizationDetails({ roles: [role(B, 'y')], policies: [other] }),
    });
    const { model, warnings } = await readSnapshot([dir]);
    expect(model.policies).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('keeps the most recently updated copy of an AWS-managed policy that differs between exports', async () => {
    const newer = managedPolicy(awsAdmin, {
      DefaultVersionId: 'v2',
      UpdateDate: '2025-01-01T00:00:00Z',
      PolicyVersionList: [{ Document: adminDocument, VersionId: 'v2', IsDefaultVersion: true }],
    });
    const dir = await writeInputs({
      'a.json': authorizationDetails({ roles: [role(A, 'x')], policies: [managedPolicy(awsAdmin)] }),
      'b.json': authorizationDetails({ roles: [role(B, 'y')], policies: [newer] }),
    });
    const { model, warnings } = await readSnapshot([dir]);
    expect(model.policies.map((p) => p.defaultVersionId)).toEqual(['v2']);
    expect(warnings.map((w) => w.message).join('\n')).toContain('1 AWS-managed policy differs');
  });
});

describe('readSnapshot: bad input', () => {
  it('gives file, line and column for JSON that ends early', async () => {
    const text = JSON.stringify(authorizationDetails({ roles: [role(A, 'x')] }), null, 2);
    const problems = await problemsOf({ 'a.json': text.slice(0, text.length - 40) });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'a.json',
        message: expect.stringContaining('the file ends early or is not valid JSON'),
        line: text.slice(0, text.length - 40).split('\n').length,
      }),
    ]);
    expect(problems[0]?.column).toBeGreaterThan(0);
  });

  it('names the JSON path and the expected type of a wrong field', async () => {
    const problems = await problemsOf({
      'a.json': authorizationDetails({ roles: [role(A, 'ok'), role(A, 'x', { RoleName: 42 })] }),
    });
    expect(problems).toEqual([
      {
        file: 'a.json',
        jsonPath: 'RoleDetailList[1].RoleName',
        message: 'wrong type: a number (42)',
        expected: 'a string',
      },
    ]);
  });

  it('reports missing required fields and malformed ARNs', async () => {
    const noId = user(A, 'bob');
    delete noId['UserId'];
    const problems = await problemsOf({
      'a.json': authorizationDetails({
        users: [noId],
        roles: [role(A, 'x', { Arn: `arn:aws:iam::${A}:user/x` })],
      }),
    });
    expect(problems.map((p) => [p.jsonPath, p.message])).toEqual([
      ['UserDetailList[0].UserId', 'missing'],
      ['RoleDetailList[0].Arn', `not an IAM role ARN: a string ("arn:aws:iam::${A}:user/x")`],
    ]);
  });

  it('reports policy documents that are not JSON, raw or URL-encoded', async () => {
    const problems = await problemsOf({
      'a.json': authorizationDetails({
        roles: [role(A, 'raw', { AssumeRolePolicyDocument: '{"Version": "2012-10-17", "Statement": [' })],
        policies: [
          managedPolicy(`arn:aws:iam::${A}:policy/p`, {
            PolicyVersionList: [
              { Document: encodeURIComponent('{"Version": '), VersionId: 'v1', IsDefaultVersion: true },
            ],
          }),
        ],
      }),
    });
    expect(problems.map((p) => p.jsonPath)).toEqual([
      'RoleDetailList[0].AssumeRolePolicyDocument',
      'Policies[0].PolicyVersionList[0].Document',
    ]);
    expect(problems[1]?.message).toContain('after URL-decoding, is not valid JSON');
    expect(problems[0]?.expected).toContain('a policy document');
  });

  it('reports names that disagree with ARNs (ARNs of another account split the file: lenient.test.ts)', async () => {
    const problems = await problemsOf({
      'a.json': authorizationDetails({
        roles: [role(A, 'one'), role(A, 'two'), role(B, 'stray')],
        users: [user(A, 'alice', { UserName: 'alicia' })],
      }),
    });
    expect(problems.map((p) => p.jsonPath).sort()).toEqual(['UserDetailList[0].UserName']);
  });

  it('reports a DefaultVersionId that names no version', async () => {
    const problems = await problemsOf({
      'a.json': authorizationDetails({
        roles: [role(A, 'x')],
        policies: [managedPolicy(`arn:aws:iam::${A}:policy/p`, { DefaultVersionId: 'v3' })],
      }),
    });
    expect(problems.map((p) => p.jsonPath)).toEqual([
      'Policies[0].DefaultVersionId',
      'Policies[0].PolicyVersionList[0].IsDefaultVersion',
    ]);
  });

  it('reports every problem of every file, not just the first', async () => {
    const dir = await writeInputs({
      'a.json': '{"RoleDetailList": [',
      'b.json': authorizationDetails({ roles: [role(B, 'x', { RoleId: 7 })] }),
      'organization.json': organization({ roots: [{ id: 'r-ab12', name: 'Root' }], organizationalUnits: [] }),
    });
    const error = await readSnapshot([dir]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((p) => p.file.slice(dir.length + 1))).toEqual([
      'a.json',
      'b.json',
      'organization.json',
    ]);
    expect((error as InputError).message).toMatch(/^3 problems in 3 files/);
    expect((error as InputError).message).toContain(
      'b.json at RoleDetailList[0].RoleId: wrong type: a number (7); expected a string',
    );
  });

  it('reports paths that do not exist and empty export files', async () => {
    const dir = await writeInputs({ 'a.json': '' });
    const error = await readSnapshot([dir, join(dir, 'missing.json')]).catch((e: unknown) => e);
    expect((error as InputError).problems.map((p) => p.message)).toEqual([
      'no such file or folder',
      expect.stringContaining('the file is empty'),
    ]);
  });

  it('refuses a second organization file', async () => {
    const problems = await problemsOf({ 'org-a.json': organization(), 'org-b.json': organization() });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'org-b.json',
        message: expect.stringContaining('a second organization file'),
      }),
    ]);
  });
});

describe('readSnapshot: files it does not read', () => {
  it('warns about each unknown file instead of skipping it silently', async () => {
    const dir = await writeInputs({
      'a.json': authorizationDetails({ roles: [role(A, 'x')] }),
      'README.md': '# notes',
      '.DS_Store': '\u0000\u0001binary',
      'accounts.json': { Accounts: [{ Id: A }] },
      'other.json': { hello: 'world' },
    });
    await mkdir(join(dir, 'nested'));
    const { warnings, files } = await readSnapshot([dir]);
    const unknown = warnings.filter((w) => w.message.startsWith('unknown file, not read'));
    expect(unknown.map((w) => w.file.slice(dir.length + 1)).sort()).toEqual([
      '.DS_Store',
      'accounts.json',
      'nested',
      'other.json',
    ]);
    expect(unknown.find((w) => w.file.endsWith('accounts.json'))?.message).toContain(
      'raw AWS Organizations output',
    );
    expect(files.find((f) => f.path.endsWith('.DS_Store'))?.kind).toBe('skipped');
    expect(files.find((f) => f.path.endsWith('other.json'))?.kind).toBe('unknown');
    // A folder's README explains the export; it is listed, not read and not warned about.
    expect(files.find((f) => f.path.endsWith('README.md'))?.kind).toBe('documentation');
  });

  it('warns about attached policies and groups that the snapshot does not contain', async () => {
    const dir = await writeInputs({
      'a.json': authorizationDetails({
        users: [user(A, 'alice', { GroupList: ['ghosts'] })],
        roles: [
          // A customer-managed policy: AWS-managed ones come from the catalog (missing-policies.test.ts).
          role(A, 'x', {
            AttachedManagedPolicies: [{ PolicyName: 'Deploy', PolicyArn: `arn:aws:iam::${A}:policy/Deploy` }],
          }),
        ],
      }),
    });
    const { warnings } = await readSnapshot([dir]);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining(`managed policy arn:aws:iam::${A}:policy/Deploy is attached to 1 principal`),
      expect.stringContaining('group ghosts of account'),
    ]);
  });

  it('refuses input with no export at all', async () => {
    const dir = await writeInputs({ 'notes.txt': 'hello' });
    const error = await readSnapshot([dir]).catch((e: unknown) => e);
    expect((error as InputError).problems[0]?.message).toContain(
      'no get-account-authorization-details output',
    );
  });
});
