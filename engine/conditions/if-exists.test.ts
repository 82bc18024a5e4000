import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operatorNames } from './operator.ts';
import { check } from './test-support.ts';

const KEY = 'aws:RequestTag/env';
const SAMPLE: Record<string, string> = {
  String: 'x',
  Numeric: '1',
  Date: '2030-01-01T00:00:00Z',
  Bool: 'true',
  Binary: btoa('x'),
  Ip: '10.0.0.0/8',
  NotIp: '10.0.0.0/8',
  Arn: 'arn:aws:s3:::x',
};

function sampleValue(operator: string): string {
  const family = Object.keys(SAMPLE).find((prefix) => operator.startsWith(prefix)) as string;
  return SAMPLE[family] as string;
}

const operators = operatorNames().filter((name) => name !== 'Null');

describe('missing keys and IfExists', () => {
  it('…IfExists holds for every operator when the key is missing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...operators),
        (op) =>
          check({ [`${op}IfExists`]: { [KEY]: sampleValue(op) } }, {}, { absentKeys: [KEY] }) === 'true',
      ),
    );
  });

  it('without IfExists a missing key makes positive operators false and negated ones true', () => {
    for (const op of operators) {
      const expected = /Not/.test(op) ? 'true' : 'false';
      expect([op, check({ [op]: { [KEY]: sampleValue(op) } }, {}, { absentKeys: [KEY] })]).toEqual([
        op,
        expected,
      ]);
    }
  });

  it('with the key present, IfExists changes nothing', () => {
    expect(check({ StringEqualsIfExists: { [KEY]: 'prod' } }, { [KEY]: 'dev' })).toBe('false');
    expect(check({ StringNotEqualsIfExists: { [KEY]: 'prod' } }, { [KEY]: 'dev' })).toBe('true');
  });

  it('a request-time key nobody supplied stays unknown, IfExists or not', () => {
    expect(check({ StringEqualsIfExists: { [KEY]: 'prod' } })).toBe('unknown');
  });
});
