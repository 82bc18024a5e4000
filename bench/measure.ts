/** Small measuring helpers shared by the benchmarks. */
export interface Measured<T> {
  result: T;
  seconds: number;
  peakRssMb: number;
  heapUsedMb: number;
}

/** Runs fn, sampling RSS every 50 ms, so the peak includes transient allocations. */
export async function measure<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = process.hrtime.bigint();
  try {
    const result = await fn();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      result,
      seconds,
      peakRssMb: peak / 2 ** 20,
      heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

export function table(rows: Record<string, string | number>[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padStart(width[i]!)).join('  ');
  return [
    line(cols),
    line(width.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(cols.map((c) => String(r[c])))),
  ].join('\n');
}
