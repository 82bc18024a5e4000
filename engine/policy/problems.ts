/** A defect found in a policy document, located by a JSON path such as `Statement[2].Action`. */
export interface PolicyProblem {
  path: string;
  message: string;
  /** `error`: AWS would reject the document; `warning`: valid but probably not what the author meant. */
  severity: 'error' | 'warning';
}

export function problem(
  path: string,
  message: string,
  severity: 'error' | 'warning' = 'error',
): PolicyProblem {
  return { path, message, severity };
}
