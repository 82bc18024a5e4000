/**
 * Every query's bounds and defaults, as plain numbers: the command line's help
 * text shows them without loading the argument schemas (query/args.ts re-exports them).
 */
/** CAN_ASSUME hops a search follows at most. */
export const MAX_HOPS = 8;
/** Hops of a reachability search (whoCanAssume, reachableFrom, paths, whoCan viaRoles) when none is given. */
export const DEFAULT_MAX_HOPS = 3;
/** Hops of an escalation path search when none is given. */
export const DEFAULT_ESCALATION_MAX_HOPS = 4;

/** Entries of one whoCanAssume / reachableFrom answer. */
export const MAX_REACH_LIMIT = 1000;
export const DEFAULT_REACH_LIMIT = 200;
/** Paths of one paths / escalation answer (per source, for escalations). */
export const MAX_PATHS_LIMIT = 64;
export const DEFAULT_PATHS_LIMIT = 10;
/** Principals of one whoCan answer (each list). */
export const MAX_WHO_CAN_LIMIT = 100_000;
export const DEFAULT_WHO_CAN_LIMIT = 1000;

/**
 * The GraphQL API's defaults where its schema (api/schema/*.graphql) gives
 * others than the query layer: a field given as null means the schema's default.
 */
export const API_DEFAULTS = {
  /** whoCanAssume, reachableFrom. */
  reachMaxHops: 1,
  /** paths, escalationPaths. */
  pathsMaxHops: 4,
  /** whoCan's viaRoles. */
  whoCanMaxHops: 3,
  /** whoCan's page of principals. */
  whoCanFirst: 50,
} as const;
