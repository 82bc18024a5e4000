/** Resolvers of the overview domain (overview.graphql): thin translations onto query/org-overview.ts. */
import { assumptionsSchema } from '../../query/arg-schemas.ts';
import type { Assumptions } from '../../query/assumptions.ts';
import { parseArgs } from '../../query/args.ts';
import { orgOverview, trustBetween, trustMatrix } from '../../query/index.ts';
import { snapshotOf, type ApiContext } from '../context.ts';
import { pageArgs, sliceConnection } from '../shapes.ts';

/** Edges read behind one pair of units at most. */
const MAX_PAIR_EDGES = 100_000;
import type {
  QueryOrganizationOverviewArgs,
  QueryTrustBetweenArgs,
  QueryTrustMatrixArgs,
} from './generated/types.ts';

/** GraphQL sends an unset assumption as null; the query layer wants it left out. */
function assumptionsOf(v: unknown): Assumptions | undefined {
  if (v == null) return undefined;
  const set = Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null));
  return parseArgs(assumptionsSchema, set);
}

const withAssumptions = (v: unknown) => {
  const a = assumptionsOf(v);
  return a ? { assumptions: a } : {};
};

export const overviewQueries = {
  organizationOverview: async (_: unknown, args: QueryOrganizationOverviewArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    return orgOverview(ctx.reader, snapshotId, {
      ...withAssumptions(args.assumptions),
      expand: (args.expand ?? []).map(String),
      ...(args.budget == null ? {} : { budget: args.budget }),
    });
  },
  trustMatrix: async (_: unknown, args: QueryTrustMatrixArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    return trustMatrix(ctx.reader, snapshotId, withAssumptions(args.assumptions));
  },
  trustBetween: async (_: unknown, args: QueryTrustBetweenArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    const page = pageArgs(args, ctx.limits.maxPageSize);
    // The edges behind one pair are few enough to count by reading them all (a cell, an overview edge).
    const edges = await trustBetween(
      ctx.reader,
      snapshotId,
      {
        from: String(args.from),
        to: String(args.to),
        ...withAssumptions(args.assumptions),
        ...(args.expand ? { expand: args.expand.map(String) } : {}),
      },
      { offset: 0, limit: MAX_PAIR_EDGES },
    );
    return sliceConnection(edges, page);
  },
};
