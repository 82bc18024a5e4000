/**
 * How fast V8 lets the heap grow during a large ingest.
 *
 * The analysis makes garbage fast while holding a large live heap, and V8 lets the heap grow to
 * several times what is live before collecting it. Growing it by a fifth at a time instead keeps
 * the peak near the live heap: at tier L (100,000 roles) about 1.4 GiB instead of 1.6 to 1.9 GiB,
 * for about a third more CPU in the analysis (docs/benchmarks.md). Kept through the load, whose
 * written batches are garbage too, so its memory stays flat. A small account's heap stays small
 * anyway, so it keeps V8's default and its speed. The flag (`node --v8-options`) is read at each
 * collection.
 */
import v8 from 'node:v8';

/** How much the heap may grow between collections during a large ingest, in percent. */
export const INGEST_HEAP_GROWING_PERCENT = 20;
/** Users and roles from which an ingest tightens the heap's growth. */
export const TIGHT_HEAP_FROM_PRINCIPALS = 10_000;

/** V8 reads `--heap-growing-percent` and `--heap_growing_percent` alike. */
const FLAG = /^--heap[-_]growing[-_]percent(=|$)/;

/**
 * Whether whoever started Node chose the heap's growth (`node --heap-growing-percent=N`, or the
 * same in NODE_OPTIONS): then it is theirs, and the ingest neither changes nor resets it.
 */
export function heapGrowthChosenByUser(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? '',
): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => FLAG.test(arg));
}

/** Whether this process's ingest changed the growth, and so must put V8's default back. */
let tightened = false;

/**
 * Tightens the heap's growth for an ingest of `principals` users and roles, unless the input is
 * small or the user chose the growth.
 */
export function tightenHeapGrowth(principals: number, chosenByUser = heapGrowthChosenByUser()): boolean {
  if (principals < TIGHT_HEAP_FROM_PRINCIPALS || chosenByUser) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${INGEST_HEAP_GROWING_PERCENT}`);
  tightened = true;
  return true;
}

/** Puts V8's own growth back (0 is its "not set") if `tightenHeapGrowth` changed it. */
export function restoreHeapGrowth(): void {
  if (!tightened) return;
  v8.setFlagsFromString('--heap-growing-percent=0');
  tightened = false;
}
