/**
 * The loader's errors, in a module of their own (no driver) so the command line
 * can tell them apart without loading the loader.
 */

/** No snapshot has the id or name asked for (or none is complete yet). */
export class SnapshotNotFound extends Error {}

/** An ingest stopped on request (Ctrl-C); what it wrote has been removed. */
export class LoadAborted extends Error {}
