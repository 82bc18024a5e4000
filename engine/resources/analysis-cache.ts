/**
 * Caches of what the resource analysis works out once per policy, statement or document. They are
 * keyed weakly by objects the snapshot keeps (its parsed policies and documents), so a cache made
 * once for the module would keep every entry as long as the snapshot does: at 100,000 roles, tens
 * of megabytes through the steps after the analysis that never read them. Each is emptied when an
 * analysis ends (`releaseAnalysisCaches`, from `eachResourceAccess` in analyse.ts); the next
 * analysis works its entries out again.
 */
export class AnalysisCache<K extends object, V> {
  private entries = new WeakMap<K, V>();

  constructor() {
    caches.push(this);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries = new WeakMap();
  }
}

const caches: { clear(): void }[] = [];

/** Empties every analysis cache. */
export function releaseAnalysisCaches(): void {
  for (const cache of caches) cache.clear();
}
