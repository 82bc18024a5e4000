import { describe, expect, it } from 'vitest';
import type { PolicyDocumentJson, SnapshotModel } from '../model.ts';
import { A, B, doc, EXT, ModelBuilder, ORG_ID, trustAws } from '../trust/test-model.ts';
import { findingId, type Finding } from './finding.ts';
import { snapshotReferenceDate, trustFindings } from './trust-findings.ts';

const REFERENCE = '2025-06-01T00:00:00Z';

function orgModel(build: (b: ModelBuilder) => void): SnapshotModel {
  const b = new ModelBuilder().organization().orgAccount(A).orgAccount(B);
  build(b);
  return b.build();
}

function findings(model: SnapshotModel): Finding[] {
  return trustFindings(model, { referenceDate: REFERENCE });
}

function kinds(model: SnapshotModel, subject: string): string[] {
  return findings(model)
    .filter((f) => f.subjects[0] === subject)
    .map((f) => `${f.kind}:${f.severity}`)
    .sort();
}

const anyone = (extra: Record<string, unknown> = {}): PolicyDocumentJson =>
  doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', ...extra });

describe('trust-open-to-anyone', () => {
  it('is critical without conditions, lower when the organization narrows it', () => {
    let open = '';
    let narrowed = '';
    let mfaOnly = '';
    let specific = '';
    const model = orgModel((b) => {
      open = b.role(A, 'open', anyone());
      narrowed = b.role(
        A,
        'narrowed',
        anyone({ Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG_ID } } }),
      );
      mfaOnly = b.role(A, 'mfa', anyone({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }));
      specific = b.role(A, 'specific', trustAws(`arn:aws:iam::${B}:role/x`));
    });
    expect(kinds(model, open)).toEqual(['trust-open-to-anyone:critical']);
    expect(kinds(model, narrowed)).toEqual(['trust-open-to-anyone:medium']);
    expect(kinds(model, mfaOnly)).toEqual(['trust-open-to-anyone:high']);
    expect(kinds(model, specific)).toEqual([]);
    const f = findings(model).find((x) => x.subjects[0] === open);
    expect(f?.subjects).toEqual([open, '*']);
    expect(f?.why).toContain(`Statement 0 of the trust policy of ${open}`);
  });
});

describe('external trust', () => {
  it('without ExternalId is high, with it low; an organization account is not external', () => {
    let bare = '';
    let withId = '';
    let internal = '';
    const model = orgModel((b) => {
      bare = b.role(A, 'vendor-bare', trustAws(`arn:aws:iam::${EXT}:root`));
      withId = b.role(
        A,
        'vendor-id',
        trustAws(EXT, { Condition: { StringEquals: { 'sts:ExternalId': 'x1' } } }),
      );
      internal = b.role(A, 'internal', trustAws(`arn:aws:iam::${B}:role/ci`));
    });
    expect(kinds(model, bare)).toEqual(['external-trust-without-external-id:high']);
    expect(kinds(model, withId)).toEqual(['external-trust-with-external-id:low']);
    expect(kinds(model, internal)).toEqual([]);
    expect(findings(model).find((f) => f.subjects[0] === bare)?.subjects).toEqual([bare, EXT]);
  });

  it('a principal ARN of an external account counts as external trust', () => {
    let r = '';
    const model = orgModel((b) => {
      r = b.role(A, 'r', trustAws(`arn:aws:iam::${EXT}:role/partner`));
    });
    expect(kinds(model, r)).toEqual(['external-trust-without-external-id:high']);
  });
});

describe('trust-to-account-root', () => {
  it('medium across accounts, low within one; not for external roots or ARN-narrowed trusts', () => {
    let cross = '';
    let same = '';
    let narrowed = '';
    let external = '';
    const model = orgModel((b) => {
      cross = b.role(A, 'cross', trustAws(`arn:aws:iam::${B}:root`));
      same = b.role(A, 'same', trustAws(A));
      narrowed = b.role(
        A,
        'narrowed',
        trustAws(B, { Condition: { ArnEquals: { 'aws:PrincipalArn': `arn:aws:iam::${B}:role/ci` } } }),
      );
      external = b.role(
        A,
        'external',
        trustAws(EXT, { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }),
      );
    });
    expect(kinds(model, cross)).toEqual(['trust-to-account-root:medium']);
    expect(kinds(model, same)).toEqual(['trust-to-account-root:low']);
    expect(kinds(model, narrowed)).toEqual([]);
    expect(kinds(model, external)).toEqual(['external-trust-with-external-id:low']);
  });
});

