/**
 * Conditions on facts about a caller the snapshot does not know. A caller
 * outside the snapshot (an account, principal or anyone without IAM data) has
 * an ARN, tags and possibly an organization that no file describes; a
 * condition on them is neither true nor false. The analyses evaluate such a
 * caller against a copy of the policy whose Allow statements lose those
 * clauses, and keep the clauses on the edge as requirements.
 *
 * Principal keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import type { PolicyDocumentJson } from '../model.ts';
import type { PolicyInput, StatementRef, UnresolvedCondition } from '../types.ts';

/** Keys describing a caller the snapshot does not know; per caller kind, which of them stay unknown. */
export const UNKNOWN_FOR_ANYONE =
  /^aws:(principalarn|principalaccount|principalorgid|principalorgpaths|principaltag\/.*|userid|username|principaltype)$/;
export const UNKNOWN_FOR_ACCOUNT =
  /^aws:(principalarn|principalorgid|principalorgpaths|principaltag\/.*|userid|username|principaltype)$/;
export const UNKNOWN_FOR_INTERNAL_ACCOUNT =
  /^aws:(principalarn|principaltag\/.*|userid|username|principaltype)$/;
export const UNKNOWN_FOR_ARN = /^aws:(principalorgid|principalorgpaths|principaltag\/.*|userid)$/;
const POSITIVE_STRING = /^(StringEquals|StringLike|StringEqualsIgnoreCase)$/;

export interface Stripped {
  policy: PolicyInput;
  /** Statement index → the clauses removed from that Allow statement. */
  removed: Map<number, UnresolvedCondition[]>;
}

/** One statement of the policy to strip: its position, effect and raw text. */
export interface StrippableStatement {
  index: number;
  effect: 'Allow' | 'Deny';
  raw: Readonly<Record<string, unknown>>;
}

/**
 * A copy of the policy whose Allow statements lose the condition clauses
 * about caller facts the snapshot cannot know (`unknown`); the clauses come
 * back as requirements. A clause requiring our own organization is kept for
 * callers known to be outside it (`outsideOrgId`), where it is decidably false.
 */
export function stripUnknowable<S extends StrippableStatement>(
  policy: { id: string; document: PolicyDocumentJson },
  statements: readonly S[],
  ref: (st: S) => StatementRef,
  unknown: RegExp,
  outsideOrgId: string | undefined,
): Stripped | undefined {
  const removed = new Map<number, UnresolvedCondition[]>();
  const keptConditions = new Map<number, Record<string, Record<string, unknown>>>();
  for (const st of statements) {
    const condition = st.raw.Condition;
    if (st.effect !== 'Allow' || !condition || typeof condition !== 'object') continue;
    // Keyed by operator and condition key as written: null prototypes, so "__proto__" stays a plain key.
    const kept: Record<string, Record<string, unknown>> = Object.create(null) as Record<
      string,
      Record<string, unknown>
    >;
    const lost: UnresolvedCondition[] = [];
    for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
      if (!block || typeof block !== 'object') continue;
      for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
        const values = (Array.isArray(value) ? value : [value]).map(String);
        const keyLower = key.toLowerCase();
        const ownOrgOnly =
          outsideOrgId !== undefined &&
          keyLower === 'aws:principalorgid' &&
          POSITIVE_STRING.test(operator) &&
          values.every((v) => v === outsideOrgId);
        if (unknown.test(keyLower) && !ownOrgOnly) {
          lost.push({ key, operator, values, mustHold: true, source: ref(st) });
        } else {
          (kept[operator] ??= Object.create(null) as Record<string, unknown>)[key] = value;
        }
      }
    }
    if (lost.length === 0) continue;
    removed.set(st.index, lost);
    keptConditions.set(st.index, kept);
  }
  if (removed.size === 0) return undefined;
  const doc = policy.document;
  const single = !Array.isArray(doc.Statement);
  const rawStatements = single ? [doc.Statement] : (doc.Statement as unknown[]);
  const rewritten = rawStatements.map((raw, i) => {
    const kept = keptConditions.get(i);
    if (!kept) return raw;
    const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    if (Object.keys(kept).length === 0) delete copy.Condition;
    else copy.Condition = kept;
    return copy;
  });
  return {
    policy: { id: policy.id, document: { ...doc, Statement: single ? rewritten[0] : rewritten } },
    removed,
  };
}
