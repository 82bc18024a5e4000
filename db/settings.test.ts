import { describe, expect, it } from 'vitest';
import { defaultNeo4jMemory, readSettings } from './settings.ts';

const GIB = 2 ** 30;

describe('the local Neo4j memory', () => {
  it('is sized from the machine when the environment does not set it', () => {
    expect(defaultNeo4jMemory(4 * GIB)).toEqual({ heap: '1g', pageCacheMb: 512 });
    expect(defaultNeo4jMemory(8 * GIB)).toEqual({ heap: '1g', pageCacheMb: 1280 });
    expect(defaultNeo4jMemory(24 * GIB)).toEqual({ heap: '3g', pageCacheMb: 4096 });
    expect(defaultNeo4jMemory(20 * GIB)).toEqual({ heap: '2560m', pageCacheMb: 3328 });
    expect(defaultNeo4jMemory(256 * GIB)).toEqual({ heap: '4g', pageCacheMb: 8192 });
  });

  it('is what IAMATLAS_NEO4J_HEAP and IAMATLAS_NEO4J_PAGECACHE_MB say when set', () => {
    const s = readSettings({ IAMATLAS_NEO4J_HEAP: '768m', IAMATLAS_NEO4J_PAGECACHE_MB: '128' });
    expect(s.IAMATLAS_NEO4J_HEAP).toBe('768m');
    expect(s.IAMATLAS_NEO4J_PAGECACHE_MB).toBe(128);
    const d = readSettings({});
    expect(d.IAMATLAS_NEO4J_HEAP).toBe(defaultNeo4jMemory().heap);
    expect(d.IAMATLAS_NEO4J_PAGECACHE_MB).toBe(defaultNeo4jMemory().pageCacheMb);
  });

  it('refuses a heap that is not a JVM size, naming the variable', () => {
    expect(() => readSettings({ IAMATLAS_NEO4J_HEAP: 'lots' })).toThrow(/IAMATLAS_NEO4J_HEAP/);
  });
});
