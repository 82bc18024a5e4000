/**
 * IAM Identity Center listed: people (by name, group or account), their groups,
 * permission sets, account assignments (by account, permission set, person or
 * group) with the role each provisions, and who holds a permission set. Paged
 * in Cypher (cypher/queries/people-catalog.cypher).
 * https://docs.aws.amazon.com/singlesignon/latest/userguide/useraccess.html
 */
import neo4j from 'neo4j-driver';
import * as z from 'zod';
import { statement } from '../cypher/index.ts';
import { permissionSetNameOf } from '../engine/identity-center/provisioned-roles.ts';
import { parseArgs } from './args.ts';
import { NotInSnapshotError } from './errors.ts';
import { driverOf, type Source } from './cache.ts';
import { findPerson, toPerson, type PersonOut } from './people.ts';
import type { NodeRef } from './graph.ts';

const Q = 'queries/people-catalog';

/** People, permission sets or assignments of one list answer at most. */
export const MAX_PEOPLE_PAGE = 1000;

type Props = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

const accountId = z.string().regex(/^\d{12}$/, 'an account id is 12 digits, e.g. 123456789012');
const text = z.string().trim().min(1, 'give at least one character');
const windowArgs = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(0).max(MAX_PEOPLE_PAGE, `at most ${MAX_PEOPLE_PAGE}`).default(50),
};

export interface PeopleGroupOut {
  key: string;
  id: string;
  name: string;
  description?: string;
  memberCount: number;
}

export interface PermissionSetOut {
  key: string;
  arn: string;
  name: string;
  description?: string;
  /** ISO 8601 duration, e.g. PT8H. */
  sessionDuration?: string;
  relayState?: string;
  /** The inline policy as JSON text. */
  inlinePolicy?: string;
  awsManagedPolicyArns: string[];
  /** Customer-managed policy references as path + name. */
  customerManagedPolicies: string[];
  /** The permissions boundary reference as JSON text. */
  permissionsBoundary?: string;
  provisionedAccountIds: string[];
  /** Accounts with at least one assignment of it, sorted. */
  assignedAccountIds: string[];
}

export interface AssignmentOut {
  accountId: string;
  accountName?: string;
  permissionSet: PermissionSetOut;
  principalType: 'USER' | 'GROUP';
  person?: PersonOut;
  group?: PeopleGroupOut;
  /** The role the assignment provisions in the account; absent when it is missing. */
  role?: NodeRef & { admin: boolean };
}

export interface Counted<T> {
  total: number;
  items: T[];
}

function toGroup(g: Props): PeopleGroupOut {
  const out: PeopleGroupOut = {
    key: String(g.key),
    id: String(g.id),
    name: String(g.name ?? g.id),
    memberCount: Number(g.memberCount ?? 0),
  };
  if (str(g.description)) out.description = str(g.description);
  return out;
}

function toPermissionSet(ps: Props, assigned: unknown): PermissionSetOut {
  const out: PermissionSetOut = {
    key: String(ps.key),
    arn: String(ps.arn ?? ps.key),
    name: String(ps.name),
    awsManagedPolicyArns: strs(ps.awsManagedPolicyArns),
    customerManagedPolicies: strs(ps.customerManagedPolicies),
    provisionedAccountIds: strs(ps.provisionedAccountIds),
    assignedAccountIds: [...new Set(strs(assigned))].sort(),
  };
  for (const k of [
    'description',
    'sessionDuration',
    'relayState',
    'inlinePolicy',
    'permissionsBoundary',
  ] as const)
    if (str(ps[k])) out[k] = str(ps[k]);
  return out;
}

async function run(source: Source, name: string, params: Props) {
  return (await driverOf(source).executeQuery(statement(Q, name), params)).records;
}

async function page<T>(
  source: Source,
  name: string,
  params: Props,
  window: { offset: number; limit: number },
  shape: (r: Props) => T,
): Promise<Counted<T>> {
  const [count, items] = await Promise.all([
    run(source, `${name}-count`, params),
    window.limit === 0
      ? Promise.resolve([])
      : run(source, `${name}-page`, {
          ...params,
          offset: neo4j.int(window.offset),
          limit: neo4j.int(window.limit),
        }),
  ]);
  return {
    total: Number(count[0]?.get('total') ?? 0),
    items: items.map((r) => shape(r.toObject() as Props)),
  };
}

export const listPeopleArgs = z.object({
  /** Part of a user name, display name or email (case-insensitive). */
  search: text.optional(),
  /** A group: graph key, GroupId or display name. */
  group: text.optional(),
  /** People with an assignment in this account, directly or through a group. */
  account: accountId.optional(),
  ...windowArgs,
});
export type ListPeopleInput = z.input<typeof listPeopleArgs>;

export interface PersonWithGroups extends PersonOut {
  groups: PeopleGroupOut[];
}

/** People of the snapshot, by name, one window at a time. */
export function listPeople(
  source: Source,
  snapshotId: string,
  input: ListPeopleInput,
): Promise<Counted<PersonWithGroups>> {
  const a = parseArgs(listPeopleArgs, input);
  const params = {
    snapshotId,
    search: a.search?.toLowerCase() ?? null,
    group: a.group ?? null,
    account: a.account ?? null,
  };
  return page(source, 'people', params, a, (r) => ({
    ...toPerson(r.person as Props),
    groups: (r.groups as Props[]).map(toGroup).sort((x, y) => x.name.localeCompare(y.name)),
  }));
}

/** The groups of one person (by graph key). */
export async function personGroups(
  source: Source,
  snapshotId: string,
  key: string,
): Promise<PeopleGroupOut[]> {
  const rows = await run(source, 'person-groups', { snapshotId, key });
  return rows.map((r) => toGroup(r.get('grp') as Props));
}

