/**
 * One account's IAM data, as the AWS CLI would print it:
 * GetAccountAuthorizationDetails with every page merged
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html),
 * ListSAMLProviders and ListOpenIDConnectProviders.
 */
import {
  ListOpenIDConnectProvidersCommand,
  ListSAMLProvidersCommand,
  paginateGetAccountAuthorizationDetails,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { plain } from './output.ts';

export interface AccountIam {
  authorizationDetails: {
    UserDetailList: unknown[];
    GroupDetailList: unknown[];
    RoleDetailList: unknown[];
    Policies: unknown[];
    IsTruncated: false;
  };
  samlProviders: { SAMLProviderList: unknown[] };
  oidcProviders: { OpenIDConnectProviderList: unknown[] };
}

/** Members of the API's output that hold a policy document, URL-encoded (RFC 3986) as the API returns them. */
const DOCUMENT_KEYS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Document']);

/**
 * Decodes policy documents to JSON objects as the AWS CLI does. A document
 * that does not decode is kept as the API sent it; ingest then reports it
 * with the file and path.
 */
export function decodeDocuments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeDocuments);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (DOCUMENT_KEYS.has(k) && typeof v === 'string') {
      try {
        out[k] = JSON.parse(decodeURIComponent(v)) as unknown;
      } catch {
        out[k] = v;
      }
    } else out[k] = decodeDocuments(v);
  }
  return out;
}

export async function collectAccountIam(iam: IAMClient, onPage: (page: number) => void): Promise<AccountIam> {
  const details: AccountIam['authorizationDetails'] = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
    IsTruncated: false,
  };
  let pages = 0;
  for await (const page of paginateGetAccountAuthorizationDetails({ client: iam }, {})) {
    const p = decodeDocuments(plain(page)) as Partial<Record<keyof typeof details, unknown[]>>;
    details.UserDetailList.push(...(p.UserDetailList ?? []));
    details.GroupDetailList.push(...(p.GroupDetailList ?? []));
    details.RoleDetailList.push(...(p.RoleDetailList ?? []));
    details.Policies.push(...(p.Policies ?? []));
    onPage(++pages);
  }
  const saml = plain(await iam.send(new ListSAMLProvidersCommand({}))) as { SAMLProviderList?: unknown[] };
  const oidc = plain(await iam.send(new ListOpenIDConnectProvidersCommand({}))) as {
    OpenIDConnectProviderList?: unknown[];
  };
  return {
    authorizationDetails: details,
    samlProviders: { SAMLProviderList: saml.SAMLProviderList ?? [] },
    oidcProviders: { OpenIDConnectProviderList: oidc.OpenIDConnectProviderList ?? [] },
  };
}
