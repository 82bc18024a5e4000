/**
 * Which AWS output a file is, decided by its keys: people name exports
 * freely (prod.json, 2024-05-01-acct.json), so the name proves nothing. The
 * one exception is `*.resources.json`, IAM Atlas's own format: a file named
 * so is read as one, so that a broken one is refused rather than skipped.
 */
import type { SourceFile } from '../../engine/model.ts';
import { isIdentityCenterFile } from './identity-center.ts';
import { isPlainObject } from './json.ts';
import { isResourcesFile } from './resources.ts';

export type FileKind = SourceFile['kind'];

export type Classification =
  { kind: FileKind } | { kind: 'unknown'; reason: string } | { kind: 'mixed'; kinds: FileKind[] };

const AUTHORIZATION_DETAILS_KEYS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'];
const ORGANIZATION_KEYS = ['organizationId', 'managementAccountId', 'organizationalUnits'];

/** Raw AWS Organizations API outputs people save by mistake; naming them makes the warning actionable. */
const RAW_ORGANIZATIONS_KEYS = ['Organization', 'Accounts', 'Roots', 'OrganizationalUnits', 'Policies'];

/**
 * `aws organizations list-policies` also answers with a `Policies` key; its
 * entries carry Id/Type instead of IAM's PolicyName/PolicyVersionList.
 */
function isOrganizationsPolicyList(value: Record<string, unknown>): boolean {
  const onlyPolicies =
    AUTHORIZATION_DETAILS_KEYS.filter((k) => Object.hasOwn(value, k)).join() === 'Policies';
  const first: unknown = Array.isArray(value['Policies']) ? value['Policies'][0] : undefined;
  return onlyPolicies && isPlainObject(first) && 'Id' in first && 'Type' in first && !('PolicyName' in first);
}

export function classify(value: unknown, file?: string): Classification {
  if (!isPlainObject(value)) {
    return { kind: 'unknown', reason: 'it is JSON but not an object of a known AWS output' };
  }
  const has = (key: string): boolean => Object.hasOwn(value, key);
  const kinds: FileKind[] = [];
  if (AUTHORIZATION_DETAILS_KEYS.some(has) && !isOrganizationsPolicyList(value))
    kinds.push('authorization-details');
  if (ORGANIZATION_KEYS.some(has) || (has('roots') && has('accounts'))) kinds.push('organization');
  // A hand-combined provider file holds both lists; it is read as one file of the first kind.
  if (isIdentityCenterFile(value)) kinds.push('identity-center');
  // aws iam get-credential-report: Content (base64, or decoded by some tools) with its format and time.
  if (has('Content') && (has('ReportFormat') || has('GeneratedTime'))) kinds.push('credential-report');
  if (has('SAMLProviderList')) kinds.push('saml-providers');
  else if (has('OpenIDConnectProviderList')) kinds.push('oidc-providers');
  if (isResourcesFile(value, file)) kinds.push('resources');

  const [only, ...others] = kinds;
  if (only !== undefined && others.length === 0) return { kind: only };
  if (only !== undefined) return { kind: 'mixed', kinds };

  const raw = RAW_ORGANIZATIONS_KEYS.filter(has);
  if (raw.length > 0) {
    return {
      kind: 'unknown',
      reason: `it looks like raw AWS Organizations output (${raw.join(', ')}); IAM Atlas reads organization.json in its own shape, written by \`iamatlas collect\``,
    };
  }
  const keys = Object.keys(value).slice(0, 5);
  return {
    kind: 'unknown',
    reason: `its keys (${keys.length === 0 ? 'none' : keys.join(', ')}) match no supported AWS output`,
  };
}
