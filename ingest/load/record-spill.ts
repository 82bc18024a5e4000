/**
 * Records kept on disk from when they are made until the load takes them: one JSON text per
 * line in a file of a temporary directory, written in blocks, read back in chunks of a given
 * number of records. What a large ingest makes in the millions (CAN_ACCESS rows) is so never
 * all in memory. `MemorySpill` keeps them in a list instead, for small inputs and tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export interface RecordSpill<T> {
  /** Adds records after those already added. */
  append(records: readonly T[]): void;
  /** Every record, in order, in chunks of at most `size`; once only. */
  chunks(size: number): AsyncIterable<T[]>;
  /** Lets go of the records (removes the file). */
  dispose(): void;
}

/** Bytes gathered before a write. */
const BLOCK = 1 << 20;
/** The most UTF-8 bytes one UTF-16 code unit takes. */
const MAX_UTF8_PER_UNIT = 3;
const NEWLINE = 0x0a;

export class FileSpill<T> implements RecordSpill<T> {
  private readonly dir: string;
  private readonly file: string;
  private fd: number | undefined;
  /**
   * Lines gathered as UTF-8 bytes until a write: each record's JSON text is garbage as soon as
   * it is copied here, so the texts of a block are not kept on the heap until it is written.
   */
  private readonly block = Buffer.allocUnsafe(BLOCK);
  private used = 0;

  constructor(prefix = 'iamatlas-rows-') {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.file = path.join(this.dir, 'rows.jsonl');
    this.fd = fs.openSync(this.file, 'w');
  }

  append(records: readonly T[]): void {
    const fd = this.fd;
    if (fd === undefined) throw new Error('records cannot be added once read');
    for (const r of records) {
      const line = JSON.stringify(r);
      const most = line.length * MAX_UTF8_PER_UNIT + 1;
      if (this.used + most > BLOCK) this.flush();
      if (most > BLOCK) {
        fs.writeSync(fd, line + '\n');
        continue;
      }
      this.used += this.block.write(line, this.used, 'utf8');
      this.block[this.used++] = NEWLINE;
    }
  }

  private flush(): void {
    if (this.fd === undefined || this.used === 0) return;
    let at = 0;
    while (at < this.used) at += fs.writeSync(this.fd, this.block, at, this.used - at);
    this.used = 0;
  }

  async *chunks(size: number): AsyncIterable<T[]> {
    this.flush();
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    const lines = readline.createInterface({ input: fs.createReadStream(this.file), crlfDelay: Infinity });
    let chunk: T[] = [];
    for await (const line of lines) {
      if (line === '') continue;
      chunk.push(JSON.parse(line) as T);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  dispose(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    this.used = 0;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export class MemorySpill<T> implements RecordSpill<T> {
  private records: T[] = [];

  append(records: readonly T[]): void {
    for (const r of records) this.records.push(r);
  }

  async *chunks(size: number): AsyncIterable<T[]> {
    const all = this.records;
    this.records = [];
    for (let at = 0; at < all.length; at += size) yield all.slice(at, at + size);
  }

  /** Every record at once, emptying the spill. */
  take(): T[] {
    const all = this.records;
    this.records = [];
    return all;
  }

  dispose(): void {
    this.records = [];
  }
}
