/**
 * Reader for identity provider listings: `aws iam list-saml-providers` and
 * `aws iam list-open-id-connect-providers`, with the richer fields of the
 * get-* calls accepted when someone saved those instead. The account and the
 * provider name come from the ARN.
 */
import * as z from 'zod';
import type { IdentityProvider } from '../../engine/model.ts';
import { agreeOnAccount, type AccountClaim } from './account-agreement.ts';
import { arnExample, parseIamArn } from './arn.ts';
import { childPath, type InputProblem } from './problems.ts';
import { check, checkEach, formatted, optionalString, tagList, type Located } from './validate.ts';

export interface ProvidersRead {
  file: string;
  accountId?: string;
  providers: Located<IdentityProvider>[];
}

const samlSchema = z.looseObject({
  Arn: formatted(
    (s) => parseIamArn(s, 'saml-provider') !== undefined,
    'not an IAM SAML provider ARN',
    `an ARN like ${arnExample('saml-provider')}`,
  ),
  ValidUntil: optionalString,
  CreateDate: optionalString,
  Tags: tagList,
});

const oidcSchema = z.looseObject({
  Arn: formatted(
    (s) => parseIamArn(s, 'oidc-provider') !== undefined,
    'not an IAM OIDC provider ARN',
    `an ARN like ${arnExample('oidc-provider')}`,
  ),
  Url: optionalString,
  ClientIDList: z.array(z.string()).optional(),
  ThumbprintList: z.array(z.string()).optional(),
  CreateDate: optionalString,
  Tags: tagList,
});

const topSchema = z.looseObject({
  SAMLProviderList: z.array(z.unknown()).optional(),
  OpenIDConnectProviderList: z.array(z.unknown()).optional(),
});

/** Reads both lists when both are present: a hand-combined file is still unambiguous. */
export function readProviders(file: string, json: unknown, problems: InputProblem[]): ProvidersRead {
  const top = check(topSchema, json, file, '', problems);
  const claims: AccountClaim[] = [];
  const providers: Located<IdentityProvider>[] = [];

  for (const at of checkEach(samlSchema, top?.SAMLProviderList, file, 'SAMLProviderList', problems)) {
    const v = at.value;
    const arn = parseIamArn(v.Arn, 'saml-provider');
    if (arn === undefined) continue;
    claims.push({ accountId: arn.accountId, file, jsonPath: childPath(at.jsonPath, 'Arn') });
    providers.push({
      ...at,
      value: {
        arn: v.Arn,
        accountId: arn.accountId,
        type: 'SAML',
        name: arn.name,
        ...(v.CreateDate === undefined ? {} : { createDate: v.CreateDate }),
        ...(v.ValidUntil === undefined ? {} : { validUntil: v.ValidUntil }),
        tags: v.Tags,
      },
    });
  }

  for (const at of checkEach(
    oidcSchema,
    top?.OpenIDConnectProviderList,
    file,
    'OpenIDConnectProviderList',
    problems,
  )) {
    const v = at.value;
    const arn = parseIamArn(v.Arn, 'oidc-provider');
    if (arn === undefined) continue;
    claims.push({ accountId: arn.accountId, file, jsonPath: childPath(at.jsonPath, 'Arn') });
    providers.push({
      ...at,
      value: {
        arn: v.Arn,
        accountId: arn.accountId,
        type: 'OIDC',
        name: arn.name,
        ...(v.CreateDate === undefined ? {} : { createDate: v.CreateDate }),
        ...(v.ClientIDList === undefined ? {} : { clientIds: v.ClientIDList }),
        ...(v.ThumbprintList === undefined ? {} : { thumbprints: v.ThumbprintList }),
        tags: v.Tags,
      },
    });
  }

  const accountId = agreeOnAccount(claims, 'identity provider list', problems);
  return { file, ...(accountId === undefined ? {} : { accountId }), providers };
}

/**
 * The same provider can come from a list-* file and a richer get-* file; the
 * copies complement each other, so fields are merged rather than compared.
 */
export function mergeProviders(reads: readonly ProvidersRead[]): IdentityProvider[] {
  const byArn = new Map<string, IdentityProvider>();
  for (const read of reads) {
    for (const { value } of read.providers) {
      const current = byArn.get(value.arn);
      if (current === undefined) {
        byArn.set(value.arn, value);
        continue;
      }
      const definedOnly = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
      byArn.set(value.arn, {
        ...current,
        ...definedOnly,
        tags: current.tags.length >= value.tags.length ? current.tags : value.tags,
      });
    }
  }
  return [...byArn.values()];
}
