/**
 * Bytes to text. The AWS CLI writes UTF-8; Windows PowerShell 5 redirects it
 * as UTF-16 with a byte order mark, and some editors add a UTF-8 BOM: all of
 * these are the same export. Bytes that are not valid UTF-8 are refused
 * rather than silently replaced, which would change names and ARNs.
 */

export type DecodeResult =
  { ok: true; text: string } | { ok: false; byteOffset: number; byte: number; line: number; column: number };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Uint8Array): DecodeResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { ok: true, text: utf16le(buffer.subarray(2)) };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { ok: true, text: utf16be(buffer.subarray(2)) };
  // UTF-16 without a byte order mark: JSON starts with an ASCII character, so one of its first two bytes is 0.
  if (buffer.length >= 2 && buffer[0] !== 0 && buffer[1] === 0) return { ok: true, text: utf16le(buffer) };
  if (buffer.length >= 2 && buffer[0] === 0 && buffer[1] !== 0) return { ok: true, text: utf16be(buffer) };
  let text: string;
  try {
    text = strictUtf8.decode(buffer);
  } catch {
    return invalidUtf8(buffer);
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function utf16le(buffer: Buffer): string {
  return buffer.toString('utf16le');
}

function utf16be(buffer: Buffer): string {
  const swapped = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** Where the first invalid sequence starts (RFC 3629 §4 byte ranges), with its line and byte column. */
function invalidUtf8(bytes: Uint8Array): DecodeResult & { ok: false } {
  const at = firstInvalidUtf8(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { ok: false, byteOffset: at, byte: bytes[at] ?? 0, line, column: at - lineStart + 1 };
}

export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const trailing = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (trailing === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= trailing; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += trailing + 1;
  }
  return -1;
}
