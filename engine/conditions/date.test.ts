import { describe, expect, it } from 'vitest';
import { check, problemsOf } from './test-support.ts';

const KEY = 'aws:CurrentTime';

describe('date operators', () => {
  it('compares ISO 8601 dates', () => {
    expect(
      check({ DateLessThan: { [KEY]: '2030-01-01T00:00:00Z' } }, { [KEY]: '2029-12-31T23:59:59Z' }),
    ).toBe('true');
    expect(
      check({ DateGreaterThan: { [KEY]: '2030-01-01T00:00:00Z' } }, { [KEY]: '2029-12-31T23:59:59Z' }),
    ).toBe('false');
    expect(
      check({ DateEquals: { [KEY]: '2030-01-01T00:00:00Z' } }, { [KEY]: '2030-01-01T01:00:00+01:00' }),
    ).toBe('true');
    expect(check({ DateNotEquals: { [KEY]: '2030-01-01' } }, { [KEY]: '2030-01-02' })).toBe('true');
  });

  it('reads all-digit values as epoch seconds', () => {
    expect(
      check(
        { DateGreaterThanEquals: { 'aws:EpochTime': '1700000000' } },
        { 'aws:EpochTime': '2023-11-14T22:13:20Z' },
      ),
    ).toBe('true');
    expect(check({ DateLessThanEquals: { [KEY]: 1700000000 } }, { [KEY]: 1699999999 })).toBe('true');
  });

  it('rejects values that are not dates', () => {
    expect(problemsOf({ DateLessThan: { [KEY]: 'tomorrow' } })[0]?.message).toMatch(/not an ISO 8601 date/);
  });
});
