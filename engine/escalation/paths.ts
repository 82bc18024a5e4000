/**
 * Paths over CAN_ASSUME and CAN_ESCALATE_TO: pure graph search, no policy
 * evaluation. A full administrator has an IS_ADMIN hop to `admin:<account>`;
 * when the goal is a principal, `admin:<its account>` reaches it with one
 * ADMIN_CONTROLS hop (an administrator can become anyone in its account).
 *
 * Shortest means fewest hops, then fewest request-time conditions. By default
 * edges that need a resource the snapshot cannot show (needsRuntime) are left
 * out, so every path is decided by the snapshot alone.
 */
import type { CanAssumeEdge } from '../trust/reachability.ts';
import type { StatementRef, UnresolvedCondition } from '../types.ts';
import {
  adminAccountOf,
  adminTarget,
  isAdminTarget,
  type AdminInfo,
  type ChainStep,
  type EscalationEdge,
} from './types.ts';

export type HopKind = 'CAN_ASSUME' | 'CAN_ESCALATE_TO' | 'IS_ADMIN' | 'ADMIN_CONTROLS';

export interface PathHop {
  from: string;
  to: string;
  kind: HopKind;
  /** Escalation method id (CAN_ESCALATE_TO), or the assume mechanism (CAN_ASSUME). */
  method?: string;
  actions: string[];
  conditions: UnresolvedCondition[];
  evidence: StatementRef[];
  needsRuntime?: string;
  /** What the hop's method changes or acts on: a policy, a group, or the listed resource that runs as the target. */
  modifies?: string;
  crossAccount: boolean;
  /** CAN_ESCALATE_TO of a capability chain: the changes made before `method`. */
  chain?: ChainStep[];
}

export interface EscalationPath {
  from: string;
  to: string;
  hops: PathHop[];
  /**
   * Hops that are actions (CAN_ASSUME, CAN_ESCALATE_TO), plus the changes of capability chains:
   * IS_ADMIN and ADMIN_CONTROLS are facts, not steps.
   */
  length: number;
  /** Request-time conditions summed over the action hops. */
  conditionCount: number;
  /** What must exist at run time, per hop that needs something. */
  needsRuntime: string[];
}

export interface GraphInput {
  edges: readonly EscalationEdge[];
  canAssume: readonly CanAssumeEdge[];
  admins: ReadonlyMap<string, AdminInfo>;
}

export interface GraphOptions {
  /** Also walk edges that need an existing resource (Lambda function, EC2 instance…). Default false. */
  includeRuntime?: boolean;
}

/** `admin` (any account), `admin:<accountId>`, or a principal ARN. */
export type PathGoal = string;

const isStep = (h: PathHop): boolean => h.kind === 'CAN_ASSUME' || h.kind === 'CAN_ESCALATE_TO';

export function pathOf(from: string, to: string, hops: PathHop[]): EscalationPath {
  const steps = hops.filter(isStep);
  return {
    from,
    to,
    hops,
    // A capability chain's changes are steps too.
    length: steps.reduce((n, h) => n + 1 + (h.chain?.length ?? 0), 0),
    conditionCount: steps.reduce((n, h) => n + h.conditions.length, 0),
    needsRuntime: hops.flatMap((h) => (h.needsRuntime ? [h.needsRuntime] : [])),
  };
}

const accountOfArn = (arn: string): string | undefined => /^arn:[^:]+:iam::(\d{12}):/.exec(arn)?.[1];

export class EscalationGraph {
  private readonly out = new Map<string, PathHop[]>();
  private readonly in = new Map<string, PathHop[]>();
  readonly admins: ReadonlyMap<string, AdminInfo>;

  constructor(input: GraphInput, options: GraphOptions = {}) {
    this.admins = input.admins;
    for (const e of input.canAssume) {
      this.add({
        from: e.from,
        to: e.to,
        kind: 'CAN_ASSUME',
        method: e.mechanism,
        actions: e.actions,
        conditions: e.conditions,
        evidence: e.evidence,
        crossAccount: e.crossAccount,
      });
    }
    for (const e of input.edges) {
      if (e.needsRuntime && !options.includeRuntime) continue;
      const hop: PathHop = {
        from: e.from,
        to: e.to,
        kind: 'CAN_ESCALATE_TO',
        method: e.method,
        actions: e.actions,
        conditions: e.conditions,
        evidence: e.evidence,
        crossAccount: e.crossAccount,
      };
      if (e.needsRuntime) hop.needsRuntime = e.needsRuntime;
      if (e.modifies) hop.modifies = e.modifies;
      if (e.chain) hop.chain = e.chain;
      this.add(hop);
    }
    for (const info of input.admins.values()) {
      if (!info.admin || info.kind !== 'full-access') continue;
      this.add({
        from: info.principal,
        to: adminTarget(info.accountId),
        kind: 'IS_ADMIN',
        actions: [],
        conditions: info.conditions,
        evidence: info.evidence,
        crossAccount: false,
      });
    }
  }

