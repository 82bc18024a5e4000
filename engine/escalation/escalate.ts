/**
 * CAN_ESCALATE_TO for a snapshot: who can become whom, and who can make
 * itself (or a principal it controls) an administrator, by which method,
 * under which request-time conditions, on which statements.
 *
 * Order: admin verdicts first (full administrators are not escalation
 * sources: they can already do everything in their account), then the
 * methods that take over principals, then the methods that change the
 * policies of principals a source controls, which may use the takeovers.
 */
import type { SnapshotModel } from '../model.ts';
import {
  analyseTrust,
  buildSnapshotContext,
  type CanAssumeEdge,
  type SnapshotContext,
} from '../trust/index.ts';
import type { ContextValue } from '../types.ts';
import { fullAccessCheck, selfGrantAdmin } from './admin.ts';
import { findChains } from './chains.ts';
import { EscalationContext, type InventoryRemoval } from './context.ts';
import { ALL_METHODS } from './methods/index.ts';
import { adminTarget, type AdminInfo, type EscalationEdge, type EscalationMethod } from './types.ts';

export interface EscalationOptions {
  /** Request-time context assumed for every call (e.g. `{ 'aws:RequestedRegion': 'eu-west-1' }`). */
  context?: Record<string, ContextValue>;
  /** CAN_ASSUME edges already computed for the snapshot (else analyseTrust runs). */
  canAssume?: readonly CanAssumeEdge[];
  snapshotContext?: SnapshotContext;
  /** Defaults to every method. */
  methods?: readonly EscalationMethod[];
  /**
   * Targets of the existing-resource methods (needsRuntime): 'admins' (default) keeps only
   * roles that are full administrators, 'all' every role the service trusts. Edges a resources
   * inventory decides (model.resources; docs/escalation.md#with-a-resources-inventory) go to every
   * role a listed resource runs as, whatever this says.
   */
  runtimeTargets?: 'all' | 'admins';
  /** Search capability chains (changes a source makes to itself before its last step). Default true. */
  chains?: boolean;
}

export interface EscalationStats {
  principals: number;
  sources: number;
  fullAdmins: number;
  selfGrantAdmins: number;
  edges: number;
  /** Edges that need a resource the snapshot cannot show. */
  runtimeEdges: number;
  /** Capability chains: edges whose source first changes its own permissions. */
  chainEdges: number;
  evaluateCalls: number;
  byMethod: Record<string, number>;
  /** Accounts with a resources inventory (model.resources lists at least one of their resources). */
  inventoryAccounts: number;
  /** Edges of existing-resource methods the inventory decided (no needsRuntime; `modifies` names the resource). */
  inventoryEdges: number;
  /** Edges those methods would have had without the inventory, left out because no listed resource runs as the role. */
  inventoryRemovedNoResource: number;
  /** Left out because the calls are not allowed on (or cannot use) any listed resource that runs as the role. */
  inventoryRemovedNotAllowed: number;
  /** Each edge left out by the inventory, with its reason. */
  inventoryRemovals: InventoryRemoval[];
}

export interface EscalationAnalysis {
  edges: EscalationEdge[];
  /** Every user and role: the verdict and its reason. */
  admins: Map<string, AdminInfo>;
  stats: EscalationStats;
  canAssume: readonly CanAssumeEdge[];
  context: SnapshotContext;
}

export function analyseEscalation(model: SnapshotModel, options: EscalationOptions = {}): EscalationAnalysis {
  const snapshot = options.snapshotContext ?? buildSnapshotContext(model);
  const canAssume = options.canAssume ?? analyseTrust(model, { context: snapshot }).edges;
  const ctx = new EscalationContext(model, snapshot, canAssume, options.context ?? {});
  const methods = options.methods ?? ALL_METHODS;
  ctx.runtimeTargets = options.runtimeTargets ?? 'admins';

  const admins = new Map<string, AdminInfo>();
  for (const p of snapshot.principals.values()) {
    const info = fullAccessCheck(ctx, p);
    admins.set(p.key, info);
    if (info.admin) ctx.fullAdmins.set(p.key, info);
  }
  ctx.sources = [...snapshot.principals.values()].filter(
    (p) => !p.role?.serviceLinked && !ctx.fullAdmins.has(p.key),
  );

  const byKey = new Map<string, EscalationEdge>();
  const add = (edge: EscalationEdge): void => {
    // One edge per (source, target, method): the one needing the fewest conditions.
    const key = `${edge.from}\u0000${edge.to}\u0000${edge.method}`;
    const known = byKey.get(key);
    if (!known || edge.conditions.length < known.conditions.length) byKey.set(key, edge);
  };
  for (const phase of [1, 2] as const) {
    for (const method of methods) {
      if (method.phase !== phase) continue;
      for (const edge of method.find(ctx)) {
        add(edge);
        if (phase === 1 && edge.gains === 'principal' && !edge.needsRuntime) {
          const list = ctx.takeovers.get(edge.from);
          if (list) list.push(edge);
          else ctx.takeovers.set(edge.from, [edge]);
        }
      }
    }
  }
  const edges = [...byKey.values()];

  const titles = new Map(methods.map((m) => [m.id, m.title]));
  let selfGrantAdmins = 0;
  let chainEdges = 0;
  const bestSelf = new Map<string, EscalationEdge>();
  for (const edge of edges) {
    const p = snapshot.principals.get(edge.from);
    if (!p || edge.via || edge.needsRuntime || edge.to !== adminTarget(p.accountId)) continue;
    const known = bestSelf.get(edge.from);
    if (!known || edge.conditions.length < known.conditions.length) bestSelf.set(edge.from, edge);
  }
  for (const [arn, edge] of bestSelf) {
    const p = snapshot.principals.get(arn);
    if (!p) continue;
    admins.set(arn, selfGrantAdmin(p, edge, titles.get(edge.method) ?? edge.method));
    selfGrantAdmins++;
  }

  const adminKeys = new Set([...admins.values()].filter((a) => a.admin).map((a) => a.principal));
  if (options.chains !== false) {
    for (const edge of findChains(ctx, methods, edges, adminKeys)) {
      edges.push(edge);
      chainEdges++;
    }
  }

  const byMethod: Record<string, number> = {};
  for (const e of edges) byMethod[e.method] = (byMethod[e.method] ?? 0) + 1;
  const runtimeMethods = new Set(methods.filter((m) => m.needsRuntime).map((m) => m.id));
  const removals = [...ctx.inventoryRemovals.values()].filter(
    (r) => !byKey.has(`${r.from}\u0000${r.to}\u0000${r.method}`),
  );
  return {
    edges,
    admins,
    canAssume,
    context: snapshot,
    stats: {
      principals: snapshot.principals.size,
      sources: ctx.sources.length,
      fullAdmins: ctx.fullAdmins.size,
      selfGrantAdmins,
      edges: edges.length,
      runtimeEdges: edges.filter((e) => e.needsRuntime).length,
      chainEdges,
      evaluateCalls: ctx.evaluateCalls,
      byMethod,
      inventoryAccounts: ctx.inventory.accounts.size,
      inventoryEdges: edges.filter((e) => runtimeMethods.has(e.method) && !e.needsRuntime).length,
      inventoryRemovedNoResource: removals.filter((r) => r.reason === 'no-resource').length,
      inventoryRemovedNotAllowed: removals.filter((r) => r.reason === 'not-allowed').length,
      inventoryRemovals: removals,
    },
  };
}
