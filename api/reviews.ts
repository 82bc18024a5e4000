/**
 * Review sessions in Neo4j (model in cypher/api/reviews.cypher): a session per
 * snapshot, items about a finding or a path, each status change kept as a
 * ReviewEvent. Inputs are validated here with zod; GraphQL errors say which.
 */
import crypto from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import * as z from 'zod';
import { statement, statements } from '../cypher/index.ts';
import { badInput, conflict, notFound } from './context.ts';
import { assumptionsSchema } from '../query/arg-schemas.ts';
import { ASSUMPTION_NAMES } from '../query/assumptions.ts';
import { edgeFromRow, pathFromEdges } from '../query/edges.ts';
import { resolveSharedEvidence } from '../query/shared-evidence.ts';
import {
  getItem,
  getSession,
  REVIEW_STATUSES,
  toItem,
  toSession,
  type AssumptionsOut,
  type PlanChangeEvidence,
  type ReviewItemKind,
  type ReviewItemOut,
  type ReviewSessionOut,
} from '../query/reviews.ts';

type Props = Record<string, unknown>;
const R = 'api/reviews';

const offOf = (a: Partial<AssumptionsOut> | null | undefined): string[] =>
  ASSUMPTION_NAMES.filter((n) => a?.[n] === false);

const WRITE = { routing: neo4j.routing.WRITE };

const reviewer = z
  .string()
  .trim()
  .min(1, 'reviewer must not be empty')
  .max(100, 'reviewer: at most 100 characters');
const note = z.string().max(10_000, 'note: at most 10000 characters');

/** AssumptionsInput as GraphQL hands it over: a category left out (or null) is assumed satisfiable. */
const assumptionsInput = z.preprocess(
  (v) =>
    v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined))
      : v,
  assumptionsSchema,
);

export const createSessionInput = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(200, 'name: at most 200 characters'),
  snapshot: z.string().nullish(),
  reviewer: reviewer.nullish(),
  assumptions: assumptionsInput.nullish(),
});
export const setAssumptionsInput = z.object({
  id: z.string().min(1),
  assumptions: assumptionsInput,
});

/** One item of addReviewItem / addReviewItems: exactly one of finding or path. */
const itemFields = z
  .object({
    finding: z.string().min(1).nullish(),
    path: z
      .array(z.string().min(1))
      .min(2, 'path: at least two node keys')
      .max(9, 'path: at most 8 hops')
      .nullish(),
    note: note.nullish(),
    reviewer: reviewer.nullish(),
  })
  .refine((v) => (v.finding ? 1 : 0) + (v.path ? 1 : 0) === 1, 'give exactly one of finding or path');
type ItemFields = z.infer<typeof itemFields>;

/** Items one addReviewItems call may add. */
export const MAX_ITEMS_PER_CALL = 500;
export const addItemsInput = z.object({
  sessionId: z.string().min(1),
  items: z
    .array(itemFields)
    .min(1, 'items: at least one item')
    .max(MAX_ITEMS_PER_CALL, `items: at most ${MAX_ITEMS_PER_CALL} per call`),
});

export const addItemInput = z
  .object({
    sessionId: z.string().min(1),
    finding: z.string().min(1).nullish(),
    path: z
      .array(z.string().min(1))
      .min(2, 'path: at least two node keys')
      .max(9, 'path: at most 8 hops')
      .nullish(),
    note: note.nullish(),
    reviewer: reviewer.nullish(),
  })
  .refine((v) => (v.finding ? 1 : 0) + (v.path ? 1 : 0) === 1, 'give exactly one of finding or path');
export const setStatusInput = z.object({
  itemId: z.string().min(1),
  status: z.enum(REVIEW_STATUSES),
  expectedVersion: z.number().int().min(1, 'expectedVersion: item versions start at 1').nullish(),
  note: note.nullish(),
  reviewer: reviewer.nullish(),
});

