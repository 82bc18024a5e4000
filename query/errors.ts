/**
 * The two ways a query can fail on its input, for every caller (CLI, GraphQL)
 * to map to its own terms: the input is malformed, or it names something the
 * snapshot does not hold.
 */

/** The arguments are malformed (a bad ARN, an unknown action); the message says what a valid value looks like. */
export class QueryInputError extends Error {
  override readonly name = 'QueryInputError';
  constructor(
    message: string,
    /** The argument at fault, when one is. */
    readonly argument?: string,
  ) {
    super(message);
  }
}

/** A principal, role or resource named by the query is not in the snapshot. */
export class NotInSnapshotError extends Error {
  override readonly name = 'NotInSnapshotError';
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
  }
}
