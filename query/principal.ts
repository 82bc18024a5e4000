/**
 * The principals a query may name, parsed from what a person types, and found
 * in the graph: user and role ARNs, role session ARNs (which stand for their
 * role), account roots (or bare 12-digit ids), service principals, identity
 * provider ARNs, and `*` (anyone).
 */
import type { Driver } from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { NotInSnapshotError, QueryInputError } from './errors.ts';
import { toNodeRef, type NodeRef } from './graph.ts';
import { driverOf, type Source } from './cache.ts';

const Q = 'queries/lookup';
const PARTITION = '(aws|aws-cn|aws-us-gov)';

export type PrincipalSpec =
  | { type: 'user' | 'role'; arn: string; accountId: string }
  | { type: 'session'; arn: string; accountId: string; roleName: string; sessionName: string }
  | { type: 'root'; arn: string; accountId: string }
  | { type: 'service'; name: string }
  | { type: 'provider'; arn: string; accountId: string; provider: 'SAML' | 'OIDC' }
  | { type: 'anyone' };

export const PRINCIPAL_FORMS =
  'a user or role ARN (arn:aws:iam::123456789012:role/NAME), a role session ARN ' +
  '(arn:aws:sts::123456789012:assumed-role/ROLE/SESSION), an account root (arn:aws:iam::123456789012:root ' +
  'or 123456789012), a service principal (ec2.amazonaws.com) or an identity provider ARN ' +
  '(arn:aws:iam::123456789012:saml-provider/NAME, ...:oidc-provider/HOST)';

export const ROLE_ARN_FORM = 'a role ARN such as arn:aws:iam::123456789012:role/path/NAME';

const USER_OR_ROLE = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):(user|role)/(.+)$`);
const SESSION = new RegExp(`^arn:${PARTITION}:sts::(\\d{12}):assumed-role/([^/]+)/(.+)$`);
const ROOT = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):root$`);
const PROVIDER = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}):(saml-provider|oidc-provider)/(.+)$`);
const SERVICE = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;

/** Parses a principal as typed; throws QueryInputError saying what valid values look like. */
export function parsePrincipal(input: string, allowAnyone = false): PrincipalSpec {
  const s = input.trim();
  if (allowAnyone && s === '*') return { type: 'anyone' };
  let m = USER_OR_ROLE.exec(s);
  if (m) return { type: m[3] as 'user' | 'role', arn: s, accountId: m[2]! };
  m = SESSION.exec(s);
  if (m) return { type: 'session', arn: s, accountId: m[2]!, roleName: m[3]!, sessionName: m[4]! };
  m = ROOT.exec(s);
  if (m) return { type: 'root', arn: s, accountId: m[2]! };
  if (/^\d{12}$/.test(s)) return { type: 'root', arn: `arn:aws:iam::${s}:root`, accountId: s };
  m = PROVIDER.exec(s);
  if (m)
    return {
      type: 'provider',
      arn: s,
      accountId: m[2]!,
      provider: m[3] === 'saml-provider' ? 'SAML' : 'OIDC',
    };
  if (SERVICE.test(s)) return { type: 'service', name: s };
  throw new QueryInputError(
    `"${input}" is not a principal IAM Atlas understands. Use ${PRINCIPAL_FORMS}${allowAnyone ? ', or * for anyone' : ''}.`,
  );
}

/** Parses a role ARN; throws QueryInputError otherwise. */
export function parseRoleArn(input: string): { arn: string; accountId: string } {
  const m = USER_OR_ROLE.exec(input.trim());
  if (!m || m[3] !== 'role') throw new QueryInputError(`"${input}" is not a role ARN. Use ${ROLE_ARN_FORM}.`);
  return { arn: input.trim(), accountId: m[2]! };
}

export async function nodeByKey(
  driver: Driver,
  snapshotId: string,
  key: string,
): Promise<NodeRef | undefined> {
  const res = await driver.executeQuery(statement(Q, 'node-by-key'), { snapshotId, key });
  const r = res.records[0];
  return r ? toNodeRef(r.get('node') as Record<string, unknown>, r.get('kind')) : undefined;
}

export async function roleByName(
  driver: Driver,
  snapshotId: string,
  accountId: string,
  name: string,
): Promise<NodeRef | undefined> {
  const res = await driver.executeQuery(statement(Q, 'role-by-account-and-name'), {
    snapshotId,
    accountId,
    name,
  });
  const r = res.records[0];
  return r ? toNodeRef(r.get('node') as Record<string, unknown>, r.get('kind')) : undefined;
}

/** The graph node a principal spec stands for; NotInSnapshotError when the snapshot has none. */
export async function resolveNode(source: Source, snapshotId: string, spec: PrincipalSpec): Promise<NodeRef> {
  const driver = driverOf(source);
  if (spec.type === 'session') {
    const role = await roleByName(driver, snapshotId, spec.accountId, spec.roleName);
    if (!role)
      throw new NotInSnapshotError(
        `No role named ${spec.roleName} in account ${spec.accountId} in snapshot ${snapshotId} (the role of session ${spec.arn}).`,
        spec.arn,
      );
    return role;
  }
  const key =
    spec.type === 'anyone'
      ? '*'
      : spec.type === 'service'
        ? spec.name
        : spec.type === 'root'
          ? spec.accountId
          : spec.arn;
  const node = await nodeByKey(driver, snapshotId, key);
  if (!node) {
    const what =
      spec.type === 'root'
        ? `Account ${spec.accountId} is not in snapshot ${snapshotId} (no policy there names it)`
        : `${key} is not in snapshot ${snapshotId}`;
    throw new NotInSnapshotError(`${what}.`, key);
  }
  return node;
}