/**
 * The reviewer recorded for a write: who the credentials say is calling (`actor`: the token's or
 * the sign-in's name), never a name the caller merely typed; one typed in is kept beside it as a label.
 */
export function recordedReviewer(actor: string, asserted?: string | null): string {
  return asserted ? `${actor} (as "${asserted}")` : actor;
}

/** zod → GraphQL input error naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  throw badInput(
    'Invalid input: ' +
      res.error.issues
        .map((i) => `${i.path.length ? `input.${i.path.join('.')}` : 'input'}: ${i.message}`)
        .join('; '),
  );
}

/**
 * Runs one write statement again when Neo4j picked it as the victim of a
 * deadlock between concurrent writers (it was rolled back whole, so running it
 * again is safe). Many reviewers changing one item at once can deadlock the
 * same statement several times in a row, so it is tried again with a growing,
 * jittered wait until DEADLOCK_RETRY_MS has passed. The API's own calls do not
 * retry otherwise.
 */
const DEADLOCK_RETRY_MS = 10_000;
async function retryDeadlocks<T>(write: () => Promise<T>): Promise<T> {
  const until = Date.now() + DEADLOCK_RETRY_MS;
  for (let n = 1; ; n++) {
    try {
      return await write();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code !== 'Neo.TransientError.Transaction.DeadlockDetected' || Date.now() >= until) throw err;
      const ceiling = Math.min(250, 5 * 2 ** Math.min(n, 6));
      await new Promise((r) => setTimeout(r, ceiling * (0.5 + Math.random() / 2)));
    }
  }
}

const newId = (prefix: string) => `${prefix}-${crypto.randomBytes(9).toString('base64url')}`;

/**
 * Constraints for review nodes; idempotent, run at start. A database with items
 * numbered twice in a session (from before numbering was atomic) has those
 * sessions renumbered, so that the (session, seq) constraint can be created.
 */
export async function applyReviewSchema(db: Driver): Promise<void> {
  for (const [name, stmt] of statements(R)) {
    if (!name.startsWith('constraint-')) continue;
    try {
      await db.executeQuery(stmt, {}, WRITE);
    } catch (err) {
      if (name !== 'constraint-review-item-seq') throw err;
      await db.executeQuery(statement(R, 'items-renumber-duplicates'), {}, WRITE);
      await db.executeQuery(stmt, {}, WRITE);
    }
  }
}

export async function createSession(
  db: Driver,
  input: {
    name: string;
    snapshotId: string;
    reviewer?: string | null;
    assumptions?: Partial<AssumptionsOut> | null;
  },
): Promise<ReviewSessionOut> {
  const res = await db.executeQuery(
    statement(R, 'session-create'),
    {
      id: newId('rs'),
      name: input.name,
      snapshotId: input.snapshotId,
      reviewer: input.reviewer ?? null,
      assumptionsOff: offOf(input.assumptions),
      now: new Date().toISOString(),
    },
    WRITE,
  );
  return toSession(res.records[0]!.get('session') as Props);
}

/** Replaces a session's assumptions (a category left out is assumed satisfiable). */
export async function setSessionAssumptions(db: Driver, raw: unknown): Promise<ReviewSessionOut> {
  const input = parseInput(setAssumptionsInput, raw);
  const res = await db.executeQuery(
    statement(R, 'session-set-assumptions'),
    { id: input.id, assumptionsOff: offOf(input.assumptions) },
    WRITE,
  );
  const r = res.records[0];
  if (!r) throw notFound(`No review session "${input.id}".`);
  return toSession(r.get('session') as Props);
}

/** Adds one item (addReviewItem) as `actor`. */
export async function addItem(db: Driver, raw: unknown, actor: string): Promise<ReviewItemOut> {
  const { sessionId, ...item } = parseInput(addItemInput, raw);
  return (await insertItems(db, sessionId, [item], 'input', actor))[0]!;
}

