/**
 * GraphNode.isAdmin and GraphNode.external for nodes that came back from the query layer
 * without them (reachability, paths, findings): looked up only when a client asks, once per
 * request and snapshot for all the nodes asked about in the same tick.
 */
import type { ApiContext } from '../context.ts';
import { nodeFlags } from '../../query/catalog.ts';
import { isExternal } from '../../query/edges.ts';
import type { NodeRef, PathWithEdges } from '../../query/graph.ts';

/** A node whose flags are not known yet carries its snapshot, for GraphNode's resolvers. */
export type TaggedNode = NodeRef & { _snapshotId?: string };

interface Flags {
  admin: boolean;
  external: unknown;
}

interface Batch {
  keys: Set<string>;
  started: boolean;
  result: Promise<Map<string, Flags>>;
}

const batches = new WeakMap<ApiContext, Map<string, Batch>>();

function lookup(ctx: ApiContext, snapshotId: string, key: string): Promise<Flags | undefined> {
  let perSnapshot = batches.get(ctx);
  if (!perSnapshot) batches.set(ctx, (perSnapshot = new Map()));
  let batch = perSnapshot.get(snapshotId);
  if (!batch || (batch.started && !batch.keys.has(key))) {
    // A new batch collects every key asked for before the next tick.
    const keys = new Set<string>();
    const b: Batch = { keys, started: false, result: Promise.resolve(new Map()) };
    b.result = Promise.resolve().then(async () => {
      b.started = true;
      return nodeFlags(ctx.reader, snapshotId, [...b.keys]);
    });
    perSnapshot.set(snapshotId, b);
    batch = b;
  }
  batch.keys.add(key);
  return batch.result.then((m) => m.get(key));
}

export async function nodeIsAdmin(n: TaggedNode, ctx: ApiContext): Promise<boolean> {
  if (typeof n.isAdmin === 'boolean') return n.isAdmin;
  if (!n._snapshotId) return false;
  return (await lookup(ctx, n._snapshotId, n.key))?.admin ?? false;
}

export async function nodeIsExternal(n: TaggedNode, ctx: ApiContext): Promise<boolean> {
  if (typeof n.external === 'boolean') return n.external;
  // Kinds whose answer does not depend on a property need no lookup.
  if (!n._snapshotId || !['Account', 'IdentityProvider'].includes(n.kind)) return isExternal(n.kind, false);
  return isExternal(n.kind, (await lookup(ctx, n._snapshotId, n.key))?.external);
}

/** Marks nodes without flags with their snapshot, so GraphNode's resolvers can look them up. */
export function tagNodes(nodes: Iterable<TaggedNode>, snapshotId: string): void {
  for (const n of nodes) if (n.isAdmin === undefined || n.external === undefined) n._snapshotId = snapshotId;
}

export function tagPath(p: PathWithEdges, snapshotId: string): PathWithEdges {
  tagNodes([...p.nodes, ...p.edges.flatMap((e) => [e.from, e.to])], snapshotId);
  return p;
}
