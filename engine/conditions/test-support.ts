/** Shared by the condition tests: evaluate a Condition block against a request context. */
import type { PolicyProblem } from '../policy/problems.ts';
import type { ContextValue, EvaluationRequest } from '../types.ts';
import { RequestKeys } from './context.ts';
import { compileCondition, evaluateConditions } from './index.ts';

export interface CheckOptions {
  absentKeys?: string[];
  principal?: Partial<EvaluationRequest['principal']>;
  resource?: Partial<EvaluationRequest['resource']>;
  /** Policy variables are on unless the test says otherwise. */
  variables?: boolean;
}

export function request(
  context: Record<string, ContextValue> = {},
  options: CheckOptions = {},
): EvaluationRequest {
  return {
    principal: {
      type: 'User',
      arn: 'arn:aws:iam::111111111111:user/alice',
      accountId: '111111111111',
      name: 'alice',
      uniqueId: 'AIDAEXAMPLEALICE0001',
      ...options.principal,
    },
    action: 's3:GetObject',
    resource: { arn: 'arn:aws:s3:::bucket/key', ...options.resource },
    context,
    absentKeys: options.absentKeys,
  };
}

/** 'true' | 'false' | 'unknown' for the block, plus any problems compiling it. */
export function check(
  block: Record<string, unknown>,
  context: Record<string, ContextValue> = {},
  options: CheckOptions = {},
): 'true' | 'false' | 'unknown' {
  const problems: PolicyProblem[] = [];
  const clauses = compileCondition(block, options.variables ?? true, 'Condition', problems);
  if (problems.some((p) => p.severity === 'error'))
    throw new Error(problems.map((p) => p.message).join('; '));
  return evaluateConditions(clauses, new RequestKeys(request(context, options))).state;
}

export function problemsOf(block: Record<string, unknown>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  compileCondition(block, true, 'Condition', problems);
  return problems;
}
