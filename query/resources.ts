/**
 * Resources and who can reach them, as IAM Access Analyzer asks it and further:
 * `resource` (one resource with its policy, settings, tags, account, the roles
 * it runs as and the findings about it), `whoCanAccess` (the principals with a
 * CAN_ACCESS edge into it, and everyone who reaches one of them through
 * CAN_ASSUME and CAN_ESCALATE_TO chains, and the people who sign in as such a
 * role, each with one shortest path), `canAccess` (the resources a principal
 * reaches, directly or through its paths) and `externalAccess` (the
 * public-access and external-access findings, as Access Analyzer lists them).
 * The searches are the ones every reachability question uses: backwards with
 * reach-many.ts, forwards with escalation-walk.ts. A path's last hop is the
 * CAN_ACCESS edge (graph.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html
 */
import neo4j from 'neo4j-driver';
import { statement } from '../cypher/index.ts';
import { ACCESS_LEVELS } from '../engine/resources/types.ts';
import { parseArgs } from './args.ts';
import { dropsEdge, type Assumptions } from './assumptions.ts';
import { cached, driverOf, type Source } from './cache.ts';
import { NotInSnapshotError } from './errors.ts';
import { hopOfEdge } from './edges.ts';
import { exploreEscalation } from './escalation-walk.ts';
import { toFinding, type FindingOut } from './findings.ts';
import {
  pathSummary,
  toAccessHops,
  toCondition,
  toNodeRef,
  type ConditionOut,
  type EvidenceRef,
  type Hop,
  type NodeRef,
  type PathSummary,
} from './graph.ts';
import { toPerson, toSignIn, type PersonOut, type SignInOut } from './people.ts';
import { parsePrincipal, resolveNode } from './principal.ts';
import { reachAnyRole } from './reach-many.ts';
import {
  canAccessArgs,
  externalAccessArgs,
  listResourcesArgs,
  resourceArgs,
  whoCanAccessArgs,
  type CanAccessInput,
  type ExternalAccessInput,
  type ListResourcesInput,
  type ResourceArgs,
  type WhoCanAccessInput,
} from './arg-schemas.ts';
import { resolveSharedEvidence } from './shared-evidence.ts';

const Q = 'queries/resources';
/** Rows one statement may return before an answer says it is truncated. */
const ROW_LIMIT = 20_000;

type Props = Record<string, unknown>;

/** A resource as a path's node, with its type. */
export type ResourceRef = NodeRef & { type: string };

export interface ResourceOut {
  node: ResourceRef;
  region?: string;
  /** The resource policy as JSON text, when it has one. */
  policy?: string;
  /** What the type adds to its policy (Block Public Access, ownership, ACL, grants, roleArn, ...), AWS's API shapes. */
  settings: Record<string, unknown>;
  tags: Record<string, string>;
  sensitive: boolean;
  /** Some CAN_ACCESS edge into it is public. */
  public: boolean;
  /** Some CAN_ACCESS edge into it comes from outside the zone of trust. */
  externalAccess: boolean;
  sourceFile?: string;
  account?: NodeRef;
  /** The roles it runs as (a function's execution role, an instance profile's roles). */
  runsAs: { role: NodeRef; instanceProfileArn?: string }[];
  /** Indexes of the resource-policy statements some CAN_ACCESS edge rests on (its evidence or its conditions' sources). */
  citedStatements: number[];
  findings: FindingOut[];
}

/** One principal reaching the resource at one level: its path, whose last hop is the CAN_ACCESS edge. */
export interface AccessEntry extends PathSummary {
  node: NodeRef;
  level: string;
  hops: Hop[];
}

/** A person who signs in as a role that reaches the resource, and the way on from that role. */
export interface PersonAccessEntry {
  person: PersonOut;
  signIn: SignInOut;
  level: string;
  /** Hops after signing in (the last is the CAN_ACCESS edge). */
  length: number;
  conditional: boolean;
  hops: Hop[];
}

