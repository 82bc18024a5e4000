/**
 * People: IAM Identity Center users, who reach roles by signing in as the role
 * an assignment provisions (CAN_SIGN_IN_AS), and from there whatever those roles
 * reach. Two questions: what can this person reach, and which people can reach
 * this role (or administrator of an account).
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html
 */
import { statement } from '../cypher/index.ts';
import { MAX_REACH_LIMIT, parseArgs } from './args.ts';
import { NotInSnapshotError, QueryInputError } from './errors.ts';
import { adminWays, type AdminWay } from './admin-ways.ts';
import type { NodeRef } from './graph.ts';
import { reachableFrom, whoCanAssume } from './reachability.ts';
import { driverOf, type Source } from './cache.ts';
import {
  personReachArgs,
  peopleWhoCanReachArgs,
  type PersonReachInput,
  type PeopleWhoCanReachInput,
} from './arg-schemas.ts';

const Q = 'queries/people';

export interface PersonOut {
  key: string;
  id: string;
  name: string;
  userName?: string;
  displayName?: string;
  emails: string[];
  status: string;
}

/** How a person gets a role: the permission sets and groups of the assignments behind it. */
export interface SignInOut {
  role: NodeRef & { admin: boolean };
  accountId: string;
  permissionSets: string[];
  groups: string[];
  direct: boolean;
}

/** Something a person reaches: the role they sign in as, then `path` (role keys, first is that role). */
export interface PersonReachEntry {
  node: NodeRef;
  /** Steps after signing in: 0 for a role signed in as directly. */
  length: number;
  signIn: SignInOut;
  /** Node keys from the sign-in role to `node`. */
  path: string[];
  /** The last step gains administrator of `adminOf` (an escalation or an admin role). */
  adminOf?: string;
  /** How the last part was found: signing in, assuming roles, or an escalation method. */
  how: 'sign-in' | 'assume' | 'escalation';
  conditional: boolean;
}

type Props = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function toPerson(p: Props): PersonOut {
  const out: PersonOut = {
    key: String(p.key),
    id: String(p.id),
    name: String(p.name ?? p.id),
    emails: strs(p.emails),
    status: str(p.status) ?? 'ENABLED',
  };
  if (str(p.userName)) out.userName = str(p.userName);
  if (str(p.displayName)) out.displayName = str(p.displayName);
  return out;
}

export function toSignIn(role: Props, e: Props): SignInOut {
  const ref: SignInOut['role'] = { key: String(role.key), kind: 'Role', admin: role.admin === true };
  if (str(role.arn)) ref.arn = str(role.arn);
  if (str(role.name)) ref.name = str(role.name);
  if (str(role.accountId)) ref.accountId = str(role.accountId);
  return {
    role: ref,
    accountId: String(e.accountId ?? role.accountId ?? ''),
    permissionSets: strs(e.permissionSets),
    groups: strs(e.groups),
    direct: e.direct === true,
  };
}

/** The one person `name` names; a clear error when none or several do. */
export async function findPerson(source: Source, snapshotId: string, name: string): Promise<PersonOut> {
  const res = await driverOf(source).executeQuery(statement(Q, 'people-find'), { snapshotId, name });
  const found = res.records.map((r) => toPerson(r.get('person') as Props));
  if (found.length === 0)
    throw new NotInSnapshotError(
      `No person "${name}" in snapshot ${snapshotId}: give an Identity Center user name, display name, email or user id (the snapshot needs an ACCOUNT.identity-center.json).`,
      name,
    );
  if (found.length > 1)
    throw new QueryInputError(
      `"${name}" names ${found.length} people (${found.map((p) => p.userName ?? p.name).join(', ')}): give a full user name or the user id.`,
      'person',
    );
  return found[0]!;
}

/** The roles the person with graph key `personKey` signs in as, with the assignments behind each. */
export async function signInsOf(source: Source, snapshotId: string, personKey: string): Promise<SignInOut[]> {
  const res = await driverOf(source).executeQuery(statement(Q, 'people-sign-ins'), {
    snapshotId,
    keys: [personKey],
  });
  return res.records.map((r) => toSignIn(r.get('role') as Props, r.get('signIn') as Props));
}

