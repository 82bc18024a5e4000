/**
 * Amazon S3's definition of a public policy, used for every resource type
 * ("The meaning of public"):
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 *
 * An Allow statement is public unless it is pinned to fixed values (no
 * wildcard, no policy variable) of a principal, or of one of the condition
 * keys the page lists: aws:SourceIp (no wider than /8 for IPv4 or /32 for
 * IPv6), aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:SourceOwner,
 * aws:SourceAccount, s3:x-amz-server-side-encryption-aws-kms-key-id,
 * aws:userid (outside the `AROLEID:*` pattern), s3:DataAccessPointArn,
 * s3:DataAccessPointAccount, and aws:PrincipalOrgID (the page's own example).
 * AWS does not name aws:PrincipalAccount, aws:PrincipalArn or
 * aws:PrincipalOrgPaths; fixed values of them name principals as surely, so
 * they count as pinning too. A `Federated` principal is public (the page's
 * example). One public statement makes the policy public.
 */
import type { PolicyDocumentJson } from '../model.ts';

const PINNING_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  'aws:userid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalorgpaths',
]);

/** Operators that require the key to have one of the given values (not negated, not IfExists). */
const PINNING_OPERATOR =
  /^(ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress)$/;

function values(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(String);
}

function fixed(value: string): boolean {
  return !value.includes('*') && !value.includes('?') && !value.includes('${');
}

/** RFC 1918 ranges stay non-public whatever their width. */
const PRIVATE_V4 = [/^10\./, /^172\.(1[6-9]|2\d|3[01])\./, /^192\.168\./];

function narrowIp(cidr: string): boolean {
  const [address = '', bits] = cidr.split('/');
  const width = bits === undefined ? undefined : Number(bits);
  if (address.includes(':')) return width === undefined || width >= 32;
  if (PRIVATE_V4.some((re) => re.test(address))) return true;
  return width === undefined || width >= 8;
}

function pins(keyLower: string, vals: string[]): boolean {
  if (!PINNING_KEYS.has(keyLower) || vals.length === 0) return false;
  if (keyLower === 'aws:sourceip') return vals.every(narrowIp);
  if (keyLower === 'aws:userid') return vals.every((v) => fixed(v) || !/^AROA[A-Z0-9]+:\*$/.test(v));
  return vals.every(fixed);
}

function principalIsOpen(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object') return false;
  const byType = principal as Record<string, unknown>;
  if (byType.Federated !== undefined) return true;
  return values(byType.AWS ?? []).includes('*');
}

/** Is this statement a public grant by S3's definition? */
export function isPublicStatement(raw: Readonly<Record<string, unknown>>): boolean {
  if (raw.Effect !== 'Allow' || raw.NotPrincipal !== undefined) return false;
  if (!principalIsOpen(raw.Principal)) return false;
  const condition = raw.Condition;
  if (!condition || typeof condition !== 'object') return true;
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (!PINNING_OPERATOR.test(operator) || !block || typeof block !== 'object') continue;
    for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
      if (pins(key.toLowerCase(), values(value))) return false;
    }
  }
  return true;
}

/** The statements of a policy document as a list, positions kept (a single Statement object is one statement). */
export function statementList(document: PolicyDocumentJson | undefined): unknown[] {
  const st = document?.Statement;
  return Array.isArray(st) ? st : st === undefined || st === null ? [] : [st];
}

/** Indexes of the public statements of a policy; the policy is public when this is not empty. */
export function publicStatements(document: PolicyDocumentJson | undefined): Set<number> {
  const out = new Set<number>();
  statementList(document).forEach((s, i) => {
    if (s && typeof s === 'object' && !Array.isArray(s) && isPublicStatement(s as Record<string, unknown>))
      out.add(i);
  });
  return out;
}
