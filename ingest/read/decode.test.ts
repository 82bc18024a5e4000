import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from './decode.ts';

const text = (bytes: Uint8Array): string | undefined => {
  const r = decodeText(bytes);
  return r.ok ? r.text : undefined;
};

describe('decodeText', () => {
  it('reads UTF-16 output of Windows PowerShell and strips byte order marks', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]);
    expect(text(utf16)).toBe('{"a":1}');
    const be = Buffer.from('{"a":1}', 'utf16le').swap16();
    expect(text(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('{"a":1}');
    expect(text(Buffer.from('\ufeff{"a":1}', 'utf8'))).toBe('{"a":1}');
  });

  it('reads UTF-16 without a byte order mark', () => {
    expect(text(Buffer.from('{"a":"é"}', 'utf16le'))).toBe('{"a":"é"}');
    expect(text(Buffer.from('{"a":"é"}', 'utf16le').swap16())).toBe('{"a":"é"}');
  });

  it('refuses bytes that are not UTF-8, with the offset, line and column of the first one', () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "a": "x'), Buffer.from([0x80]), Buffer.from('"}')]);
    expect(decodeText(bytes)).toEqual({ ok: false, byteOffset: 11, byte: 0x80, line: 2, column: 10 });
    for (const bad of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]]) {
      const r = decodeText(Buffer.concat([Buffer.from('{"a":"'), Buffer.from(bad), Buffer.from('"}')]));
      expect(r).toMatchObject({ ok: false, byteOffset: 6 });
    }
  });

  it('agrees with the platform decoder on what is valid UTF-8', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(firstInvalidUtf8(Buffer.from(s, 'utf8'))).toBe(-1);
      }),
    );
  });
});
