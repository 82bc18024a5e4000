/**
 * Resolvers of the people listings (people.graphql): people, person,
 * permissionSets, permissionSet, assignments, and the fields of Person and
 * PermissionSet that read more; thin translations onto query/people-catalog.ts.
 */
import {
  assignments,
  listPeople,
  peopleGroups,
  permissionSetHolders,
  permissionSets,
  personByName,
  personGroups,
  signInsOf,
  type AssignmentOut,
  type Counted,
  type PersonOut,
} from '../../query/index.ts';
import { snapshotOf, type ApiContext } from '../context.ts';
import { connection, pageArgs } from '../shapes.ts';
import type {
  QueryAssignmentsArgs,
  QueryPeopleArgs,
  QueryPeopleGroupsArgs,
  QueryPermissionSetArgs,
  QueryPermissionSetsArgs,
  QueryPersonArgs,
} from './generated/types.ts';
import { graphNode, personOut, signInOut, withSnapshot, type WithSnapshot } from './people-shapes.ts';

/** A filter value as given: null and absent are the same. */
const given = (v: string | null | undefined): string | undefined => v ?? undefined;

function assignmentOut(a: AssignmentOut, snapshotId: string) {
  return {
    ...a,
    permissionSet: withSnapshot(a.permissionSet, snapshotId),
    person: a.person ? personOut(a.person, snapshotId) : null,
    group: a.group ?? null,
    role: a.role ? graphNode(a.role, snapshotId) : null,
  };
}

async function snapshotId(ctx: ApiContext, ref: string | null | undefined): Promise<string> {
  return (await snapshotOf(ctx, ref ?? undefined)).id;
}

/** Every assignment a filter matches, for the list fields of Person and PermissionSet. */
async function allAssignments(
  ctx: ApiContext,
  snap: string,
  filter: { person?: string; permissionSet?: string },
) {
  const res = await assignments(ctx.reader, snap, { ...filter, limit: ctx.limits.maxPageSize });
  return res.items.map((a) => assignmentOut(a, snap));
}

interface ListArgs {
  snapshot?: string | null;
  first?: number | null;
  after?: string | null;
}

/** One page of a listing: the snapshot and window from the arguments, the items shaped for their resolvers. */
async function listed<T, R>(
  ctx: ApiContext,
  args: ListArgs,
  list: (snap: string, window: { offset: number; limit: number }) => Promise<Counted<T>>,
  shape: (item: T, snap: string) => R,
) {
  const snap = await snapshotId(ctx, args.snapshot);
  const page = pageArgs(args, ctx.limits.maxPageSize);
  const res = await list(snap, page);
  return connection(
    res.items.map((x) => shape(x, snap)),
    page,
    res.total,
  );
}

export const peopleCatalogQueries = {
  people: (_: unknown, args: QueryPeopleArgs, ctx: ApiContext) =>
    listed(
      ctx,
      args,
      (snap, w) =>
        listPeople(ctx.reader, snap, {
          search: given(args.filter?.search),
          group: given(args.filter?.group),
          account: given(args.filter?.account),
          ...w,
        }),
      personOut,
    ),
  peopleGroups: (_: unknown, args: QueryPeopleGroupsArgs, ctx: ApiContext) =>
    listed(
      ctx,
      args,
      (snap, w) =>
        peopleGroups(ctx.reader, snap, {
          search: given(args.filter?.search),
          id: given(args.filter?.id),
          ...w,
        }),
      (g) => g,
    ),
  person: async (_: unknown, args: QueryPersonArgs, ctx: ApiContext) => {
    const snap = await snapshotId(ctx, args.snapshot);
    const p = await personByName(ctx.reader, snap, args.id);
    return p ? personOut(p, snap) : null;
  },
  permissionSets: (_: unknown, args: QueryPermissionSetsArgs, ctx: ApiContext) =>
    listed(
      ctx,
      args,
      (snap, w) =>
        permissionSets(ctx.reader, snap, {
          search: given(args.filter?.search),
          account: given(args.filter?.account),
          ...w,
        }),
      withSnapshot,
    ),
  permissionSet: async (_: unknown, args: QueryPermissionSetArgs, ctx: ApiContext) => {
    const snap = await snapshotId(ctx, args.snapshot);
    const res = await permissionSets(ctx.reader, snap, { id: args.id, limit: 1 });
    const ps = res.items[0];
    return ps ? withSnapshot(ps, snap) : null;
  },
  assignments: (_: unknown, args: QueryAssignmentsArgs, ctx: ApiContext) =>
    listed(
      ctx,
      args,
      (snap, w) =>
        assignments(ctx.reader, snap, {
          account: given(args.filter?.account),
          permissionSet: given(args.filter?.permissionSet),
          person: given(args.filter?.person),
          group: given(args.filter?.group),
          ...w,
        }),
      assignmentOut,
    ),
};

export const peopleCatalogTypes = {
  Person: {
    groups: (p: WithSnapshot<PersonOut> & { groups?: unknown }, _: unknown, ctx: ApiContext) =>
      Array.isArray(p.groups) ? p.groups : personGroups(ctx.reader, p._snapshotId, p.key),
    assignments: (p: WithSnapshot<PersonOut>, _: unknown, ctx: ApiContext) =>
      allAssignments(ctx, p._snapshotId, { person: p.key }),
    signIns: async (p: WithSnapshot<PersonOut>, _: unknown, ctx: ApiContext) =>
      (await signInsOf(ctx.reader, p._snapshotId, p.key)).map((s) => signInOut(s, p._snapshotId)),
  },
  PermissionSet: {
    assignments: (ps: WithSnapshot<{ arn: string }>, _: unknown, ctx: ApiContext) =>
      allAssignments(ctx, ps._snapshotId, { permissionSet: ps.arn }),
    holders: async (ps: WithSnapshot<{ arn: string }>, _: unknown, ctx: ApiContext) =>
      (await permissionSetHolders(ctx.reader, ps._snapshotId, ps.arn)).map((h) => ({
        ...h,
        person: personOut(h.person, ps._snapshotId),
      })),
  },
};
