/**
 * A JSON request body read without body-parser when the request is the usual kind, with
 * body-parser's answer otherwise. The usual kind: `Content-Type: application/json` (no
 * parameters but `charset=utf-8`), no `Content-Encoding` or `Transfer-Encoding`, and a
 * `Content-Length` within the limit; its bytes are read, decoded as UTF-8 and parsed. When they
 * parse to a JSON object, that is what body-parser gives for the same bytes (its strict mode
 * takes objects and arrays, decodes UTF-8 the same way, and parses with `JSON.parse`). Anything
 * else (a byte order mark, an empty body, an array or another value, a syntax error, a body
 * shorter than its `Content-Length`, a connection lost midway) is handed to body-parser as a
 * replay of the bytes received, so the body or the error it makes is its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** What body-parser made of a body: the parsed body, or its error. */
export interface ParsedBody {
  body?: unknown;
  err?: unknown;
}

type Parser = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

const JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);

/** Is the body of this request read here (see the module's comment)? */
export function isUsualJsonBody(req: IncomingMessage, maxBytes: number): boolean {
  const h = req.headers;
  if (!JSON_TYPES.has(h['content-type']!) || h['content-encoding'] !== undefined) return false;
  if (h['transfer-encoding'] !== undefined || h['content-length'] === undefined) return false;
  const length = Number(h['content-length']);
  return Number.isInteger(length) && length >= 0 && length <= maxBytes;
}

/**
 * Reads the body of a request for which isUsualJsonBody holds: `done` gets the JSON object it
 * holds, or else what `parser` (body-parser's JSON parser, with the same limit) made of the bytes.
 */
export function readJsonObject(
  req: IncomingMessage,
  res: ServerResponse,
  parser: Parser,
  done: (got: { object: object } | { parsed: ParsedBody }) => void,
): void {
  const expected = Number(req.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  const onData = (c: Buffer) => {
    chunks.push(c);
    size += c.length;
  };
  const settle = (ended: boolean) => {
    if (settled) return;
    settled = true;
    req.off('data', onData);
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
    if (ended && size === expected && size > 0) {
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString('utf8'));
      } catch {
        value = undefined;
      }
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        return done({ object: value });
    }
    replay(req, res, bytes, ended, parser, done);
  };
  req.on('data', onData);
  req.once('end', () => settle(true));
  req.once('error', () => settle(false));
  req.once('close', () => settle(false));
}

/** Hands body-parser a stream with the request's headers and the bytes received (then their end, or the request's abort). */
function replay(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Buffer,
  ended: boolean,
  parser: Parser,
  done: (got: { parsed: ParsedBody }) => void,
): void {
  const stream = new Readable({ read() {} });
  const copy = Object.assign(stream, { headers: req.headers, body: undefined as unknown });
  if (bytes.length) stream.push(bytes);
  if (ended) stream.push(null);
  else process.nextTick(() => stream.emit('aborted'));
  parser(copy as unknown as IncomingMessage, res, (err) =>
    done({ parsed: err === undefined || err === null ? { body: copy.body } : { err } }),
  );
}
