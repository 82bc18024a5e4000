/**
 * One export file describes one account. The account id is never a field of
 * its own in AWS's outputs; it is read off the ARNs, so they must agree.
 */
import type { InputProblem } from './problems.ts';

export interface AccountClaim {
  accountId: string;
  /** The ARN the account was read from, for messages. */
  arn?: string;
  file: string;
  jsonPath: string;
}

/**
 * Returns the account most ARNs name and reports every ARN naming another one.
 * The majority, not the first ARN, decides so that one stray entry at the top
 * of a file yields one problem instead of hundreds.
 */
export function agreeOnAccount(
  claims: readonly AccountClaim[],
  what: string,
  problems: InputProblem[],
): string | undefined {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.accountId, (counts.get(c.accountId) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [id, count] of counts) {
    if (count > bestCount) {
      best = id;
      bestCount = count;
    }
  }
  if (counts.size > 1) {
    for (const c of claims) {
      if (c.accountId === best) continue;
      problems.push({
        file: c.file,
        jsonPath: c.jsonPath,
        message: `the ARN is in account ${c.accountId}, but the rest of this ${what} is account ${best} (${bestCount} ARNs)`,
        expected: `an ARN in account ${best}: one file holds one account's output`,
      });
    }
  }
  return best;
}