  private add(hop: PathHop): void {
    const o = this.out.get(hop.from);
    if (o) o.push(hop);
    else this.out.set(hop.from, [hop]);
    const i = this.in.get(hop.to);
    if (i) i.push(hop);
    else this.in.set(hop.to, [hop]);
  }

  /** Hops leaving `node`, plus ADMIN_CONTROLS into a principal goal. */
  private hopsFrom(node: string, goal: PathGoal): PathHop[] {
    const hops = this.out.get(node) ?? [];
    if (
      isAdminTarget(node) &&
      !isAdminTarget(goal) &&
      goal !== 'admin' &&
      accountOfArn(goal) === adminAccountOf(node)
    ) {
      return [
        ...hops,
        {
          from: node,
          to: goal,
          kind: 'ADMIN_CONTROLS',
          actions: [],
          conditions: [],
          evidence: [],
          crossAccount: false,
        },
      ];
    }
    return hops;
  }

  private isGoal(node: string, goal: PathGoal): boolean {
    return goal === 'admin' ? isAdminTarget(node) : node === goal;
  }

  hopsOut(node: string): readonly PathHop[] {
    return this.out.get(node) ?? [];
  }

  hopsIn(node: string): readonly PathHop[] {
    return this.in.get(node) ?? [];
  }

  /** Fewest hops, then fewest conditions (BFS by layers). */
  shortestPath(from: string, goal: PathGoal): EscalationPath | undefined {
    const best = new Map<string, { cost: number; hop?: PathHop }>([[from, { cost: 0 }]]);
    let frontier = [from];
    while (frontier.length > 0) {
      const next = new Map<string, { cost: number; hop: PathHop }>();
      for (const u of frontier) {
        const base = best.get(u)?.cost ?? 0;
        for (const hop of this.hopsFrom(u, goal)) {
          if (best.has(hop.to)) continue;
          const cost = base + (isStep(hop) ? hop.conditions.length : 0);
          const known = next.get(hop.to);
          if (!known || cost < known.cost) next.set(hop.to, { cost, hop });
        }
      }
      let reached: string | undefined;
      for (const [v, rec] of next) {
        best.set(v, rec);
        if (
          this.isGoal(v, goal) &&
          (reached === undefined || rec.cost < (next.get(reached)?.cost ?? Infinity))
        )
          reached = v;
      }
      if (reached !== undefined) {
        const hops: PathHop[] = [];
        for (let v = reached; v !== from;) {
          const hop = best.get(v)?.hop;
          if (!hop) break;
          hops.unshift(hop);
          v = hop.from;
        }
        return pathOf(from, reached, hops);
      }
      frontier = [...next.keys()];
    }
    return undefined;
  }

  /** Every simple path of at most `maxDepth` hops (up to `maxPaths`), shortest and least conditional first. */
  allPaths(
    from: string,
    goal: PathGoal,
    limits: { maxDepth?: number; maxPaths?: number } = {},
  ): EscalationPath[] {
    const maxDepth = limits.maxDepth ?? 6;
    const maxPaths = limits.maxPaths ?? 100;
    const found: EscalationPath[] = [];
    const onPath = new Set([from]);
    const hops: PathHop[] = [];
    const walk = (node: string): void => {
      if (found.length >= maxPaths || hops.length >= maxDepth) return;
      for (const hop of this.hopsFrom(node, goal)) {
        if (found.length >= maxPaths) return;
        if (onPath.has(hop.to)) continue;
        hops.push(hop);
        if (this.isGoal(hop.to, goal)) found.push(pathOf(from, hop.to, [...hops]));
        else {
          onPath.add(hop.to);
          walk(hop.to);
          onPath.delete(hop.to);
        }
        hops.pop();
      }
    };
    walk(from);
    return found.sort((a, b) => a.length - b.length || a.conditionCount - b.conditionCount);
  }

  /**
   * For every node that can reach some `admin:*`: its next hop on a shortest,
   * least conditional path there. One backward BFS from all admin targets, so
   * the cost is linear in the graph. `only` restricts the hop kinds walked.
   */
  towardAdmin(only?: ReadonlySet<HopKind>): Map<string, { hops: number; cost: number; next?: PathHop }> {
    const best = new Map<string, { hops: number; cost: number; next?: PathHop }>();
    let frontier: string[] = [];
    for (const node of this.in.keys()) {
      if (isAdminTarget(node)) {
        best.set(node, { hops: 0, cost: 0 });
        frontier.push(node);
      }
    }
    let depth = 0;
    while (frontier.length > 0) {
      depth++;
      const next = new Map<string, { hops: number; cost: number; next: PathHop }>();
      for (const v of frontier) {
        const base = best.get(v)?.cost ?? 0;
        for (const hop of this.in.get(v) ?? []) {
          if (only && !only.has(hop.kind)) continue;
          if (best.has(hop.from)) continue;
          const cost = base + (isStep(hop) ? hop.conditions.length : 0);
          const known = next.get(hop.from);
          if (!known || cost < known.cost) next.set(hop.from, { hops: depth, cost, next: hop });
        }
      }
      for (const [u, rec] of next) best.set(u, rec);
      frontier = [...next.keys()];
    }
    return best;
  }
}
