/**
 * Which principals of a snapshot a proposed change can affect, so that
 * plan-check re-analyses those alone (query/plan-check.ts). What a change set
 * holds lives in one account (IAM users, roles, groups and customer managed
 * policies belong to the account that owns them, and a policy attaches only in
 * its account: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html),
 * so the scope is built from accounts:
 *
 * 1. the changed account, and every account an SCP or RCP of the change
 *    applies to (an SCP or RCP on a root or an OU: the full analysis);
 * 2. the accounts named in the trust policies of the changed account's roles,
 *    before and after (their principals are the callers those trusts let in);
 *    a trust that lets in anyone lets in callers of any account: full analysis;
 * 3. the roles of any account whose trust policy text names one of those
 *    accounts or `*` (the roles the changed principals may assume);
 * 4. over the snapshot's stored CAN_ASSUME and CAN_ESCALATE_TO edges, every node
 *    that reaches those principals.
 *
 * Those are analysed. Every node they reach beyond (the frame) cannot reach the
 * change, so its edges and its ways to an administrator are the same before
 * and after: they are read as stored (query/plan-frame.ts), so that each
 * analysed principal's way to an administrator is whole. Edges and findings
 * between analysed principals come out as they come out of the whole snapshot;
 * those the change cannot affect come out the same on both sides and cancel in
 * the diff.
 */
import { statement } from '../cypher/index.ts';
import type { ChangeSet, IamObject } from '../engine/plan/change.ts';
import type { Organization, PolicyDocumentJson } from '../engine/model.ts';
import { driverOf, type Source } from './cache.ts';

const Q = 'queries/plan-scope';

/** Above this share of the snapshot's principals, the full analysis runs instead. */
export const INCREMENTAL_SHARE_LIMIT = 0.5;
/** Keys per statement of the edge walk. */
const KEYS_PER_STATEMENT = 2_000;

export type PlanScope =
  | {
      mode: 'incremental';
      /** The users and roles analysed: those the change touches and those that reach them. */
      arns: string[];
      /** Every node that reaches the change (users, roles, accounts, services...), the analysed ones included. */
      reaching: string[];
      /** The nodes those reach and that cannot reach the change: their edges are read as stored. */
      frame: string[];
      total: number;
      accounts: string[];
      reason: string;
    }
  | { mode: 'full'; total: number; reason: string };

const isAccountId = (s: string) => /^\d{12}$/.test(s);

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The statements of a policy document, parsed from its text when stored as text (none when unreadable). */
function statementsOf(doc: PolicyDocumentJson | string | undefined): unknown[] {
  if (doc === undefined) return [];
  let parsed: unknown = doc;
  if (typeof doc === 'string') {
    try {
      parsed = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  return asList((parsed as { Statement?: unknown } | null)?.Statement);
}

/** True when a statement of the trust policy allows any AWS principal (`"*"` or `{"AWS": "*"}`). */
export function trustsAnyone(doc: PolicyDocumentJson | string | undefined): boolean {
  return statementsOf(doc).some((st) => {
    const s = st as { Effect?: unknown; Principal?: unknown; NotPrincipal?: unknown };
    if (s.Effect !== 'Allow') return false;
    if (s.NotPrincipal !== undefined) return true;
    if (s.Principal === '*') return true;
    const aws = (s.Principal as { AWS?: unknown } | undefined)?.AWS;
    return asList(aws).includes('*');
  });
}

/**
 * The callers a trust policy names: whole accounts (`arn:aws:iam::ID:root` or the
 * bare id, which let in any principal of the account that its own policies allow)
 * and single principals (user and role ARNs). An assumed-role session names its
 * role by name alone, so its account counts whole. Services and identity
 * providers are no principals of the snapshot.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export function callersNamedIn(doc: PolicyDocumentJson | string | undefined): {
  accounts: string[];
  principals: string[];
} {
  const out = { accounts: [] as string[], principals: [] as string[] };
  for (const st of statementsOf(doc)) {
    const principal = (st as { Principal?: unknown }).Principal;
    for (const v of asList((principal as { AWS?: unknown } | undefined)?.AWS)) {
      if (typeof v !== 'string') continue;
      if (isAccountId(v)) out.accounts.push(v);
      const m = /^arn:[^:]+:(iam|sts)::(\d{12}):(.*)$/.exec(v);
      if (!m) continue;
      const [, service, account = '', rest = ''] = m;
      if (service === 'iam' && (rest.startsWith('user/') || rest.startsWith('role/'))) out.principals.push(v);
      else out.accounts.push(account);
    }
  }
  return out;
}

const objectsOf = (cs: ChangeSet): IamObject[] =>
  cs.changes.flatMap((c) => [c.before, c.after].filter((o): o is IamObject => o !== undefined));

/** The accounts the organization policies of the change apply to, or the root or OU that makes it broad. */
function orgPolicyAccounts(
  objects: IamObject[],
  organization: Organization | undefined,
): { accounts: string[]; broad?: string } {
  const targets = new Set<string>();
  for (const o of objects) {
    if (o.type === 'org-policy-attachment') targets.add(o.targetId);
    if (o.type === 'org-policy')
      for (const t of organization?.policies.find((p) => p.id === o.id)?.targets ?? []) targets.add(t);
  }
  const accounts: string[] = [];
  for (const t of targets) {
    if (!isAccountId(t)) return { accounts, broad: t };
    accounts.push(t);
  }
  return { accounts };
}

/** Breadth-first over stored edges (`edge-sources` or `edge-targets`) from `start`; every node met. */
async function walk(
  source: Source,
  snapshotId: string,
  name: 'edge-sources' | 'edge-targets',
  start: ReadonlyMap<string, boolean>,
  limit: number,
): Promise<Map<string, boolean>> {
  const driver = driverOf(source);
  const seen = new Map(start);
  let frontier = [...start.keys()];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += KEYS_PER_STATEMENT) {
      const res = await driver.executeQuery(statement(Q, name), {
        snapshotId,
        keys: frontier.slice(i, i + KEYS_PER_STATEMENT),
      });
      for (const r of res.records) {
        const key = String(r.get('key'));
        if (seen.has(key)) continue;
        seen.set(key, r.get('principal') === true);
        next.push(key);
      }
    }
    frontier = next;
    if (seen.size > limit) break;
  }
  return seen;
}