/** Adds several items in one transaction, in order (addReviewItems); none is added if one is refused. */
export async function addItems(db: Driver, raw: unknown, actor: string): Promise<ReviewItemOut[]> {
  const input = parseInput(addItemsInput, raw);
  return insertItems(db, input.sessionId, input.items, 'items', actor);
}

type EdgeRow = Parameters<typeof edgeFromRow>[0];

/** Every step of every path item, read in one statement: the edge of each (from, to) pair, or none. */
async function pathSteps(db: Driver, snapshotId: string, items: ItemFields[]): Promise<Map<string, EdgeRow>> {
  const pairs = new Map<string, { from: string; to: string }>();
  for (const { path } of items)
    for (let i = 0; path && i + 1 < path.length; i++)
      pairs.set(JSON.stringify([path[i], path[i + 1]]), { from: path[i]!, to: path[i + 1]! });
  const found = new Map<string, EdgeRow>();
  if (!pairs.size) return found;
  const list = [...pairs.values()];
  const res = await db.executeQuery(statement('api/catalog', 'edges-between'), { snapshotId, pairs: list });
  await resolveSharedEvidence(
    db,
    snapshotId,
    res.records.map((r) => r.get('edge') as Record<string, unknown>),
  );
  for (const r of res.records) {
    const p = list[Number(r.get('ix'))]!;
    found.set(JSON.stringify([p.from, p.to]), r.toObject() as EdgeRow);
  }
  return found;
}

interface ItemRow {
  id: string;
  kind: ReviewItemKind;
  title: string;
  subjectKeys: string[];
  aboutKeys: string[];
  findingId: string | null;
  path: string | null;
  planChange: string | null;
  note: string | null;
  reviewer: string | null;
}

async function insertItems(
  db: Driver,
  sessionId: string,
  items: ItemFields[],
  field: 'input' | 'items',
  actor: string,
): Promise<ReviewItemOut[]> {
  const session = await getSession(db, sessionId);
  if (!session) throw notFound(`No review session "${sessionId}".`);
  const where = (i: number) => (field === 'input' ? 'input' : `items[${i}]`);

  const findingIds = [...new Set(items.flatMap((i) => (i.finding ? [i.finding] : [])))];
  const found = new Map<string, Props>();
  if (findingIds.length) {
    const res = await db.executeQuery(statement(R, 'findings-for-items'), {
      snapshotId: session.snapshotId,
      ids: findingIds,
    });
    for (const r of res.records) found.set(String(r.get('id')), r.toObject() as Props);
  }

  const steps = await pathSteps(db, session.snapshotId, items);

  const rows: ItemRow[] = [];
  for (const [n, input] of items.entries()) {
    const common = {
      id: newId('ri'),
      note: input.note ?? null,
      reviewer: recordedReviewer(actor, input.reviewer),
    };
    if (input.finding) {
      const f = found.get(input.finding);
      if (!f)
        throw notFound(
          `${where(n)}.finding: no finding "${input.finding}" in snapshot ${session.snapshotId} (the session's snapshot).`,
        );
      rows.push({
        ...common,
        kind: 'FINDING',
        title: `[${String(f.severity)}] ${String(f.title)}`,
        subjectKeys: Array.isArray(f.subjects) ? f.subjects.map(String) : [],
        aboutKeys: [input.finding],
        findingId: input.finding,
        path: null,
        planChange: null,
      });
      continue;
    }
    const keys = input.path!;
    const edges = [];
    for (let i = 0; i + 1 < keys.length; i++) {
      const r = steps.get(JSON.stringify([keys[i], keys[i + 1]]));
      if (!r)
        throw badInput(
          `${where(n)}.path: no CAN_ASSUME or CAN_ESCALATE_TO edge from ${keys[i]} to ${keys[i + 1]} in snapshot ${session.snapshotId}.`,
          `${where(n)}.path`,
        );
      edges.push(edgeFromRow(r));
    }
    const p = pathFromEdges([edges[0]!.from, ...edges.map((e) => e.to)], edges);
    rows.push({
      ...common,
      kind: 'PATH',
      title: p.nodes.map((x) => x.name ?? x.key).join(' → '),
      subjectKeys: keys,
      aboutKeys: keys,
      findingId: null,
      path: JSON.stringify(p),
      planChange: null,
    });
  }
  return writeItems(db, session.id, rows);
}

