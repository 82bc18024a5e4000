/**
 * How Identity Center provisions a permission set into an account: a role named
 * `AWSReservedSSO_<permission set name>_<suffix>` under the path
 * `/aws-reserved/sso.amazonaws.com/` (with or without a Region segment), created
 * with the first assignment and deleted with the last; the suffix changes when
 * the role is created again.
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 */
import type { Role } from '../model.ts';

const PATH_PREFIX = '/aws-reserved/sso.amazonaws.com/';
const NAME_PREFIX = 'AWSReservedSSO_';

/** True for a role Identity Center provisioned. */
export function isProvisionedRole(role: Pick<Role, 'path' | 'name'>): boolean {
  return role.path.startsWith(PATH_PREFIX) && role.name.startsWith(NAME_PREFIX);
}

/**
 * The permission set name a provisioned role was made for: the text between
 * the prefix and the last `_` (permission set names may themselves hold `_`).
 */
export function permissionSetNameOf(role: Pick<Role, 'path' | 'name'>): string | undefined {
  if (!isProvisionedRole(role)) return undefined;
  const rest = role.name.slice(NAME_PREFIX.length);
  const cut = rest.lastIndexOf('_');
  if (cut <= 0) return undefined;
  const suffix = rest.slice(cut + 1);
  return /^[0-9a-f]+$/i.test(suffix) ? rest.slice(0, cut) : undefined;
}
