/**
 * Roughly how much memory a plain value (what the caches keep) takes: strings
 * at two bytes a character, numbers and booleans at eight, and a small
 * overhead per object, array and member. An estimate for bounding caches by
 * bytes, not a measurement; shared sub-values are counted each time they occur.
 */
const OBJECT_OVERHEAD = 32;
const MEMBER_OVERHEAD = 16;

export function approxBytes(value: unknown): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') total += 16 + 2 * v.length;
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') total += 8;
    else if (v && typeof v === 'object') {
      total += OBJECT_OVERHEAD;
      if (Array.isArray(v)) {
        total += 8 * v.length;
        for (const x of v) stack.push(x);
      } else {
        // Own enumerable string keys, as Object.entries lists them, without making its pairs.
        for (const k in v) {
          if (!Object.hasOwn(v, k)) continue;
          total += MEMBER_OVERHEAD + 2 * k.length;
          stack.push((v as Record<string, unknown>)[k]);
        }
      }
    }
  }
  return total;
}
