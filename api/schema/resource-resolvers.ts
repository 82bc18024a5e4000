/** Resolvers of the resources domain (resources.graphql): thin translations onto query/resources.ts. */
import {
  canAccess,
  externalAccess,
  listResources,
  NotInSnapshotError,
  resource,
  whoCanAccess,
  type AccessEntry,
  type Hop,
  type NodeRef,
  type ResourceRef,
} from '../../query/index.ts';
import { pathFromHops } from '../../query/edges.ts';
import { snapshotOf, type ApiContext } from '../context.ts';
import { connection, pageArgs } from '../shapes.ts';
import { findingOut } from './finding-shapes.ts';
import type {
  QueryCanAccessArgs,
  QueryExternalAccessArgs,
  QueryResourceArgs,
  QueryResourcesArgs,
  QueryWhoCanAccessArgs,
} from './generated/types.ts';
import { tagNodes, tagPath } from './node-flags.ts';
import { graphNode, personOut, signInOut } from './people-shapes.ts';
import { assumptionsArg } from './assumptions-arg.ts';

/** A path whose first node is `start` and last is the resource, both as the query layer knows them. */
function accessPath(hops: Hop[], start: NodeRef | undefined, target: ResourceRef, snapshotId: string) {
  const path = pathFromHops(hops);
  if (start && path.nodes.length) path.nodes[0] = { ...start };
  if (path.nodes.length) path.nodes[path.nodes.length - 1] = { ...target };
  const last = path.edges.at(-1);
  if (last) last.to = path.nodes[path.nodes.length - 1]!;
  return tagPath(path, snapshotId);
}

const accessOut = (e: AccessEntry, target: ResourceRef, snapshotId: string) => ({
  node: graphNode(e.node, snapshotId),
  level: e.level,
  hops: e.length,
  conditional: e.conditional,
  path: accessPath(e.hops, e.node, target, snapshotId),
});

/** The optional arguments given (null: the schema's default, which the query layer also applies). */
const given = <T extends Record<string, unknown>>(args: T) =>
  Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined));

export const resourceQueries = {
  resources: async (_: unknown, args: QueryResourcesArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    const page = pageArgs(args, ctx.limits.maxPageSize);
    const r = await listResources(ctx.reader, snapshotId, {
      ...given({ search: args.filter?.search, type: args.filter?.type, account: args.filter?.account }),
      offset: page.offset,
      limit: Math.max(1, page.limit),
    });
    const items = r.items
      .slice(0, page.limit)
      .map(({ type, sensitive, public: isPublic, externalAccess: ext, ...node }) => ({
        node: graphNode(node, snapshotId),
        type,
        sensitive,
        public: isPublic,
        externalAccess: ext,
      }));
    return connection(items, page, r.total);
  },

  resource: async (_: unknown, args: QueryResourceArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    try {
      const r = await resource(ctx.reader, snapshotId, { arn: args.arn });
      const findings = r.findings.map(findingOut);
      for (const f of findings) tagNodes(f.subjects, snapshotId);
      return {
        ...r,
        key: r.node.key,
        type: r.node.type,
        name: r.node.name ?? null,
        accountId: r.node.accountId ?? null,
        node: graphNode(r.node, snapshotId),
        settings: JSON.stringify(r.settings),
        tags: Object.entries(r.tags).map(([key, value]) => ({ key, value })),
        account: r.account ? graphNode(r.account, snapshotId) : null,
        runsAs: r.runsAs.map((x) => ({
          role: graphNode(x.role, snapshotId),
          instanceProfileArn: x.instanceProfileArn ?? null,
        })),
        findings,
      };
    } catch (err) {
      if (err instanceof NotInSnapshotError) return null;
      throw err;
    }
  },

  whoCanAccess: async (_: unknown, args: QueryWhoCanAccessArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    const r = await whoCanAccess(ctx.reader, snapshotId, {
      resource: args.resource,
      ...given({
        level: args.level,
        includePaths: args.includePaths,
        maxHops: args.maxHops,
        limit: args.limit,
      }),
      ...(args.assumptions ? { assumptions: assumptionsArg(args.assumptions) } : {}),
    });
    return {
      resource: graphNode(r.resource, snapshotId),
      resourceType: r.resource.type,
      level: r.level ?? null,
      maxHops: r.maxHops,
      truncated: r.truncated,
      direct: r.direct.map((e) => accessOut(e, r.resource, snapshotId)),
      viaPaths: r.viaPaths.map((e) => accessOut(e, r.resource, snapshotId)),
      people: r.people.map((p) => ({
        person: personOut(p.person, snapshotId),
        signIn: signInOut(p.signIn, snapshotId),
        level: p.level,
        hops: p.length,
        conditional: p.conditional,
        path: accessPath(p.hops, p.signIn.role, r.resource, snapshotId),
      })),
    };
  },

  canAccess: async (_: unknown, args: QueryCanAccessArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    const r = await canAccess(ctx.reader, snapshotId, {
      principal: args.principal,
      ...given({ level: args.level, maxHops: args.maxHops, limit: args.limit }),
      ...(args.assumptions ? { assumptions: assumptionsArg(args.assumptions) } : {}),
    });
    return {
      principal: graphNode(r.principal, snapshotId),
      maxHops: r.maxHops,
      truncated: r.truncated,
      resources: r.resources.map((e) => ({
        resource: graphNode(e.resource, snapshotId),
        resourceType: e.resource.type,
        level: e.level,
        hops: e.length,
        conditional: e.conditional,
        path: accessPath(e.hops, r.principal, e.resource, snapshotId),
      })),
    };
  },

  externalAccess: async (_: unknown, args: QueryExternalAccessArgs, ctx: ApiContext) => {
    const snapshotId = (await snapshotOf(ctx, args.snapshot ?? undefined)).id;
    const page = pageArgs(args, ctx.limits.maxPageSize);
    const r = await externalAccess(ctx.reader, snapshotId, {
      ...given({
        zone: args.zone,
        type: args.type,
        level: args.level,
        publicOnly: args.publicOnly,
        account: args.account,
      }),
      offset: page.offset,
      limit: Math.max(1, page.limit),
    });
    const items = r.items.slice(0, page.limit).map((x) => {
      const finding = findingOut(x.finding);
      tagNodes(finding.subjects, snapshotId);
      return {
        ...x,
        finding,
        resource: graphNode(x.resource, snapshotId),
        resourceType: x.resource.type,
        caller: graphNode(x.caller, snapshotId),
        statement: x.statement ?? null,
        zoneOfTrust: x.zoneOfTrust ?? null,
      };
    });
    return connection(items, page, r.total);
  },
};
