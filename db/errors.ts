/**
 * The database layer's errors, in a module of their own (no driver, no schema
 * library) so the command line can tell them apart without loading either.
 */

/** The local Neo4j could not be started, stopped or found. */
export class LocalServerError extends Error {}

/** The environment's settings are not valid. */
export class SettingsError extends Error {}
