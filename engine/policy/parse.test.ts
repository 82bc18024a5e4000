import { describe, expect, it } from 'vitest';
import { parsePolicy, parsePolicyOrThrow, PolicyParseError } from './parse.ts';

const doc = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    {
      Effect: 'Deny',
      NotAction: ['iam:*'],
      NotResource: '*',
      Condition: { Bool: { 'aws:SecureTransport': false } },
    },
  ],
};

describe('parsePolicy', () => {
  it('reads objects, JSON strings and URL-encoded JSON alike', () => {
    const forms = [doc, JSON.stringify(doc), encodeURIComponent(JSON.stringify(doc))];
    for (const form of forms) {
      const p = parsePolicy(form, 'p');
      expect(p.problems).toEqual([]);
      expect(p.version).toBe('2012-10-17');
      expect(p.variablesEnabled).toBe(true);
      expect(
        p.statements.map((s) => [s.index, s.sid, s.effect, s.action?.negated, s.resource?.negated]),
      ).toEqual([
        [0, 'A', 'Allow', false, false],
        [1, undefined, 'Deny', true, true],
      ]);
      expect(p.statements[1]?.conditions[0]).toMatchObject({
        operator: 'Bool',
        key: 'aws:SecureTransport',
        values: ['false'],
      });
    }
  });

  it('accepts a single Statement object', () => {
    const p = parsePolicy({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    });
    expect(p.statements).toHaveLength(1);
    expect(p.statements[0]?.index).toBe(0);
  });

  it('turns off policy variables for 2008-10-17 and missing versions', () => {
    expect(parsePolicy({ Version: '2008-10-17', Statement: [] }).variablesEnabled).toBe(false);
    const none = parsePolicy({ Statement: [] });
    expect(none.variablesEnabled).toBe(false);
    expect(none.problems[0]).toMatchObject({ path: 'Version', severity: 'warning' });
  });

  it('reports every problem with its JSON path instead of stopping at the first', () => {
    const p = parsePolicy({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', NotAction: 's3:PutObject', Resource: '*' },
        { Action: 's3:GetObject', Resource: '*' },
        { Effect: 'allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Resource: '*' },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEqualz: { 'aws:username': 'x' } } },
        { Effect: 'Deny', Action: '*', Resource: 7 },
        { Effect: 'Allow', Action: '*', Resource: '*', Extra: 1 },
      ],
    });
    expect(p.problems.map((x) => x.path)).toEqual([
      'Statement[0].NotAction',
      'Statement[1].Effect',
      'Statement[2].Effect',
      'Statement[3]',
      'Statement[4].Condition.StringEqualz',
      'Statement[5].Resource',
      'Statement[6].Extra',
    ]);
    // Statements without a valid Effect are dropped; the rest are kept with what could be read.
    expect(p.statements.map((s) => s.index)).toEqual([0, 3, 4, 5, 6]);
  });

  it('reports documents that are not JSON objects', () => {
    expect(parsePolicy('{nope').problems[0]?.message).toMatch(/not valid JSON/);
    expect(parsePolicy('[1]').problems[0]?.message).toMatch(/JSON object/);
    expect(parsePolicy('%E0%A4%A').problems[0]?.message).toMatch(/neither JSON nor URL-encoded/);
  });

  it('caches by document identity, per id', () => {
    expect(parsePolicy(doc, 'x')).toBe(parsePolicy(doc, 'x'));
    const other = parsePolicy(doc, 'y');
    expect(other.id).toBe('y');
    expect(other.statements).toBe(parsePolicy(doc, 'x').statements);
    const text = JSON.stringify(doc);
    expect(parsePolicy(text, 'x')).toBe(parsePolicy(text, 'x'));
  });

  it('parsePolicyOrThrow lists every error and ignores warnings', () => {
    expect(() =>
      parsePolicyOrThrow({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    ).not.toThrow();
    try {
      parsePolicyOrThrow({ Version: '2012-10-17', Statement: [{ Action: 'x' }, { Effect: 'Deny' }] }, 'bad');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyParseError);
      expect((error as PolicyParseError).problems.length).toBeGreaterThanOrEqual(3);
      expect((error as Error).message).toMatch(/^policy bad is malformed: /);
    }
  });
});
