/**
 * ARNs of IAM entities, parsed strictly: the account id of everything we read
 * comes from them, so a malformed ARN is an input problem, not a detail.
 */

export type IamResourceType =
  'user' | 'group' | 'role' | 'instance-profile' | 'policy' | 'saml-provider' | 'oidc-provider';

export interface IamArn {
  partition: string;
  /** 12 digits, or 'aws' for AWS-managed policies. */
  accountId: string;
  type: IamResourceType;
  /** '/' or '/a/b/' for path-carrying types; '/' otherwise. */
  path: string;
  /** The entity name (for OIDC providers: the issuer host and path). */
  name: string;
}

const PARTITION = /^aws(-[a-z]+)*$/;
const ACCOUNT_ID = /^\d{12}$/;
/** IAM's character set for user, group, role, instance profile and policy names. */
const NAME = /^[\w+=,.@-]+$/;
/** IAM paths: printable ASCII without spaces. */
const PATH_SEGMENTS = /^[\u0021-\u007e]*$/;
const SAML_NAME = /^[\w.-]+$/;
const OIDC_NAME = /^[^\s/][^\s]*$/;

export function isAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

/**
 * `anyAccount` reads an account part that is not 12 digits (exports anonymized
 * by hand write `aws` or `XXXXXXXXXXXX` there); the caller decides what it means.
 */
export function parseIamArn(
  arn: string,
  type: IamResourceType,
  opts: { anyAccount?: boolean } = {},
): IamArn | undefined {
  const parts = arn.split(':');
  if (parts.length !== 6) return undefined;
  const [prefix, partition, service, region, accountId, resource] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (prefix !== 'arn' || !PARTITION.test(partition) || service !== 'iam' || region !== '') return undefined;
  const awsOwned = type === 'policy' && accountId === 'aws';
  if (!awsOwned && !ACCOUNT_ID.test(accountId) && !(opts.anyAccount === true && /^\S+$/.test(accountId)))
    return undefined;
  if (!resource.startsWith(`${type}/`)) return undefined;
  const rest = resource.slice(type.length + 1);

  if (type === 'saml-provider') {
    return SAML_NAME.test(rest) ? { partition, accountId, type, path: '/', name: rest } : undefined;
  }
  if (type === 'oidc-provider') {
    return OIDC_NAME.test(rest) ? { partition, accountId, type, path: '/', name: rest } : undefined;
  }
  const slash = rest.lastIndexOf('/');
  const name = rest.slice(slash + 1);
  const middle = slash < 0 ? '' : rest.slice(0, slash);
  if (!NAME.test(name) || !PATH_SEGMENTS.test(middle) || middle.startsWith('/') || middle.includes('//')) {
    return undefined;
  }
  return { partition, accountId, type, path: middle === '' ? '/' : `/${middle}/`, name };
}

export function arnExample(type: IamResourceType): string {
  switch (type) {
    case 'policy':
      return 'arn:aws:iam::123456789012:policy/NAME (or arn:aws:iam::aws:policy/NAME)';
    case 'oidc-provider':
      return 'arn:aws:iam::123456789012:oidc-provider/ISSUER-HOST/PATH';
    default:
      return `arn:aws:iam::123456789012:${type}/PATH/NAME`;
  }
}
