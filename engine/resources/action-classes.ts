/**
 * Actions of one level that decide alike. The evaluator reads a request's
 * action in one place only: whether each statement's Action or NotAction
 * covers it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html);
 * the condition keys and the Principal and Resource elements do not depend on
 * it. So two actions of the same level, evaluated on the same ARN, that every
 * statement of every policy in play either covers both or covers neither, get
 * the same decision, conditions and evidence; only the sentences name the
 * action. The resource analysis evaluates the first action of each class and
 * reuses its decision for the others (decide.ts).
 */
import type { ParsedPolicy } from '../evaluate/index.ts';
import { actionsOf, coveredActions, S3_OBJECT_ACTIONS, type AnalysedType } from './actions.ts';
import { ACCESS_LEVELS } from './types.ts';

/** Level and request ARN (object or bucket) per action: the classes never mix them. */
const startCache = new Map<AnalysedType, Int32Array>();

function startClasses(type: AnalysedType): Int32Array {
  let out = startCache.get(type);
  if (!out) {
    out = Int32Array.from(
      actionsOf(type),
      ({ action, level }) => ACCESS_LEVELS.indexOf(level) * 2 + (S3_OBJECT_ACTIONS.has(action) ? 1 : 0),
    );
    startCache.set(type, out);
  }
  return out;
}

/** Action classes for one analysis: each policy's split of each type's actions is worked out once and kept until it ends. */
export class ActionClasses {
  private readonly byPolicy = new Map<ParsedPolicy, Map<AnalysedType, Int32Array | null>>();

  /**
   * Per action of the type (actionsOf order): an id, equal for actions that exactly the same
   * statements of the policy cover; null when that is every action of the type (no split).
   */
  private policyClasses(parsed: ParsedPolicy, type: AnalysedType): Int32Array | null {
    let byType = this.byPolicy.get(parsed);
    if (!byType) this.byPolicy.set(parsed, (byType = new Map()));
    const known = byType.get(type);
    if (known !== undefined) return known;
    const masks: number[] = [];
    for (const st of parsed.statements) {
      const mask = coveredActions(st, type);
      if (mask !== 0) masks.push(mask);
    }
    const out = new Int32Array(actionsOf(type).length);
    const ids = new Map<string, number>();
    for (let i = 0; i < out.length; i++) {
      let covered = '';
      for (const mask of masks) covered += mask & (1 << i) ? '1' : '0';
      let id = ids.get(covered);
      if (id === undefined) ids.set(covered, (id = ids.size));
      out[i] = id;
    }
    const classes = ids.size > 1 ? out : null;
    byType.set(type, classes);
    return classes;
  }

  /**
   * Per action of the type (actionsOf order), its class among `policies` (every policy the requests
   * are evaluated with): actions with the same class have the same level and request ARN, and each
   * statement of each policy covers all of them or none.
   */
  of(type: AnalysedType, policies: readonly ParsedPolicy[]): Int32Array {
    let classes = startClasses(type);
    for (const parsed of policies) {
      const own = this.policyClasses(parsed, type);
      if (own === null) continue;
      const next = new Int32Array(classes.length);
      const ids = new Map<number, number>();
      for (let i = 0; i < classes.length; i++) {
        const k = classes[i]! * 65536 + own[i]!;
        let id = ids.get(k);
        if (id === undefined) ids.set(k, (id = ids.size));
        next[i] = id;
      }
      classes = next;
    }
    return classes;
  }
}
