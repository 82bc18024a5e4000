import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  heapGrowthChosenByUser,
  restoreHeapGrowth,
  tightenHeapGrowth,
  TIGHT_HEAP_FROM_PRINCIPALS,
} from './heap-growth.ts';

describe('heap growth during a large ingest', () => {
  afterEach(() => {
    restoreHeapGrowth();
    vi.restoreAllMocks();
  });

  it('reads a growth the user chose on the command line or in NODE_OPTIONS, in either spelling', () => {
    expect(heapGrowthChosenByUser(['--heap-growing-percent=50'], '')).toBe(true);
    expect(heapGrowthChosenByUser([], '--max-old-space-size=4096 --heap_growing_percent=35')).toBe(true);
    expect(heapGrowthChosenByUser(['--max-old-space-size=4096'], '--enable-source-maps')).toBe(false);
    expect(heapGrowthChosenByUser(['--heap-growing-percentage=5'], '')).toBe(false);
  });

  it('tightens from the threshold on and puts the default back once', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString');
    expect(tightenHeapGrowth(TIGHT_HEAP_FROM_PRINCIPALS - 1, false)).toBe(false);
    expect(set).not.toHaveBeenCalled();
    expect(tightenHeapGrowth(TIGHT_HEAP_FROM_PRINCIPALS, false)).toBe(true);
    expect(set).toHaveBeenLastCalledWith('--heap-growing-percent=20');
    restoreHeapGrowth();
    expect(set).toHaveBeenLastCalledWith('--heap-growing-percent=0');
    restoreHeapGrowth();
    expect(set).toHaveBeenCalledTimes(2);
  });

  it('leaves a growth the user chose alone, and does not reset it', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString');
    expect(tightenHeapGrowth(100_000, true)).toBe(false);
    restoreHeapGrowth();
    expect(set).not.toHaveBeenCalled();
  });
});
