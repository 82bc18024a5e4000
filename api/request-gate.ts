/**
 * How many expensive GraphQL requests run at once. A request is expensive when
 * its cost (graphql-armor's count, page sizes included) reaches
 * `expensiveCost`, or when it asks a field that searches the graph
 * (reachability, paths, findings, diffs, trust summaries, simulation). At most
 * `maxExpensive` run together; up to `expensiveQueue` more wait for a place
 * (the wait counts against the request's deadline); beyond that the request is
 * refused at once with HTTP 429 and a Retry-After header, so a burst cannot
 * pile work onto Neo4j faster than it answers.
 */
import { Kind, visit, type DocumentNode } from 'graphql';

/** Fields whose work grows with the graph rather than with the page asked for. */
export const SEARCH_FIELDS: ReadonlySet<string> = new Set([
  'whoCanAssume',
  'reachableFrom',
  'paths',
  'escalationPaths',
  'findings',
  'snapshotDiff',
  'crossAccountTrust',
  'providerTrust',
  'externalTrust',
  'organizationOverview',
  'trustMatrix',
  'trustBetween',
  'simulate',
  'organization',
  'personReach',
  'peopleWhoCanReach',
  'checkPlan',
  'whoCanAccess',
  'canAccess',
  'externalAccess',
]);

/** What selectsSearchField found per document: the server's parse cache hands out one document per query text. */
const searches = new WeakMap<DocumentNode, boolean>();

/** Does the document (fragments included) select one of SEARCH_FIELDS? */
export function selectsSearchField(doc: DocumentNode): boolean {
  let found = searches.get(doc);
  if (found !== undefined) return found;
  found = false;
  visit(doc, {
    [Kind.FIELD]: (node) => {
      if (SEARCH_FIELDS.has(node.name.value)) found = true;
    },
  });
  searches.set(doc, found);
  return found;
}

export class GateFull extends Error {
  override readonly name = 'GateFull';
}

/** A counting semaphore with a bounded queue of waiters. */
export class RequestGate {
  private running = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(
    readonly max: number,
    readonly queue: number,
  ) {}

  /**
   * A place: resolves to its release function, or rejects with GateFull when
   * every place is taken and the queue is full, or when `waitMs` passes first.
   */
  acquire(waitMs: number): Promise<() => void> {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next.grant();
      else this.running--;
    };
    if (this.running < this.max) {
      this.running++;
      return Promise.resolve(release);
    }
    if (this.waiting.length >= this.queue || waitMs <= 0)
      return Promise.reject(new GateFull('every place is taken'));
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(release);
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new GateFull('no place freed in time'));
      }, waitMs);
      timer.unref();
      this.waiting.push(waiter);
    });
  }

  stats(): { running: number; waiting: number; max: number; queue: number } {
    return { running: this.running, waiting: this.waiting.length, max: this.max, queue: this.queue };
  }
}