/** The person `name` names (user name, display name, email, user id or key); undefined when none. */
export async function personByName(
  source: Source,
  snapshotId: string,
  name: string,
): Promise<PersonOut | undefined> {
  try {
    return await findPerson(source, snapshotId, name);
  } catch (err) {
    if (err instanceof NotInSnapshotError) return undefined;
    throw err;
  }
}

export const peopleGroupsArgs = z.object({
  /** Part of the name or description (case-insensitive). */
  search: text.optional(),
  /** One group: graph key, GroupId or display name. */
  id: text.optional(),
  ...windowArgs,
});
export type PeopleGroupsInput = z.input<typeof peopleGroupsArgs>;

/** Identity Center groups of the snapshot, by name. */
export function peopleGroups(
  source: Source,
  snapshotId: string,
  input: PeopleGroupsInput,
): Promise<Counted<PeopleGroupOut>> {
  const a = parseArgs(peopleGroupsArgs, input);
  const params = { snapshotId, search: a.search?.toLowerCase() ?? null, id: a.id ?? null };
  return page(source, 'people-groups', params, a, (r) => toGroup(r.grp as Props));
}

export const permissionSetsArgs = z.object({
  /** Part of the name or ARN (case-insensitive). */
  search: text.optional(),
  /** One permission set: its ARN or name. */
  id: text.optional(),
  /** Permission sets assigned in this account. */
  account: accountId.optional(),
  ...windowArgs,
});
export type PermissionSetsInput = z.input<typeof permissionSetsArgs>;

/** Permission sets of the snapshot, by name, with the accounts each is assigned in. */
export function permissionSets(
  source: Source,
  snapshotId: string,
  input: PermissionSetsInput,
): Promise<Counted<PermissionSetOut>> {
  const a = parseArgs(permissionSetsArgs, input);
  const params = {
    snapshotId,
    search: a.search?.toLowerCase() ?? null,
    id: a.id ?? null,
    account: a.account ?? null,
  };
  return page(source, 'permission-sets', params, a, (r) =>
    toPermissionSet(r.permissionSet as Props, r.assignedAccountIds),
  );
}

export const assignmentsArgs = z.object({
  account: accountId.optional(),
  /** A permission set's ARN or name. */
  permissionSet: text.optional(),
  /** Assignments that give a person access: to them, or to a group they are in. */
  person: text.optional(),
  /** Assignments to one group: graph key, GroupId or display name. */
  group: text.optional(),
  ...windowArgs,
});
export type AssignmentsInput = z.input<typeof assignmentsArgs>;

/** The provisioned role of an assignment among its account's candidate roles. */
function provisionedRole(roles: unknown, permissionSetName: string): AssignmentOut['role'] {
  for (const r of (roles as Props[] | null) ?? []) {
    const name = String(r.name ?? '');
    if (permissionSetNameOf({ name, path: String(r.path ?? '') }) !== permissionSetName) continue;
    const ref: NonNullable<AssignmentOut['role']> = {
      key: String(r.key),
      kind: 'Role',
      name,
      admin: r.admin === true,
    };
    if (str(r.arn)) ref.arn = str(r.arn);
    if (str(r.accountId)) ref.accountId = str(r.accountId);
    return ref;
  }
  return undefined;
}

/** Account assignments, by account, permission set and principal, one window at a time. */
export async function assignments(
  source: Source,
  snapshotId: string,
  input: AssignmentsInput,
): Promise<Counted<AssignmentOut>> {
  const a = parseArgs(assignmentsArgs, input);
  const person = a.person === undefined ? undefined : await findPerson(source, snapshotId, a.person);
  const params = {
    snapshotId,
    account: a.account ?? null,
    permissionSet: a.permissionSet ?? null,
    person: person?.key ?? null,
    group: a.group ?? null,
  };
  return page(source, 'assignments', params, a, (r) => {
    const ps = toPermissionSet(r.permissionSet as Props, r.assignedAccountIds);
    const principal = r.principal as Props;
    const out: AssignmentOut = {
      accountId: String(r.accountId),
      permissionSet: ps,
      principalType: r.principalType === 'USER' ? 'USER' : 'GROUP',
    };
    if (str(r.accountName)) out.accountName = str(r.accountName);
    if (out.principalType === 'USER') out.person = toPerson(principal);
    else out.group = toGroup(principal);
    const role = provisionedRole(r.roles, ps.name);
    if (role) out.role = role;
    return out;
  });
}

/** One holder of a permission set: a person, the accounts they hold it in, and how. */
export interface HolderOut {
  person: PersonOut;
  accountIds: string[];
  /** Groups the assignments were made to. */
  groups: string[];
  /** An assignment names the person. */
  direct: boolean;
}

/** Who holds a permission set (by ARN), directly or through a group, by name. */
export async function permissionSetHolders(
  source: Source,
  snapshotId: string,
  arn: string,
): Promise<HolderOut[]> {
  const rows = await run(source, 'permission-set-holders', { snapshotId, arn });
  const by = new Map<string, HolderOut>();
  for (const r of rows) {
    const person = toPerson(r.get('person') as Props);
    const h = by.get(person.key) ?? { person, accountIds: [], groups: [], direct: false };
    const account = String(r.get('accountId'));
    if (!h.accountIds.includes(account)) h.accountIds.push(account);
    const g = str(r.get('grp'));
    if (g === undefined) h.direct = true;
    else if (!h.groups.includes(g)) h.groups.push(g);
    by.set(person.key, h);
  }
  return [...by.values()]
    .map((h) => ({ ...h, accountIds: h.accountIds.sort(), groups: h.groups.sort() }))
    .sort((x, y) => x.person.name.localeCompare(y.person.name));
}