export interface WhoCanAccessResult {
  resource: ResourceRef;
  level?: string;
  maxHops: number;
  limit: number;
  /** Some entries are missing: a search hop found too many edges, or `viaPaths` was cut at `limit`. */
  truncated: boolean;
  /** The CAN_ACCESS edges into the resource, one entry per caller and level. */
  direct: AccessEntry[];
  /** Principals that reach a direct caller through role chains and escalation, each with one shortest path per level. */
  viaPaths: AccessEntry[];
  /** People (Identity Center) who sign in as a role of either list, one shortest way per person and level. */
  people: PersonAccessEntry[];
}

export interface CanAccessResult {
  principal: NodeRef;
  level?: string;
  maxHops: number;
  limit: number;
  truncated: boolean;
  /** One entry per resource and level, with one shortest path; shortest first, then by resource. */
  resources: (PathSummary & { resource: ResourceRef; level: string; hops: Hop[] })[];
}

export interface ExternalAccessOut {
  finding: FindingOut;
  resource: ResourceRef;
  caller: NodeRef;
  level: string;
  actions: string[];
  public: boolean;
  /** The resource-policy statement that grants. */
  statement?: EvidenceRef;
  conditions: ConditionOut[];
  zoneOfTrust?: string;
}

export interface ExternalAccessResult {
  total: number;
  offset: number;
  limit: number;
  items: ExternalAccessOut[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function toResourceRef(r: Props): ResourceRef {
  return { ...toNodeRef(r, 'Resource'), type: str(r.type) ?? 'other' };
}

function notFound(arn: string, snapshotId: string): NotInSnapshotError {
  return new NotInSnapshotError(
    `No resource ${arn} in snapshot ${snapshotId}: give the ARN of a resource an ACCOUNT.resources.json lists (iamatlas query external-access lists those with findings).`,
    arn,
  );
}

/**
 * The resource-policy statements edges into one resource rest on: the granting statement each
 * edge names, and the `resource` statements of its evidence and of its conditions' sources (an
 * edge into a resource is decided by that resource's own policy only).
 */
function citedStatements(edges: Props[]): number[] {
  // Levels that differ from their edge carry their own statement, evidence and conditions.
  const detail = edges.flatMap((e) => parseJson<Props[]>(e.levelDetail, []));
  const granting = [...edges, ...detail].map((d) => d.resourcePolicyStatementIndex);
  const evidence = [...edges, ...detail].map((d) => d.evidence);
  const conditions = [...edges, ...detail].map((d) => d.conditions);
  const refs = [
    ...evidence.flatMap((e) => parseJson<EvidenceRef[]>(e, [])),
    ...conditions.flatMap((c) => parseJson<{ source?: EvidenceRef }[]>(c, []).flatMap((x) => x.source ?? [])),
  ];
  const out = new Set<number>(granting.map(Number).filter(Number.isInteger));
  for (const ref of refs) if (ref.policyKind === 'resource') out.add(ref.statementIndex);
  return [...out].sort((a, b) => a - b);
}

/** One resource with its policy, settings, tags, account, the roles it runs as, and the findings about it. */
export async function resource(source: Source, snapshotId: string, args: ResourceArgs): Promise<ResourceOut> {
  const a = parseArgs(resourceArgs, args);
  return cached(source, snapshotId, 'resource', a, async () => {
    const db = driverOf(source);
    const [res, found] = await Promise.all([
      db.executeQuery(statement(Q, 'resource'), { snapshotId, arn: a.arn }),
      db.executeQuery(statement(Q, 'resource-findings'), { snapshotId, arn: a.arn }),
    ]);
    const rec = res.records[0];
    if (!rec) throw notFound(a.arn, snapshotId);
    const r = rec.get('resource') as Props;
    const account = rec.get('account') as Props | null;
    const edges = rec.get('edges') as Props[];
    await resolveSharedEvidence(source, snapshotId, edges);
    const out: ResourceOut = {
      node: toResourceRef(r),
      settings: parseJson<Record<string, unknown>>(r.settings, {}),
      tags: parseJson<Record<string, string>>(r.tags, {}),
      sensitive: r.sensitive === true,
      public: r.public === true,
      externalAccess: r.externalAccess === true,
      runsAs: (rec.get('runsAs') as { role: Props; instanceProfileArn: unknown }[])
        .map((x) => ({
          role: toNodeRef(x.role, 'Role'),
          ...(str(x.instanceProfileArn) ? { instanceProfileArn: str(x.instanceProfileArn) } : {}),
        }))
        .sort((x, y) => (x.role.key < y.role.key ? -1 : 1)),
      citedStatements: citedStatements(edges),
      findings: found.records.map((f) => toFinding(f.get('finding') as Props, f.get('subjects') as Props[])),
    };
    if (str(r.region)) out.region = str(r.region);
    if (str(r.policy)) out.policy = str(r.policy);
    if (str(r.sourceFile)) out.sourceFile = str(r.sourceFile);
    if (account) out.account = toNodeRef(account, 'Account');
    return out;
  });
}

/** A CAN_ACCESS edge's levels as hops: those `level` asks for (all when unset) that the assumptions keep. */
function accessHops(
  from: string,
  to: string,
  edge: Props,
  a: { level?: string | undefined; assumptions?: Assumptions | undefined },
): Hop[] {
  return toAccessHops(from, to, edge).filter(
    (hop) =>
      (a.level === undefined || hop.level === a.level) &&
      !dropsEdge(
        a.assumptions,
        hop.conditions.map((c) => c.key),
      ),
  );
}

const levelRank = (l: string) => ACCESS_LEVELS.indexOf(l as (typeof ACCESS_LEVELS)[number]);
const byLengthKeyLevel = (x: AccessEntry, y: AccessEntry) =>
  x.length - y.length ||
  (x.node.key < y.node.key ? -1 : x.node.key > y.node.key ? 1 : 0) ||
  levelRank(x.level) - levelRank(y.level);

/** Everyone who can reach a resource: its direct callers, who reaches them, and the people who sign in as those roles. */
export async function whoCanAccess(
  source: Source,
  snapshotId: string,
  input: WhoCanAccessInput,
): Promise<WhoCanAccessResult> {
  const a = parseArgs(whoCanAccessArgs, input);
  return cached(
    source,
    snapshotId,
    'whoCanAccess',
    a,
    async () => {
      const db = driverOf(source);
      const res = await db.executeQuery(statement(Q, 'resource'), { snapshotId, arn: a.resource });
      const rec = res.records[0];
      if (!rec) throw notFound(a.resource, snapshotId);
      const target = toResourceRef(rec.get('resource') as Props);
      const callers = await db.executeQuery(statement(Q, 'resource-callers'), {
        snapshotId,
        arn: a.resource,
        level: a.level ?? null,
      });
      await resolveSharedEvidence(
        source,
        snapshotId,
        callers.records.map((r) => r.get('edge') as Props),
      );
      const direct: AccessEntry[] = callers.records.flatMap((r) => {
        const node = toNodeRef(r.get('node') as Props, r.get('kind'));
        return accessHops(r.get('from') as string, a.resource, r.get('edge') as Props, a).map((hop) => ({
          node,
          level: hop.level ?? '',
          ...pathSummary([hop]),
          hops: [hop],
        }));
      });
      direct.sort(byLengthKeyLevel);
      const result: WhoCanAccessResult = {
        resource: target,
        ...(a.level ? { level: a.level } : {}),
        maxHops: a.maxHops,
        limit: a.limit,
        truncated: false,
        direct,
        viaPaths: [],
        people: [],
      };
      if (!a.includePaths) return result;
      // Per level: who reaches one of that level's callers (the callers themselves are direct entries).
      const levels = [...new Set(direct.map((d) => d.level))];
      for (const level of levels) {
        const starts = direct.filter((d) => d.level === level);
        const lastHop = new Map(starts.map((d) => [d.node.key, d.hops[0]!]));
        const reached = await reachAnyRole(
          db,
          snapshotId,
          [...lastHop.keys()],
          [],
          a.maxHops,
          a.assumptions,
          'assume-or-escalate',
        );
        result.truncated ||= reached.truncated;
        for (const e of reached.entries) {
          const hops = [...e.hops, lastHop.get(e.hops.at(-1)?.to ?? '')!];
          result.viaPaths.push({ node: e.node, level, ...pathSummary(hops), hops });
        }
      }
      result.viaPaths.sort(byLengthKeyLevel);
      if (result.viaPaths.length > a.limit) {
        result.truncated = true;
        result.viaPaths = result.viaPaths.slice(0, a.limit);
      }
      result.people = await peopleReaching(source, snapshotId, [...direct, ...result.viaPaths]);
      return result;
    },
    (r) => 1 + r.direct.length + r.viaPaths.reduce((n, e) => n + e.hops.length, 0) + r.people.length,
  );
}

/** The people who sign in as a role some entry starts at, one shortest way per person and level. */
async function peopleReaching(
  source: Source,
  snapshotId: string,
  entries: readonly AccessEntry[],
): Promise<PersonAccessEntry[]> {
  const byRole = new Map<string, AccessEntry[]>();
  for (const e of entries)
    if (e.node.kind === 'Role') byRole.set(e.node.key, [...(byRole.get(e.node.key) ?? []), e]);
  if (byRole.size === 0) return [];
  const res = await driverOf(source).executeQuery(statement('queries/people', 'people-signing-in-to'), {
    snapshotId,
    keys: [...byRole.keys()],
  });
  const best = new Map<string, PersonAccessEntry>();
  for (const rec of res.records) {
    const person = toPerson(rec.get('person') as Props);
    if (person.status.toUpperCase() === 'DISABLED') continue;
    const signIn = toSignIn(rec.get('role') as Props, rec.get('signIn') as Props);
    for (const e of byRole.get(signIn.role.key) ?? []) {
      const id = `${person.key}\u0000${e.level}`;
      const old = best.get(id);
      if (old && old.length <= e.length) continue;
      best.set(id, {
        person,
        signIn,
        level: e.level,
        length: e.length,
        conditional: e.conditional,
        hops: e.hops,
      });
    }
  }
  return [...best.values()].sort(
    (x, y) =>
      x.length - y.length ||
      (x.person.name < y.person.name ? -1 : x.person.name > y.person.name ? 1 : 0) ||
      levelRank(x.level) - levelRank(y.level),
  );
}

/** The resources a principal reaches: with its own CAN_ACCESS edges, or at the end of a role chain or escalation. */
export async function canAccess(
  source: Source,
  snapshotId: string,
  input: CanAccessInput,
): Promise<CanAccessResult> {
  const a = parseArgs(canAccessArgs, input);
  const spec = parsePrincipal(a.principal, true);
  return cached(
    source,
    snapshotId,
    'canAccess',
    a,
    async () => {
      const start = await resolveNode(source, snapshotId, spec);
      // Breadth-first over the explored edges: the first edge reaching a node gives its shortest path.
      const x = await exploreEscalation(source, snapshotId, [start.key], a.maxHops, {
        assumptions: a.assumptions,
      });
      const pathTo = new Map<string, Hop[]>([[start.key, []]]);
      let level = [start.key];
      for (let depth = 1; depth <= a.maxHops && level.length; depth++) {
        const next: string[] = [];
        for (const key of level)
          for (const e of x.out.get(key) ?? [])
            if (!pathTo.has(e.to.key)) {
              pathTo.set(e.to.key, [...pathTo.get(key)!, hopOfEdge(e)]);
              next.push(e.to.key);
            }
        level = next;
      }
      const res = await driverOf(source).executeQuery(statement(Q, 'access-from'), {
        snapshotId,
        keys: [...pathTo.keys()],
        level: a.level ?? null,
        rowLimit: neo4j.int(ROW_LIMIT),
      });
      await resolveSharedEvidence(
        source,
        snapshotId,
        res.records.map((r) => r.get('edge') as Props),
      );
      const best = new Map<string, CanAccessResult['resources'][number]>();
      for (const r of res.records) {
        const target = toResourceRef(r.get('resource') as Props);
        for (const hop of accessHops(r.get('from') as string, target.key, r.get('edge') as Props, a)) {
          const hops = [...pathTo.get(hop.from)!, hop];
          const id = `${target.key}\u0000${hop.level}`;
          const old = best.get(id);
          if (old && old.hops.length <= hops.length) continue;
          best.set(id, { resource: target, level: hop.level ?? '', ...pathSummary(hops), hops });
        }
      }
      const all = [...best.values()].sort(
        (p, q) =>
          p.length - q.length ||
          (p.resource.key < q.resource.key ? -1 : p.resource.key > q.resource.key ? 1 : 0) ||
          levelRank(p.level) - levelRank(q.level),
      );
      return {
        principal: start,
        ...(a.level ? { level: a.level } : {}),
        maxHops: a.maxHops,
        limit: a.limit,
        truncated: x.truncated || res.records.length >= ROW_LIMIT || all.length > a.limit,
        resources: all.slice(0, a.limit),
      };
    },
    (r) => 1 + r.resources.reduce((n, e) => n + e.hops.length, 0),
  );
}

/** The public-access and external-access findings with their resource, caller, level, statement and conditions; one page. */
export async function externalAccess(
  source: Source,
  snapshotId: string,
  input: ExternalAccessInput = {},
): Promise<ExternalAccessResult> {
  const a = parseArgs(externalAccessArgs, input);
  const { offset, limit, ...filters } = a;
  const all = await cached(
    source,
    snapshotId,
    'externalAccess',
    filters,
    async () => {
      const res = await driverOf(source).executeQuery(statement(Q, 'access-findings'), {
        snapshotId,
        publicOnly: filters.publicOnly,
        type: filters.type ?? null,
        account: filters.account ?? null,
      });
      return res.records
        .flatMap((r): ExternalAccessOut[] => {
          const resourceRow = r.get('resource') as Props;
          const callerRow = r.get('caller') as Props | null;
          const finding = toFinding(r.get('finding') as Props, [
            { ...resourceRow, kind: 'Resource' },
            ...(callerRow ? [{ ...callerRow, kind: r.get('callerKind') as unknown }] : []),
          ]);
          const ev = finding.evidence;
          const callerKey = finding.subjects[1]?.key ?? '*';
          const zoneOfTrust = str(ev.zoneOfTrust);
          // One item per access level the finding covers (the analysis keeps them in `perLevel`).
          const perLevel = Array.isArray(ev.perLevel) ? (ev.perLevel as Props[]) : [];
          return perLevel.map((entry) => {
            const out: ExternalAccessOut = {
              finding,
              resource: toResourceRef(resourceRow),
              caller: callerRow
                ? toNodeRef(callerRow, r.get('callerKind'))
                : { key: callerKey, kind: 'ExternalPrincipal' },
              level: str(entry.level) ?? '',
              actions: Array.isArray(entry.actions) ? entry.actions.map(String) : [],
              public: finding.kind === 'public-access',
              conditions: (Array.isArray(entry.conditions)
                ? (entry.conditions as Parameters<typeof toCondition>[0][])
                : []
              ).map(toCondition),
            };
            if (entry.statement && typeof entry.statement === 'object')
              out.statement = entry.statement as EvidenceRef;
            if (zoneOfTrust) out.zoneOfTrust = zoneOfTrust;
            return out;
          });
        })
        .filter(
          (x) =>
            (filters.level === undefined || x.level === filters.level) &&
            (filters.zone === undefined || x.zoneOfTrust === undefined || x.zoneOfTrust === filters.zone),
        );
    },
    (list) => Math.max(1, list.length),
  );
  return { total: all.length, offset, limit, items: all.slice(offset, offset + limit) };
}

/** A resource as a listing shows it: the node, and whether it is sensitive, public or reached from outside. */
export type ResourceListItem = ResourceRef & { sensitive: boolean; public: boolean; externalAccess: boolean };

/** The resources of a snapshot, by name: one page and the count of all that match. */
export async function listResources(
  source: Source,
  snapshotId: string,
  input: ListResourcesInput = {},
): Promise<{ total: number; offset: number; limit: number; items: ResourceListItem[] }> {
  const a = parseArgs(listResourcesArgs, input);
  const res = await driverOf(source).executeQuery(statement(Q, 'resources-list'), {
    snapshotId,
    search: a.search?.toLowerCase() ?? null,
    type: a.type ?? null,
    account: a.account ?? null,
    offset: neo4j.int(a.offset),
    limit: neo4j.int(a.limit),
  });
  const rec = res.records[0];
  const items = ((rec?.get('items') as Props[] | undefined) ?? []).map((r) => ({
    ...toResourceRef(r),
    sensitive: r.sensitive === true,
    public: r.public === true,
    externalAccess: r.externalAccess === true,
  }));
  const total = rec ? Number(rec.get('total')) : 0;
  return { total, offset: a.offset, limit: a.limit, items };
}