async function writeItems(db: Driver, sessionId: string, rows: ItemRow[]): Promise<ReviewItemOut[]> {
  await retryDeadlocks(() =>
    db.executeQuery(
      statement(R, 'items-add'),
      { sessionId, items: rows, now: new Date().toISOString() },
      WRITE,
    ),
  );
  const res = await db.executeQuery(statement(R, 'items-get'), { ids: rows.map((r) => r.id) });
  return res.records.map((r) => toItem(r.get('item') as Props, r.get('history') as Props[]));
}

/** One item about what a proposed change would add (addPlanCheckToReview). */
export interface PlanChangeItem {
  title: string;
  subjectKeys: string[];
  evidence: PlanChangeEvidence;
}

/** Adds a plan check's items to a session in one transaction, in order, as `actor`. */
export async function addPlanChangeItems(
  db: Driver,
  sessionId: string,
  items: PlanChangeItem[],
  opening: { note?: string | null; reviewer?: string | null },
  actor: string,
): Promise<ReviewItemOut[]> {
  const { note: text, reviewer: asserted } = parseInput(
    z.object({ note: note.nullish(), reviewer: reviewer.nullish() }),
    opening,
  );
  return writeItems(
    db,
    sessionId,
    items.map((i) => ({
      id: newId('ri'),
      kind: 'PLAN_CHANGE',
      title: i.title,
      subjectKeys: i.subjectKeys,
      aboutKeys: i.subjectKeys,
      findingId: null,
      path: null,
      planChange: JSON.stringify(i.evidence),
      note: text ?? null,
      reviewer: recordedReviewer(actor, asserted),
    })),
  );
}

/**
 * Sets an item's status, with its event, in one statement that holds the
 * item's write lock from the first read, so the event's fromStatus is the
 * status it really replaced. With expectedVersion, a change made against
 * another version of the item is refused (CONFLICT) and nothing is written.
 */
export async function setItemStatus(db: Driver, raw: unknown, actor: string): Promise<ReviewItemOut> {
  const input = parseInput(setStatusInput, raw);
  const res = await retryDeadlocks(() =>
    db.executeQuery(
      statement(R, 'item-set-status'),
      {
        id: input.itemId,
        status: input.status,
        expectedVersion: input.expectedVersion == null ? null : neo4j.int(input.expectedVersion),
        note: input.note ?? null,
        reviewer: recordedReviewer(actor, input.reviewer),
        now: new Date().toISOString(),
      },
      WRITE,
    ),
  );
  const r = res.records[0];
  if (!r) throw notFound(`No review item "${input.itemId}".`);
  if (!r.get('applied')) {
    const version = Number(r.get('version'));
    const status = String(r.get('status'));
    const by = r.get('reviewer') ? ` by ${String(r.get('reviewer'))}` : '';
    throw conflict(
      `Review item "${input.itemId}" changed since you read it: you sent expectedVersion ` +
        `${input.expectedVersion}, it is now at version ${version} (status ${status}, set${by} at ` +
        `${String(r.get('updatedAt'))}). Read the item again and set the status again if your change still stands.`,
      { currentVersion: version, currentStatus: status },
    );
  }
  return (await getItem(db, input.itemId))!;
}

/** Deletes a session, its items and their history. */
export async function deleteSession(db: Driver, id: string): Promise<void> {
  await db.executeQuery(statement(R, 'session-delete'), { id }, WRITE);
}
