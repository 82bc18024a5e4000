/** Resolvers of the people domain (people.graphql): thin translations onto query/people.ts. */
import { peopleWhoCanReach, personReach, type PersonReachEntry, type SignInOut } from '../../query/index.ts';
import { nodeFromRow } from '../../query/edges.ts';
import type { NodeRef } from '../../query/graph.ts';
import { snapshotOf, type ApiContext } from '../context.ts';
import type { QueryPeopleWhoCanReachArgs, QueryPersonReachArgs } from './generated/types.ts';
import { tagNodes } from './node-flags.ts';

function node(
  ref: { key: string; kind: string; arn?: string; name?: string; accountId?: string },
  snapshotId: string,
): NodeRef {
  const n = nodeFromRow(ref);
  tagNodes([n], snapshotId);
  return n;
}

const signIn = (s: SignInOut, snapshotId: string) => ({ ...s, role: node(s.role, snapshotId) });

const way = (w: PersonReachEntry, snapshotId: string) => ({
  ...w,
  node: node(w.node, snapshotId),
  signIn: signIn(w.signIn, snapshotId),
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
      signIns: r.signIns.map((s) => signIn(s, snapshotId)),
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
      people: r.people.map((p) => ({ person: p.person, way: way(p.way, snapshotId) })),
    };
  },
};
