/**
 * One copy of each value the edges of an analysis repeat: reason sentences
 * ("SCPs allow s3:GetObject at all 2 level(s)."), statement references and
 * lists of them, conditions. Hundreds of thousands of edges cite the same few
 * statements; without this each decision holds its own copies.
 */
import type { StatementRef, UnresolvedCondition } from '../types.ts';

const refKey = (r: StatementRef): string =>
  `${r.policyId}\u0000${r.policyKind}\u0000${r.statementIndex}\u0000${r.effect}\u0000${r.sid ?? ''}`;

const conditionKey = (c: UnresolvedCondition): string =>
  `${c.key}\u0000${c.operator}\u0000${c.mustHold}\u0000${c.values.join('\u0002')}\u0000${refKey(c.source)}`;

export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly refs = new Map<string, StatementRef>();
  private readonly refLists = new Map<string, StatementRef[]>();
  private readonly conditions = new Map<string, UnresolvedCondition>();
  private readonly conditionLists = new Map<string, UnresolvedCondition[]>();

  string(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  ref(r: StatementRef): StatementRef {
    return this.refKeyed(r, refKey(r));
  }

  private refKeyed(r: StatementRef, k: string): StatementRef {
    const known = this.refs.get(k);
    if (known) return known;
    this.refs.set(k, r);
    return r;
  }

  refList(list: readonly StatementRef[]): StatementRef[] {
    const keys = list.map(refKey);
    const k = keys.join('\u0001');
    const known = this.refLists.get(k);
    if (known) return known;
    const refs = list.map((r, i) => this.refKeyed(r, keys[i]!));
    this.refLists.set(k, refs);
    return refs;
  }

  conditionList(list: readonly UnresolvedCondition[]): UnresolvedCondition[] {
    if (list.length === 0) return EMPTY;
    const out = list.map((c) => {
      const source = this.ref(c.source);
      const k = conditionKey({ ...c, source });
      let known = this.conditions.get(k);
      if (!known) this.conditions.set(k, (known = source === c.source ? c : { ...c, source }));
      return known;
    });
    const k = out.map(conditionKey).join('\u0001');
    const known = this.conditionLists.get(k);
    if (known) return known;
    this.conditionLists.set(k, out);
    return out;
  }
}

const EMPTY: UnresolvedCondition[] = [];
