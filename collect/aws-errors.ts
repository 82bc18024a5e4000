/**
 * AWS errors as a person reads them: the error code AWS sent, its message,
 * and what would fix it. Codes are those of the API references, for example
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Errors
 * and https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
 */

export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const e = error as { name?: unknown; Code?: unknown; code?: unknown };
    for (const v of [e.name, e.Code, e.code]) if (typeof v === 'string' && v !== 'Error') return v;
  }
  return 'Error';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The caller's token (or an assumed role's) has expired: https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html */
export function isExpiredToken(error: unknown): boolean {
  return ['ExpiredToken', 'ExpiredTokenException', 'RequestExpired'].includes(errorCode(error));
}

/**
 * SNS spells it AuthorizationError (https://docs.aws.amazon.com/sns/latest/api/API_GetTopicAttributes.html#API_GetTopicAttributes_Errors),
 * which the AWS SDK names AuthorizationErrorException.
 */
export function isAccessDenied(error: unknown): boolean {
  return [
    'AccessDenied',
    'AccessDeniedException',
    'UnauthorizedOperation',
    'AuthorizationError',
    'AuthorizationErrorException',
  ].includes(errorCode(error));
}

/**
 * STS answers RegionDisabledException when it is not active in the Region for
 * the account (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html);
 * services in an opt-in Region the account has not enabled refuse its
 * credentials as unrecognized (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
 */
export function isRegionDisabled(error: unknown): boolean {
  return [
    'RegionDisabledException',
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'OptInRequired',
  ].includes(errorCode(error));
}

export function describeAwsError(error: unknown): string {
  return `${errorCode(error)}: ${errorMessage(error)}`;
}

/** Why an account could not be collected, and what would fix it. */
export function accountFailure(
  error: unknown,
  context: { accountId: string; roleArn?: string; region?: string; step: string },
): string {
  const base = `${context.step}: ${describeAwsError(error)}`;
  if (isRegionDisabled(error)) {
    return (
      `${base}. The Region ${context.region ?? '(default)'} is not enabled for account ${context.accountId}, ` +
      'or STS is not active there: enable the Region for the account (or activate STS in it under IAM ' +
      'account settings), or run collect with --region set to a Region every account has, such as us-east-1.'
    );
  }
  if (isAccessDenied(error) && context.roleArn !== undefined && context.step === 'AssumeRole') {
    return (
      `${base}. Check that ${context.roleArn} exists, that its trust policy lets the caller assume it ` +
      '(and names the --external-id given, if any), or pass the role every account has with --role-name.'
    );
  }
  if (isAccessDenied(error)) {
    return `${base}. The role used in account ${context.accountId} lacks a read permission listed in docs/collect.md.`;
  }
  return base;
}
