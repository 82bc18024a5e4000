/**
 * ARN splitting shared by resource matching, ARN condition operators and
 * the request context. An ARN has six colon-separated parts; the sixth (the
 * resource) may itself contain colons, so only the first five colons split.
 */

/** The parts of `value` split at its first five colons (fewer parts when it has fewer colons). */
export function splitArn(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  while (parts.length < 5) {
    const colon = value.indexOf(':', start);
    if (colon < 0) break;
    parts.push(value.slice(start, colon));
    start = colon + 1;
  }
  parts.push(value.slice(start));
  return parts;
}

/** The 12-digit account of an ARN, or undefined when the ARN has none (S3 buckets, malformed input). */
export function arnAccount(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts = splitArn(arn);
  const account = parts.length === 6 ? parts[4] : undefined;
  return account ? account : undefined;
}

/** The last path element of an ARN's resource part: the name of a user or role (`role/path/NAME` → NAME). */
export function arnResourceName(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return slash < 0 ? arn : arn.slice(slash + 1);
}
