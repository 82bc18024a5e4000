import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstDuplicateKey,
  findSyntaxErrorOffset,
  lineColumn,
  parseJson,
  parsePolicyDocument,
} from './json.ts';

describe('parseJson', () => {
  it('gives the line and column where a cut-short file ends', () => {
    const text = '{\n  "RoleDetailList": [\n    {"RoleName": "a"';
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect({ line: result.line, column: result.column }).toEqual({ line: 3, column: 21 });
  });

  it('locates an unexpected token even when V8 does not say the position', () => {
    const result = parseJson('{\n"a": 1,\n"b": x}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect({ line: result.line, column: result.column }).toEqual({ line: 3, column: 6 });
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findSyntaxErrorOffset(text)).toBe(-1);
      }),
    );
  });

  it('finds an error inside every proper prefix of a JSON object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value);
        const prefix = text.slice(0, cut % text.length);
        const offset = findSyntaxErrorOffset(prefix);
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(prefix.length);
      }),
    );
  });

  it('counts lines from 1 and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('parsePolicyDocument', () => {
  const document = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a b/c+d%' }],
  };

  it('accepts an object, a JSON string and a URL-encoded JSON string alike', () => {
    for (const input of [document, JSON.stringify(document), encodeURIComponent(JSON.stringify(document))]) {
      expect(parsePolicyDocument(input)).toEqual({ ok: true, document });
    }
  });

  it('accepts documents where only some characters are URL-encoded', () => {
    expect(parsePolicyDocument('{%22Version%22:%222012-10-17%22}')).toEqual({
      ok: true,
      document: { Version: '2012-10-17' },
    });
  });

  it('keeps a literal + as a plus: AWS encodes spaces as %20, not +', () => {
    const encoded = encodeURIComponent(JSON.stringify(document)).replace(/%2B/g, '+');
    const result = parsePolicyDocument(encoded);
    expect(result.ok && JSON.stringify(result.document)).toContain('a b/c+d%');
  });

  it('refuses text that is not JSON, raw or after URL-decoding', () => {
    expect(parsePolicyDocument('{"Version": "2012-10-17", "Statement": [')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not valid JSON'),
    });
    expect(parsePolicyDocument(encodeURIComponent('{"Version": "2012-10-17"'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('after URL-decoding, is not valid JSON'),
    });
    expect(parsePolicyDocument('%E0%A4%A')).toMatchObject({
      ok: false,
      message: expect.stringContaining('URL-encoded'),
    });
    expect(parsePolicyDocument('[1]')).toMatchObject({ ok: false });
    expect(parsePolicyDocument(42)).toMatchObject({
      ok: false,
      message: expect.stringContaining('a number'),
    });
    expect(parsePolicyDocument(undefined)).toMatchObject({
      ok: false,
      message: expect.stringContaining('missing'),
    });
  });
});

describe('firstDuplicateKey', () => {
  it('finds a key repeated in one object, with its offset, escapes decoded', () => {
    const text = '{"a": {"Effect": "Deny", "x": [1, {"Effect": 2}], "Effect": "Allow"}}';
    expect(firstDuplicateKey(text)).toEqual({ key: 'Effect', offset: text.lastIndexOf('"Effect"') });
    expect(firstDuplicateKey('{"\\u0041": 1, "A": 2}')).toEqual({ key: 'A', offset: 14 });
  });

  it('finds none in JSON without repeated keys, whatever strings hold', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(firstDuplicateKey(text)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    expect(firstDuplicateKey('[{"a": 1}, {"a": 1}, "a", "a"]')).toBeUndefined();
    expect(firstDuplicateKey('{"a": "{\\"a\\": 1, ", "b": "a"}')).toBeUndefined();
  });
});
