/**
 * Which account each ARN of an authorization-details file stands for. AWS
 * writes one account per export, but files reach us merged by other tools
 * (several accounts in one file) or anonymized by hand (`arn:aws:iam::aws:user/NAME`,
 * the documentation account 123456789012 next to real ids). Real account ids
 * split the file by account; replaced ones are read as the file's account.
 * Both are warnings, so an auditor sees what was assumed.
 */
import { isAccountId } from './arn.ts';
import type { AccountClaim } from './account-agreement.ts';
import type { InputProblem } from './problems.ts';

/**
 * Account ids that stand for "some account" in documentation and anonymized
 * samples: AWS's own example id (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
 * uses 123456789012) and the all-zero id. In a file whose other ARNs name a
 * real account they are read as that account.
 */
const PLACEHOLDER_ACCOUNTS = new Set(['123456789012', '000000000000']);

/** Beyond this many replaced ARNs in one file, one line says how many more. */
const LIMIT = 20;

export interface AccountResolution {
  /** The account most ARNs name: the file's account. */
  main?: string;
  /** The account each claimed account part is read as. */
  accountOf: (accountPart: string) => string;
  /** Real accounts of the file, main first. */
  accounts: string[];
}

export function resolveAccounts(
  claims: readonly (AccountClaim & { arn: string })[],
  file: string,
  problems: InputProblem[],
  warnings: InputProblem[],
): AccountResolution {
  const counts = new Map<string, number>();
  for (const c of claims)
    if (isAccountId(c.accountId)) counts.set(c.accountId, (counts.get(c.accountId) ?? 0) + 1);
  let main: string | undefined;
  let best = 0;
  for (const [id, count] of counts) {
    const better =
      count > best ||
      (count === best &&
        main !== undefined &&
        PLACEHOLDER_ACCOUNTS.has(main) &&
        !PLACEHOLDER_ACCOUNTS.has(id));
    if (better) {
      main = id;
      best = count;
    }
  }
  if (main === undefined) {
    const first = claims[0];
    if (first !== undefined) {
      problems.push({
        file,
        jsonPath: first.jsonPath,
        message: `no ARN in this file names a 12-digit account (this one names ${JSON.stringify(first.accountId)}), so its account cannot be told`,
        expected: 'ARNs like arn:aws:iam::123456789012:role/NAME, at least one with the real account id',
      });
    }
    return { accountOf: (part) => part, accounts: [] };
  }
  const mainAccount = main;
  const replaced = (part: string): boolean =>
    part !== mainAccount && (!isAccountId(part) || PLACEHOLDER_ACCOUNTS.has(part));
  const accountOf = (part: string): string => (replaced(part) ? mainAccount : part);

  const replacedClaims = claims.filter((c) => replaced(c.accountId));
  for (const c of replacedClaims.slice(0, LIMIT)) {
    warnings.push({
      file: c.file,
      jsonPath: c.jsonPath,
      message: `${c.arn} names account ${JSON.stringify(c.accountId)}, which looks replaced (anonymized or edited by hand); read as account ${mainAccount}, the account of the rest of this file`,
    });
  }
  if (replacedClaims.length > LIMIT) {
    warnings.push({
      file,
      jsonPath: '',
      message: `... and ${replacedClaims.length - LIMIT} more ARNs with a replaced account, read as account ${mainAccount}`,
    });
  }

  const accounts = [mainAccount, ...[...counts.keys()].filter((id) => id !== mainAccount && !replaced(id))];
  if (accounts.length > 1) {
    warnings.push({
      file,
      jsonPath: '',
      message: `the file holds several accounts' entries (${accounts
        .map((id) => `${id}: ${counts.get(id) ?? 0} ARNs`)
        .join(', ')}); it is read as one export per account, split by the account in each ARN`,
    });
  }
  return { main: mainAccount, accountOf, accounts };
}