describe('federated-trust-without-subject-condition', () => {
  const oidc = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
  const saml = `arn:aws:iam::${A}:saml-provider/corp`;
  const fed = (provider: string, action: string, condition?: Record<string, unknown>): PolicyDocumentJson =>
    doc({
      Effect: 'Allow',
      Principal: { Federated: provider },
      Action: action,
      ...(condition ? { Condition: condition } : {}),
    });

  it('OIDC without :sub is high, SAML without SAML:aud is medium; with them, nothing', () => {
    const ids: Record<string, string> = {};
    const model = orgModel((b) => {
      ids.oidcAudOnly = b.role(
        A,
        'oidc-aud',
        fed(oidc, 'sts:AssumeRoleWithWebIdentity', {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        }),
      );
      ids.oidcSub = b.role(
        A,
        'oidc-sub',
        fed(oidc, 'sts:AssumeRoleWithWebIdentity', {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/infra:*' },
        }),
      );
      ids.samlBare = b.role(A, 'saml-bare', fed(saml, 'sts:AssumeRoleWithSAML'));
      ids.samlAud = b.role(
        A,
        'saml-aud',
        fed(saml, 'sts:AssumeRoleWithSAML', {
          StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
        }),
      );
    });
    expect(kinds(model, ids.oidcAudOnly!)).toEqual(['federated-trust-without-subject-condition:high']);
    expect(kinds(model, ids.oidcSub!)).toEqual([]);
    expect(kinds(model, ids.samlBare!)).toEqual(['federated-trust-without-subject-condition:medium']);
    expect(kinds(model, ids.samlAud!)).toEqual([]);
  });
});

describe('unused-cross-account-role', () => {
  it('fires at 90+ days since last use or creation, only for cross-account, non-service-linked roles', () => {
    const ids: Record<string, string> = {};
    const cross = trustAws(`arn:aws:iam::${B}:role/caller`);
    const model = orgModel((b) => {
      ids.stale = b.role(A, 'stale', cross, {
        createDate: '2023-01-01T00:00:00Z',
        lastUsed: '2025-02-01T00:00:00Z',
      });
      ids.recent = b.role(A, 'recent', cross, {
        createDate: '2023-01-01T00:00:00Z',
        lastUsed: '2025-04-15T00:00:00Z',
      });
      ids.neverOld = b.role(A, 'never-old', cross, { createDate: '2024-01-01T00:00:00Z' });
      ids.neverNew = b.role(A, 'never-new', cross, { createDate: '2025-05-01T00:00:00Z' });
      ids.sameAccount = b.role(A, 'same', trustAws(`arn:aws:iam::${A}:role/caller`), {
        createDate: '2020-01-01T00:00:00Z',
      });
      ids.service = b.role(
        A,
        'svc',
        doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
        {
          createDate: '2020-01-01T00:00:00Z',
        },
      );
    });
    const unused = (id: string): boolean => kinds(model, id).includes('unused-cross-account-role:low');
    expect(unused(ids.stale!)).toBe(true);
    expect(unused(ids.recent!)).toBe(false);
    expect(unused(ids.neverOld!)).toBe(true);
    expect(unused(ids.neverNew!)).toBe(false);
    expect(unused(ids.sameAccount!)).toBe(false);
    expect(unused(ids.service!)).toBe(false);
  });

  it('measures against the newest date in the snapshot, not the clock', () => {
    const b = new ModelBuilder().organization().orgAccount(A).orgAccount(B);
    const old = b.role(A, 'old', trustAws(`arn:aws:iam::${B}:role/c`), {
      createDate: '2020-01-01T00:00:00Z',
    });
    b.role(A, 'newest', trustAws(A), { createDate: '2020-06-01T00:00:00Z' });
    const model = b.build();
    expect(snapshotReferenceDate(model)).toBe('2020-06-01T00:00:00.000Z');
    const f = trustFindings(model).find((x) => x.kind === 'unused-cross-account-role');
    expect(f?.subjects).toEqual([old]);
    expect(f?.evidence.days).toBe(152);
  });
});

describe('not-principal-with-allow', () => {
  it('fires for Allow + NotPrincipal, not for Deny + NotPrincipal', () => {
    let allow = '';
    let deny = '';
    const model = orgModel((b) => {
      allow = b.role(
        A,
        'allow',
        doc({ Effect: 'Allow', NotPrincipal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'sts:AssumeRole' }),
      );
      deny = b.role(
        A,
        'deny',
        doc(
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/x` }, Action: 'sts:AssumeRole' },
          { Effect: 'Deny', NotPrincipal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' },
        ),
      );
    });
    expect(kinds(model, allow)).toEqual(['not-principal-with-allow:high']);
    expect(kinds(model, deny)).toEqual([]);
  });
});

describe('finding ids', () => {
  it('are stable for the same kind and subjects and differ otherwise', () => {
    expect(findingId('k', ['a', 'b'])).toBe(findingId('k', ['a', 'b']));
    expect(findingId('k', ['a', 'b'])).not.toBe(findingId('k', ['a', 'c']));
    expect(findingId('k', ['a'])).not.toBe(findingId('j', ['a']));
    let r = '';
    const build = (): SnapshotModel =>
      orgModel((b) => {
        r = b.role(A, 'open', anyone());
      });
    expect(findings(build()).map((f) => f.id)).toEqual(findings(build()).map((f) => f.id));
    expect(findings(build())[0]?.id).toBe(findingId('trust-open-to-anyone', [r, '*']));
  });
});
