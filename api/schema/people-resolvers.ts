/** Resolvers of the people domain (people.graphql): thin translations onto query/people.ts. */
import { peopleWhoCanReach, personReach, type PersonReachEntry } from '../../query/index.ts';
import { snapshotOf, type ApiContext } from '../context.ts';
import type { QueryPeopleWhoCanReachArgs, QueryPersonReachArgs } from './generated/types.ts';
import { graphNode, personOut, signInOut } from './people-shapes.ts';

const way = (w: PersonReachEntry, snapshotId: string) => ({
  ...w,
  node: graphNode(w.node, snapshotId),
  signIn: signInOut(w.signIn, snapshotId),
  adminOf: w.adminOf ?? null,
});

export const peopleQueries = {
  personReach: async (_: unknown, args: QueryPersonReachArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    const r = await personReach(ctx.reader, snapshotId, {
      person: args.person,
      ...(args.maxHops == null ? {} : { maxHops: args.maxHops }),
      ...(args.limit == null ? {} : { limit: args.limit }),
    });
    return {
      ...r,
      person: personOut(r.person, snapshotId),
      signIns: r.signIns.map((s) => signInOut(s, snapshotId)),
      reach: r.reach.map((w) => way(w, snapshotId)),
      admin: r.admin.map((w) => way(w, snapshotId)),
    };
  },
  peopleWhoCanReach: async (_: unknown, args: QueryPeopleWhoCanReachArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    const r = await peopleWhoCanReach(ctx.reader, snapshotId, {
      role: args.role,
      ...(args.account == null ? {} : { account: args.account }),
      ...(args.maxHops == null ? {} : { maxHops: args.maxHops }),
    });
    return {
      ...r,
      account: r.account ?? null,
      people: r.people.map((p) => ({ person: personOut(p.person, snapshotId), way: way(p.way, snapshotId) })),
    };
  },
};
