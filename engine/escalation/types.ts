/**
 * The contract of the escalation analysis: CAN_ESCALATE_TO edges, the admin
 * verdict per principal, and the shape every method module has.
 */
import type { StatementRef, UnresolvedCondition } from '../types.ts';
import type { ResourceType } from '../resources/model.ts';
import type { EscalationContext } from './context.ts';

/** `admin:<accountId>`: "full control of that account", the target of self-escalation. */
export type AdminTarget = `admin:${string}`;

export const adminTarget = (accountId: string): AdminTarget => `admin:${accountId}`;
export const isAdminTarget = (key: string): key is AdminTarget => key.startsWith('admin:');
export const adminAccountOf = (key: AdminTarget): string => key.slice('admin:'.length);

export interface EscalationEdge {
  /** The user or role ARN that acts. */
  from: string;
  /** The principal ARN it becomes, or `admin:<accountId>` when it makes some principal it controls an administrator. */
  to: string;
  /** Method id (the module's `id`). */
  method: string;
  /** Catalog ids (M01…M57) of the method in docs/escalation.md, which cites the public catalogs. */
  catalogIds: string[];
  /** The actions this edge uses (one of each alternative group, as decided). */
  actions: string[];
  gains: 'principal' | 'admin';
  /** Request-time conditions every one of those calls needs (deduplicated). */
  conditions: UnresolvedCondition[];
  /** The statements that allow each call (identity, boundary, SCP allows; trust statements for PassRole targets). */
  evidence: StatementRef[];
  /**
   * Set when the method works only if a resource exists that authorization details cannot show.
   * Absent on existing-resource edges the resources inventory decided (`modifies` names the resource).
   */
  needsRuntime?: string;
  /** Facts the snapshot cannot decide but that the method relies on (e.g. "the target has fewer than two access keys"). */
  caveats?: string[];
  /** For admin gains through another principal (a group, a role it can assume, a user it can take over): that principal. */
  via?: string;
  /**
   * What the method changes, when not the target itself: a managed policy, a group, a role's trust
   * policy; for an existing-resource method decided by the resources inventory, the listed resource
   * (function, instance, stack...) that runs as the target and that the calls act on.
   */
  modifies?: string;
  crossAccount: boolean;
  /**
   * Capability chains: the changes the source first makes to itself (join a group, attach a
   * policy, drop its boundary...), in order, each gaining a permission the next call needs. The
   * edge's `method` is the last step; its conditions, evidence and actions include every step's.
   */
  chain?: ChainStep[];
}

/** One change a source makes to itself before the last step of a capability chain. */
export interface ChainStep {
  /** Method id of the change, e.g. `iam-add-user-to-group`. */
  method: string;
  actions: string[];
  /** What the change touches: a group, a managed policy, the principal itself, its boundary. */
  modifies: string;
  conditions: UnresolvedCondition[];
  evidence: StatementRef[];
}

export type AdminKind = 'full-access' | 'self-grant';

export interface AdminInfo {
  principal: string;
  /** The account it administers (its own). */
  accountId: string;
  admin: boolean;
  /** full-access: its effective permissions already allow every probed action; self-grant: it can give itself them. */
  kind?: AdminKind;
  reason: string;
  evidence: StatementRef[];
  /** Request-time conditions under which the verdict holds (e.g. aws:RequestedRegion from a region SCP). */
  conditions: UnresolvedCondition[];
  /** For self-grant: the method that does it. */
  method?: string;
}

export interface EscalationMethod {
  id: string;
  title: string;
  /** Every action the method may use, alternatives included. */
  actions: string[];
  /** Catalog ids and public references, as facts. */
  sources: string[];
  catalogIds: string[];
  gains: 'principal' | 'admin';
  /** What must already exist at run time; absent when the snapshot decides the method completely. */
  needsRuntime?: string;
  /**
   * The resource type whose resources inventory decides the method instead (an account's
   * `ACCOUNT.resources.json`): then its edges carry no needsRuntime. See methods/inventory-edges.ts.
   */
  inventoryType?: ResourceType;
  /**
   * Phase 1 methods take over principals; phase 2 methods change the policies
   * of principals the source already controls (itself, roles it can assume,
   * principals phase 1 lets it take over).
   */
  phase: 1 | 2;
  /** For methods that hand a role to a service: the principal the role must trust (e.g. lambda.amazonaws.com). */
  service?: string;
  /** A second role the method passes, trusted by this principal (Data Pipeline's pipeline role, EMR's service role). */
  alsoPass?: string;
  find(ctx: EscalationContext): EscalationEdge[];
}
