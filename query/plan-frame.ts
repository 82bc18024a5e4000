/**
 * The part of a snapshot that a change cannot reach, read back from the graph
 * as the edges and administrators ingest stored (ingest/transform/derived.ts),
 * so that plan-check analyses only the principals the change can affect and
 * still walks their whole ways to an administrator (query/plan-check.ts).
 *
 * A node that cannot reach any principal the change touches keeps its edges
 * and its ways to an administrator whatever the change does, so its stored
 * edges stand for what the analysis would find. They come back without the
 * statements they rest on: the diff names the statements of the hops a change
 * introduces, never of one it cannot touch, and conditions come back without
 * the statement text.
 */
import { statement } from '../cypher/index.ts';
import type { AdminInfo, AdminKind, EscalationEdge } from '../engine/escalation/index.ts';
import type { ChainStep } from '../engine/escalation/types.ts';
import type { StoredFrame } from '../engine/plan/diff.ts';
import type { CanAssumeEdge } from '../engine/trust/index.ts';
import type { UnresolvedCondition } from '../engine/types.ts';
import { driverOf, type Source } from './cache.ts';
import { resolveSharedEvidence } from './shared-evidence.ts';

const Q = 'queries/plan-scope';
/** Keys per statement. */
const KEYS_PER_STATEMENT = 2_000;

type EdgeProps = Record<string, unknown>;

const list = <T>(v: unknown): T[] => {
  if (Array.isArray(v)) return v as T[];
  if (typeof v !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
};
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => list<unknown>(v).filter((s): s is string => typeof s === 'string');

function assumeEdge(from: string, to: string, p: EdgeProps): CanAssumeEdge {
  const conditions = list<UnresolvedCondition>(p.conditions);
  const edge: CanAssumeEdge = {
    from,
    to,
    fromKind: (text(p.fromKind) ?? 'Role') as CanAssumeEdge['fromKind'],
    actions: strings(p.actions),
    mechanism: (text(p.mechanism) ?? 'AssumeRole') as CanAssumeEdge['mechanism'],
    via: (text(p.via) ?? 'account') as CanAssumeEdge['via'],
    crossAccount: p.crossAccount === true,
    crossOrganization: p.crossOrganization === true,
    conditional: conditions.length > 0,
    conditions,
    trustStatement: {
      policyId: text(p.trustPolicyId) ?? to,
      policyKind: 'trust',
      statementIndex: typeof p.trustStatementIndex === 'number' ? p.trustStatementIndex : 0,
      effect: 'Allow',
      ...(text(p.trustSid) !== undefined ? { sid: text(p.trustSid) } : {}),
    },
    identityStatements: [],
    evidence: [],
    roleChaining: p.roleChaining === true,
    reasons: strings(p.reasons),
  };
  if (typeof p.maxSessionSeconds === 'number') edge.maxSessionSeconds = p.maxSessionSeconds;
  if (text(p.sessionName) !== undefined) edge.sessionName = text(p.sessionName);
  return edge;
}

function escalationEdge(from: string, to: string, p: EdgeProps): EscalationEdge {
  const edge: EscalationEdge = {
    from,
    to,
    method: text(p.method) ?? '',
    catalogIds: strings(p.catalogIds),
    actions: strings(p.actions),
    gains: p.gains === 'admin' ? 'admin' : 'principal',
    conditions: list<UnresolvedCondition>(p.conditions),
    evidence: [],
    crossAccount: p.crossAccount === true,
  };
  if (text(p.needsRuntime) !== undefined) edge.needsRuntime = text(p.needsRuntime);
  if (Array.isArray(p.caveats)) edge.caveats = strings(p.caveats);
  if (text(p.via) !== undefined) edge.via = text(p.via);
  if (text(p.modifies) !== undefined) edge.modifies = text(p.modifies);
  if (p.chain !== undefined && p.chain !== null)
    edge.chain = list<Omit<ChainStep, 'conditions' | 'evidence'> & Partial<ChainStep>>(p.chain).map((s) => ({
      method: s.method,
      actions: s.actions,
      modifies: s.modifies,
      conditions: s.conditions ?? [],
      evidence: s.evidence ?? [],
    }));
  return edge;
}

async function inBatches<T>(keys: readonly string[], run: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT)
    out.push(...(await run(keys.slice(i, i + KEYS_PER_STATEMENT))));
  return out;
}

/**
 * The stored edges out of `frame` (the nodes the analysed ones reach and that
 * cannot reach the change), the stored edges from `analysed` into its users and
 * roles, and the administrators of `frame`.
 */
export async function loadStoredFrame(
  source: Source,
  snapshotId: string,
  frame: readonly string[],
  analysed: readonly string[],
): Promise<StoredFrame> {
  const driver = driverOf(source);
  const inFrame = new Set(frame);
  const out: StoredFrame = { canAssume: [], escalation: [], admins: new Map() };
  const read = async (keys: readonly string[], keep: (to: string, toAccount: boolean) => boolean) => {
    const rows = await inBatches(keys, async (batch) => {
      const res = await driver.executeQuery(statement(Q, 'stored-edges-out'), { snapshotId, keys: batch });
      return res.records;
    });
    await resolveSharedEvidence(
      source,
      snapshotId,
      rows.map((r) => r.get('edge') as EdgeProps),
    );
    for (const r of rows) {
      const from = String(r.get('from'));
      const to = String(r.get('to'));
      const toAccount = r.get('toAccount') === true;
      if (!keep(to, toAccount)) continue;
      const props = r.get('edge') as EdgeProps;
      if (r.get('type') === 'CAN_ASSUME') out.canAssume.push(assumeEdge(from, to, props));
      else out.escalation.push(escalationEdge(from, text(props.target) ?? to, props));
    }
  };
  await read(frame, () => true);
  // An edge from an analysed node to an administrator's account is the analysis's own.
  await read(analysed, (to, toAccount) => inFrame.has(to) && !toAccount);
  const admins = await inBatches(frame, async (batch) => {
    const res = await driver.executeQuery(statement(Q, 'stored-admins'), { snapshotId, keys: batch });
    return res.records;
  });
  for (const r of admins) {
    const key = String(r.get('key'));
    const info: AdminInfo = {
      principal: key,
      accountId: String(r.get('accountId')),
      admin: true,
      kind: (text(r.get('kind')) ?? 'full-access') as AdminKind,
      reason: text(r.get('reason')) ?? '',
      evidence: [],
      conditions: [],
    };
    out.admins.set(key, info);
  }
  return out;
}
