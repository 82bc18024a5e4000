/**
 * Relationship sets whose rows come in chunks as the load takes them (rows kept on disk until
 * then, ingest/load/record-spill.ts), written chunk after chunk with the other sets' batching:
 * only the chunk being written and the next one are in memory.
 */
import type { Row } from './unique-rows.ts';
import type { LoadSet, SetResult } from './batches.ts';

export interface StreamedRelSet {
  file: string;
  name: string;
  type: string;
  /** How many rows the chunks hold in all (for progress). */
  total: number;
  /** The rows, chunk after chunk of at most `size` rows; read once. */
  chunks: (size: number) => AsyncIterable<Row[]>;
}

/** Batches per chunk, per statement in flight: enough that the statements in flight rarely wait on the next chunk. */
export const STREAM_CHUNK_BATCHES = 4;

/**
 * Writes each set's chunks with `run` (runSets for one set), reading the next chunk while the
 * current one is written. Progress counts across the chunks of a set.
 */
export async function runStreamedSets(
  sets: readonly StreamedRelSet[],
  run: (set: LoadSet, onProgress: (done: number) => void) => Promise<SetResult[]>,
  onProgress: (count: string, done: number, total: number) => void,
  chunkSize: number,
): Promise<SetResult[]> {
  const results: SetResult[] = [];
  for (const set of sets) {
    const result: SetResult = { count: set.type, kind: 'relationships', written: 0, sent: 0 };
    onProgress(set.type, 0, set.total);
    let before = 0;
    const chunks = set.chunks(chunkSize)[Symbol.asyncIterator]();
    let next = chunks.next();
    for (;;) {
      const got = await next;
      if (got.done) break;
      const rows = got.value;
      next = chunks.next();
      const size = rows.length;
      const [r] = await run(
        { count: set.type, kind: 'relationships', file: set.file, name: set.name, rows },
        (done) => onProgress(set.type, before + done, set.total),
      );
      before += size;
      result.written += r?.written ?? 0;
      result.sent += r?.sent ?? 0;
    }
    results.push(result);
  }
  return results;
}