/** The principals a change set can affect in a snapshot, or why the full analysis is needed. */
export async function planScope(
  source: Source,
  snapshotId: string,
  cs: ChangeSet,
  organization: Organization | undefined,
  shareLimit: number = INCREMENTAL_SHARE_LIMIT,
): Promise<PlanScope> {
  const driver = driverOf(source);
  const count = await driver.executeQuery(statement(Q, 'principal-count'), { snapshotId });
  const total = Number(count.records[0]?.get('n') ?? 0);
  const full = (reason: string): PlanScope => ({ mode: 'full', total, reason });

  const objects = objectsOf(cs);
  const org = orgPolicyAccounts(objects, organization);
  if (org.broad)
    return full(`an organization policy of the change applies to ${org.broad}, above any one account`);
  const changed = [...new Set([cs.accountId, ...org.accounts])];

  // The trust policies of the changed accounts' roles, as stored and as the change writes them.
  const own = await driver.executeQuery(statement(Q, 'account-principals'), {
    snapshotId,
    accounts: changed,
  });
  const ownArns = own.records.map((r) => String(r.get('arn')));
  const trusts = await driver.executeQuery(statement(Q, 'trust-of'), {
    snapshotId,
    arns: ownArns.filter((a) => a.includes(':role/')),
  });
  const documents: { role: string; doc: PolicyDocumentJson | string | undefined }[] = [
    ...trusts.records.map((r) => ({
      role: String(r.get('arn')),
      doc: (r.get('trustPolicy') as string | null) ?? undefined,
    })),
    ...objects.flatMap((o) => (o.type === 'role' ? [{ role: o.name, doc: o.trustPolicy }] : [])),
  ];
  const open = documents.find((d) => trustsAnyone(d.doc));
  if (open)
    return full(
      `the trust policy of ${open.role} lets in any AWS principal, whose callers may be in any account`,
    );
  const named = documents.map((d) => callersNamedIn(d.doc));
  const callerAccounts = [...new Set([...changed, ...named.flatMap((n) => n.accounts)])];

  const callers = await driver.executeQuery(statement(Q, 'account-principals'), {
    snapshotId,
    accounts: callerAccounts,
  });
  const trusting = await driver.executeQuery(statement(Q, 'roles-trust-mentioning'), {
    snapshotId,
    needles: [...changed, '"*"'],
  });
  const core = new Set([
    ...ownArns,
    ...callers.records.map((r) => String(r.get('arn'))),
    ...trusting.records.map((r) => String(r.get('arn'))),
    ...named.flatMap((n) => n.principals),
  ]);

  // The walk stops early once it holds more nodes than the limit lets through (non-principals count too).
  const limit = Math.floor(total * shareLimit);
  const tooMany = (n: number) =>
    full(
      `the change can affect ${n > limit ? `more than ${limit}` : n} of the snapshot's ${total} principals (more than ${Math.round(shareLimit * 100)}%)`,
    );
  const reaching = await walk(
    source,
    snapshotId,
    'edge-sources',
    new Map([...core].map((a) => [a, true])),
    limit,
  );
  const arns = [...reaching]
    .filter(([, principal]) => principal)
    .map(([key]) => key)
    .sort();
  if (arns.length > limit) return tooMany(limit + 1);
  // What they reach and that cannot reach the change: taken from the stored edges as it is.
  const reached = await walk(source, snapshotId, 'edge-targets', reaching, Infinity);
  return {
    mode: 'incremental',
    arns,
    reaching: [...reaching.keys()].sort(),
    frame: [...reached.keys()].filter((k) => !reaching.has(k)).sort(),
    total,
    accounts: callerAccounts.sort(),
    reason: `${arns.length} of ${total} principals re-analysed: those of ${callerAccounts.length} account(s), the roles whose trust names them, and what reaches them; what they reach beyond is read from the stored edges`,
  };
}
