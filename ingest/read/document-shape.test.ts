/**
 * Policy documents with keys that name JavaScript object internals, or nested
 * deeper than the policy grammar
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html),
 * are refused by the reader with the file and the JSON path.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readSnapshot } from './index.ts';
import {
  A,
  authorizationDetails,
  organization,
  problemsOf,
  removeInputs,
  role,
  writeInputs,
} from './testing.ts';

afterAll(removeInputs);

/** An export with one role whose trust policy is `trust` (raw JSON text, so "__proto__" stays a key). */
function exportWithTrust(trust: string): string {
  const placeholder = '"__TRUST__"';
  const text = JSON.stringify(
    authorizationDetails({ roles: [role(A, 'vendor', { AssumeRolePolicyDocument: '__TRUST__' })] }),
  );
  return text.replace(placeholder, trust);
}

const trustWith = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"444444444444"},` +
  `"Action":"sts:AssumeRole","Condition":${condition}}]}`;

const polluted = (): unknown => (Object.prototype as Record<string, unknown>)['pollutedByPolicy'];

describe('policy documents with object-internal keys', () => {
  it('"__proto__" as a condition operator: refused with its path, Object.prototype untouched', async () => {
    const problems = await problemsOf({
      'prod.json': exportWithTrust(trustWith('{"__proto__":{"pollutedByPolicy":"yes"}}')),
    });
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'prod.json',
        jsonPath: 'RoleDetailList[0].AssumeRolePolicyDocument.Statement[0].Condition.__proto__',
        message: expect.stringContaining('"__proto__" is not a policy element'),
      }),
    ]);
    expect(polluted()).toBeUndefined();
  });

  it('the same inside a URL-encoded document string, as the IAM API returns it', async () => {
    const trust = trustWith('{"StringEquals":{"constructor":"x"}}');
    const problems = await problemsOf({
      'prod.json': exportWithTrust(JSON.stringify(encodeURIComponent(trust))),
    });
    expect(problems.map((p) => p.jsonPath)).toEqual([
      'RoleDetailList[0].AssumeRolePolicyDocument.Statement[0].Condition.StringEquals.constructor',
    ]);
  });

  it('"prototype" as a Principal type in an SCP of organization.json', async () => {
    const org = JSON.stringify(organization()).replace(
      '"document":',
      '"document":{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*","NotPrincipal":{"prototype":"*"}}},"ignored":',
    );
    const problems = await problemsOf({ 'organization.json': org });
    expect(problems.map((p) => p.jsonPath)).toEqual([
      'policies[0].document.Statement.NotPrincipal.prototype',
    ]);
  });

  it('condition values may say "__proto__": only keys are refused', async () => {
    const dir = await writeInputs({
      'prod.json': exportWithTrust(trustWith('{"StringEquals":{"aws:PrincipalTag/team":"__proto__"}}')),
    });
    const read = await readSnapshot([dir]);
    expect(read.model.roles).toHaveLength(1);
  });
});

describe('policy documents nested deeper than the grammar', () => {
  it('a 10,000-deep condition value is refused with the path where it goes too deep', async () => {
    const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
    const problems = await problemsOf({
      'prod.json': exportWithTrust(trustWith(`{"StringEquals":{"aws:PrincipalArn":${deep}}}`)),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/nested more than 32 levels deep/);
    expect(problems[0]?.jsonPath).toMatch(
      /^RoleDetailList\[0\]\.AssumeRolePolicyDocument\.Statement\[0\]\.Condition\.StringEquals\["aws:PrincipalArn"\](\[0\])+$/,
    );
  });
});