type Way = Pick<PersonReachEntry, 'path' | 'how' | 'conditional'> & { adminOf: string; length: number };

/** An admin way of a role as the people queries show it: the role's key, then each node walked to. */
function wayOf(role: string, w: AdminWay): Way {
  return {
    adminOf: w.adminOf,
    length: w.edges.length,
    path: [role, ...w.edges.map((e) => e.to.key)],
    how:
      w.edges.length === 0
        ? 'sign-in'
        : w.edges.some((e) => e.type === 'CAN_ESCALATE_TO')
          ? 'escalation'
          : 'assume',
    conditional: w.edges.some((e) => e.conditions.length > 0),
  };
}

/**
 * The accounts the roles people sign in as can become administrator of, one shortest way each,
 * by role key: through role chains and escalation, on from administrator roles to other
 * accounts. One walk for all the roles together.
 */
async function adminReach(
  source: Source,
  snapshotId: string,
  roles: readonly SignInOut['role'][],
  maxHops: number,
): Promise<Map<string, Way[]>> {
  const starts = roles.map((r) => ({
    key: r.key,
    admin: r.admin,
    ...(r.accountId ? { accountId: r.accountId } : {}),
  }));
  const { ways } = await adminWays(source, snapshotId, starts, maxHops);
  return new Map([...ways].map(([key, list]) => [key, list.map((w) => wayOf(key, w))]));
}

export interface PersonReachResult {
  person: PersonOut;
  signIns: SignInOut[];
  /** Roles reached by signing in and then assuming roles, shortest first. */
  reach: PersonReachEntry[];
  /** Accounts the person can become administrator of, each with one shortest way. */
  admin: PersonReachEntry[];
  truncated: boolean;
}

/** What one person can reach: the roles they sign in as, the roles those assume, and admin by escalation. */
export async function personReach(
  source: Source,
  snapshotId: string,
  input: PersonReachInput,
): Promise<PersonReachResult> {
  const a = parseArgs(personReachArgs, input);
  const person = await findPerson(source, snapshotId, a.person);
  const signIns = await signInsOf(source, snapshotId, person.key);
  const best = new Map<string, PersonReachEntry>();
  let truncated = false;
  const keep = (e: PersonReachEntry) => {
    const old = best.get(e.node.key);
    if (!old || e.length < old.length) best.set(e.node.key, e);
  };
  const admin = new Map<string, PersonReachEntry>();
  const adminBy = await adminReach(
    source,
    snapshotId,
    signIns.map((s) => s.role),
    a.maxHops,
  );
  for (const s of signIns) {
    keep({ node: s.role, length: 0, signIn: s, path: [s.role.key], how: 'sign-in', conditional: false });
    const r = await reachableFrom(source, snapshotId, {
      principal: s.role.key,
      maxHops: a.maxHops,
      limit: a.limit,
    });
    truncated ||= r.truncated;
    for (const e of r.roles)
      keep({
        node: e.node,
        length: e.length,
        signIn: s,
        path: [s.role.key, ...e.hops.map((h) => h.to)],
        how: 'assume',
        conditional: e.conditional,
      });
    for (const adm of adminBy.get(s.role.key) ?? []) {
      const entry: PersonReachEntry = {
        node: { key: adm.adminOf, kind: 'Account', accountId: adm.adminOf },
        length: adm.length,
        signIn: s,
        path: adm.path,
        adminOf: adm.adminOf,
        how: adm.how,
        conditional: adm.conditional,
      };
      const old = admin.get(adm.adminOf);
      if (!old || entry.length < old.length) admin.set(adm.adminOf, entry);
    }
  }
  const order = (x: PersonReachEntry, y: PersonReachEntry) =>
    x.length - y.length || (x.node.key < y.node.key ? -1 : 1);
  const reach = [...best.values()].sort(order);
  if (reach.length > a.limit) truncated = true;
  return {
    person,
    signIns,
    reach: reach.slice(0, a.limit),
    admin: [...admin.values()].sort(order),
    truncated,
  };
}

