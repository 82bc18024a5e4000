/**
 * IAM and STS over the Query protocol, the calls the collector makes:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 * (IsTruncated/Marker pages of at most MaxItems entries, policy documents
 * URL-encoded), ListSAMLProviders, ListOpenIDConnectProviders,
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html and
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html; and the per-user calls
 * other IAM tools make after it, answered for users without keys, passwords or MFA devices:
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccessKeys.html,
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html (NoSuchEntity, 404),
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListMFADevices.html and
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html
 */
import { HEADER } from '../../../engine/credential-report.sample.ts';
import { AwsError, page } from './wire.ts';
import type { FakeAccount, Json } from './world.ts';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

const DOCUMENT_KEYS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Document']);

/** Policy documents as the API sends them: URL-encoded JSON text. */
function encodeDocuments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encodeDocuments);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value))
    out[k] =
      DOCUMENT_KEYS.has(k) && typeof v === 'object' && v !== null
        ? encodeURIComponent(JSON.stringify(v))
        : encodeDocuments(v);
  return out;
}

const LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

export function iamAction(
  action: string,
  params: URLSearchParams,
  account: FakeAccount,
  defaultPageSize: number,
): unknown {
  switch (action) {
    case 'GetAccountAuthorizationDetails': {
      const all = LISTS.flatMap((list) => account.details[list].map((item) => ({ list, item })));
      const size = Number(params.get('MaxItems') ?? defaultPageSize);
      const p = page(all, params.get('Marker'), size);
      const result: Record<string, unknown> = {};
      for (const list of LISTS)
        result[list] = p.items.filter((e) => e.list === list).map((e) => encodeDocuments(e.item));
      result['IsTruncated'] = p.next !== undefined;
      if (p.next !== undefined) result['Marker'] = p.next;
      return result;
    }
    case 'GenerateCredentialReport': {
      // The first request starts a report; later ones find it done (as IAM answers within minutes).
      const started = account.credentialReportRequested === true;
      account.credentialReportRequested = true;
      return started
        ? { State: 'COMPLETE' }
        : { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
    }
    case 'GetCredentialReport':
      if (!account.credentialReportRequested)
        throw new AwsError('ReportNotPresent', 'Credential report not present.', 410);
      return {
        Content: Buffer.from(account.credentialReport ?? rootOnlyReport(account.id)).toString('base64'),
        ReportFormat: 'text/csv',
        GeneratedTime: '2026-12-01T08:00:00Z',
      };
    case 'ListAccessKeys':
      return { AccessKeyMetadata: [], IsTruncated: false, UserName: knownUser(account, params) };
    case 'GetLoginProfile':
      throw new AwsError(
        'NoSuchEntity',
        `Login Profile for User ${knownUser(account, params)} cannot be found.`,
        404,
      );
    case 'ListMFADevices':
      return { MFADevices: [], IsTruncated: false, UserName: knownUser(account, params) };
    case 'ListVirtualMFADevices':
      return { VirtualMFADevices: [], IsTruncated: false };
    case 'ListSAMLProviders':
      return { SAMLProviderList: account.saml };
    case 'ListOpenIDConnectProviders':
      return { OpenIDConnectProviderList: account.oidc };
    default:
      throw new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`);
  }
}

/** The UserName a per-user call names, when the account has that user; NoSuchEntity (404) otherwise. */
function knownUser(account: FakeAccount, params: URLSearchParams): string {
  const name = params.get('UserName') ?? '';
  if (!account.details.UserDetailList.some((u) => u['UserName'] === name))
    throw new AwsError('NoSuchEntity', `The user with name ${name} cannot be found.`, 404);
  return name;
}

/** A report of an account whose only user is its root user, with MFA and no keys. */
function rootOnlyReport(accountId: string): string {
  return `${HEADER}\n<root_account>,arn:aws:iam::${accountId}:root,2021-01-01T00:00:00+00:00,not_supported,no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n`;
}
