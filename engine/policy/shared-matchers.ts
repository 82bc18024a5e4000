/**
 * Compiled matchers shared by what they were compiled from: statements
 * naming the same actions or resources (the same managed policy, templates
 * repeated across accounts and roles) share one matcher instead of each
 * holding a copy. Only matchers that compiled without problems are shared,
 * so every statement still reports its own. Bounded: a long-running process
 * starts the table over when it is full.
 */
import type { PolicyProblem } from './problems.ts';

export class SharedMatchers<T> {
  private readonly table = new Map<string, T>();

  constructor(private readonly limit: number) {}

  get(key: string, problems: PolicyProblem[], compile: () => T): T {
    const known = this.table.get(key);
    if (known) return known;
    const before = problems.length;
    const matcher = compile();
    if (problems.length === before) {
      if (this.table.size >= this.limit) this.table.clear();
      this.table.set(key, matcher);
    }
    return matcher;
  }
}