export interface PersonWhoCanReach {
  person: PersonOut;
  /** The shortest way: the role signed in as, then the path from it. */
  way: PersonReachEntry;
}

export interface PeopleWhoCanReachResult {
  target: string;
  account?: string;
  people: PersonWhoCanReach[];
  /** The same people by the group their way comes through (`(direct)` for direct assignments). */
  byGroup: { group: string; people: string[] }[];
}

/** Which people can reach a role, or administrator of an account, each with one shortest way. */
export async function peopleWhoCanReach(
  source: Source,
  snapshotId: string,
  input: PeopleWhoCanReachInput,
): Promise<PeopleWhoCanReachResult> {
  const a = parseArgs(peopleWhoCanReachArgs, input);
  const db = driverOf(source);
  // Roles people sign in as, with how far each is from the target and the way on.
  const ways = new Map<string, Omit<Way, 'adminOf'> & { adminOf?: string }>();
  if (a.role === 'admin') {
    const all = await db.executeQuery(statement(Q, 'people-signing-in-to-any'), { snapshotId });
    const roles = new Map<string, SignInOut['role']>();
    for (const r of all.records) {
      const s = toSignIn(r.get('role') as Props, {});
      roles.set(s.role.key, s.role);
    }
    const adminBy = await adminReach(source, snapshotId, [...roles.values()], a.maxHops);
    for (const role of roles.values()) {
      const adm = (adminBy.get(role.key) ?? [])
        .filter((w) => a.account === undefined || w.adminOf === a.account)
        .sort((x, y) => x.length - y.length || (x.adminOf < y.adminOf ? -1 : 1))[0];
      if (adm) ways.set(role.key, adm);
    }
  } else {
    const r = await whoCanAssume(source, snapshotId, {
      role: a.role,
      maxHops: a.maxHops,
      limit: MAX_REACH_LIMIT,
    });
    ways.set(r.role.key, { length: 0, path: [r.role.key], how: 'sign-in', conditional: false });
    for (const e of r.principals)
      if (e.node.kind === 'Role' && !ways.has(e.node.key))
        ways.set(e.node.key, {
          length: e.length,
          path: [e.node.key, ...e.hops.map((h) => h.to)],
          how: 'assume',
          conditional: e.conditional,
        });
  }
  const res = await db.executeQuery(statement(Q, 'people-signing-in-to'), {
    snapshotId,
    keys: [...ways.keys()],
  });
  const best = new Map<string, PersonWhoCanReach>();
  for (const rec of res.records) {
    const person = toPerson(rec.get('person') as Props);
    if (person.status.toUpperCase() === 'DISABLED') continue;
    const signIn = toSignIn(rec.get('role') as Props, rec.get('signIn') as Props);
    const w = ways.get(signIn.role.key)!;
    const way: PersonReachEntry = {
      node:
        a.role === 'admin'
          ? { key: w.adminOf!, kind: 'Account', accountId: w.adminOf }
          : { key: w.path.at(-1)!, kind: 'Role' },
      length: w.length,
      signIn,
      path: w.path,
      how: w.how,
      conditional: w.conditional,
      ...(w.adminOf ? { adminOf: w.adminOf } : {}),
    };
    const old = best.get(person.key);
    if (!old || way.length < old.way.length) best.set(person.key, { person, way });
  }
  const people = [...best.values()].sort((x, y) => (x.person.name < y.person.name ? -1 : 1));
  const groups = new Map<string, string[]>();
  for (const p of people) {
    const gs = p.way.signIn.direct || p.way.signIn.groups.length === 0 ? ['(direct)'] : p.way.signIn.groups;
    for (const g of gs) groups.set(g, [...(groups.get(g) ?? []), p.person.name]);
  }
  return {
    target: a.role,
    ...(a.account ? { account: a.account } : {}),
    people,
    byGroup: [...groups.entries()]
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([group, names]) => ({ group, people: names })),
  };
}
