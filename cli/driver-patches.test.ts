/**
 * The changes the build makes to the bundled Neo4j driver (bin/start.mjs) pack and read the same
 * PackStream values (https://neo4j.com/docs/bolt/current/packstream/): each patched file of the
 * driver is compiled here as the build changes it, beside the driver's own, and the messages both
 * pack (without their Bolt chunk headers, which may fall elsewhere) must be byte for byte the same
 * and read back as the values packed.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRIVER_BYTE, DRIVER_CHUNK, DRIVER_INTEGER, DRIVER_MESSAGE, DRIVER_STRING } from '../bin/start.mjs';

const require = createRequire(import.meta.url);
const PATCHES = [DRIVER_CHUNK, DRIVER_MESSAGE, DRIVER_STRING, DRIVER_INTEGER, DRIVER_BYTE];
const lib = path.join(path.dirname(require.resolve('neo4j-driver-bolt-connection')), '..', 'lib');
const file = (rel: string) => path.join(lib, ...rel.split('/'));

/** The driver's module at `rel`, compiled with the build's changes to it (its own imports unchanged). */
function patched(rel: string): Record<string, unknown> {
  const f = file(rel);
  const text = PATCHES.filter((p) => p.file.test(f)).reduce(
    (t, p) => {
      expect(t).toContain(p.from);
      return t.replace(p.from, p.to);
    },
    fs.readFileSync(f, 'utf8'),
  );
  const m = new Module(f) as Module & { _compile(text: string, file: string): void; paths: string[] };
  m.filename = f;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(f),
  );
  m._compile(text, f);
  return m.exports as Record<string, unknown>;
}

type Ctor = new (...args: unknown[]) => Record<string, (...args: unknown[]) => unknown>;
const own = require(file('packstream/packstream-v1.js')) as { Packer: Ctor; Unpacker: Ctor };
const mine = patched('packstream/packstream-v1.js') as { Packer: Ctor; Unpacker: Ctor };
const { Chunker } = require(file('channel/chunking.js')) as { Chunker: Ctor };
const OwnBuffer = (require(file('channel/channel-buf.js')) as { default: Ctor }).default;
const MyBuffer = (patched('channel/channel-buf.js') as { default: Ctor }).default;
const { int } = require('neo4j-driver') as { int: (v: number | string) => unknown };

/** The messages `values` pack into (one message each), chunk headers taken off. */
function pack(P: Ctor, values: unknown[], bufferSize: number): Buffer[] {
  const chunks: Buffer[] = [];
  const chunker = new Chunker(
    { write: (b: { _buffer: Buffer }) => chunks.push(Buffer.from(b._buffer)) },
    bufferSize,
  );
  const packer = new P(chunker);
  for (const v of values) {
    (packer.packable!(v) as () => void)();
    chunker.messageBoundary!();
  }
  chunker.flush!();
  const all = Buffer.concat(chunks);
  const messages: Buffer[] = [];
  let message: Buffer[] = [];
  for (let at = 0; at < all.length;) {
    const size = all.readUInt16BE(at);
    at += 2;
    if (size === 0) {
      messages.push(Buffer.concat(message));
      message = [];
    } else {
      message.push(all.subarray(at, at + size));
      at += size;
    }
  }
  return messages;
}

const strings = [
  '',
  'a',
  'x'.repeat(15),
  'x'.repeat(16),
  'x'.repeat(255),
  'x'.repeat(256),
  'é'.repeat(127),
  'é'.repeat(128),
  'arn:aws:iam::123456789012:role/team-3/deploy',
  '{"statement":"Allow iam:PassRole on *","policy":"arn:aws:iam::aws:policy/AdministratorAccess"}',
  '\u00e9\u4e2d\ud83d\ude00 mixed',
  'lone \ud800 surrogate',
  'y'.repeat(20_000),
  '\u4e2d'.repeat(16_384),
  '\u4e2d'.repeat(16_385),
  'z'.repeat(70_000),
];
const integers = [
  0, 1, -1, -16, -17, 127, 128, -128, -129, 32767, 32768, -32768, -32769, 2147483647, -2147483648,
].map((n) => int(n));
const wide = [
  '2147483648',
  '-2147483649',
  '4294967295',
  '4294967296',
  '9223372036854775807',
  '-9223372036854775808',
].map((n) => int(n));

describe("the build's changes to the Neo4j driver", () => {
  it('pack strings, integers, lists and maps into the same bytes, with the 64 KiB buffer and with the driver’s own', () => {
    const values = [
      ...strings,
      ...integers,
      ...wide,
      [strings, integers, null, true, 1.5],
      { key: 'k', props: { name: 'n', list: ['a', 'b'], n: int(7) }, rows: strings.slice(0, 8) },
    ];
    for (const size of [65_537, 1400]) {
      const hex = (messages: Buffer[]) => messages.map((m) => m.toString('hex'));
      const mineOut = hex(pack(mine.Packer, values, size));
      expect(mineOut).toHaveLength(values.length);
      expect(mineOut.join('\n') === hex(pack(own.Packer, values, size)).join('\n')).toBe(true);
    }
  });

  it('reads back what was packed, byte by byte as the driver reads it', () => {
    // A lone surrogate goes out as U+FFFD (UTF-8 has no code for it), both ways: left out here.
    const whole = strings.filter((t) => t === Buffer.from(t).toString());
    const values = [...whole, ...integers, ...wide, { list: whole, n: int(-5) }];
    for (const [i, message] of pack(mine.Packer, values, 65_537).entries()) {
      const unpacker = new own.Unpacker(false, false);
      const read = (B: Ctor) => unpacker.unpack!(new B(message));
      expect(read(MyBuffer)).toEqual(values[i]);
      expect(read(MyBuffer)).toEqual(read(OwnBuffer));
    }
  });

  it('still throws for a byte read past the end of a buffer', () => {
    const buf = new MyBuffer(Buffer.from([1, 2]));
    expect(buf.getUInt8!(1)).toBe(2);
    expect(() => buf.getUInt8!(2)).toThrow(RangeError);
    expect(() => new OwnBuffer(Buffer.from([1, 2])).getUInt8!(2)).toThrow(RangeError);
  });
});
