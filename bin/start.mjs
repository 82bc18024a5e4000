// How `iamatlas` starts: compiled JavaScript when it is fresh, a build when it is not,
// the TypeScript sources through tsx when no build can be written.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMPORT, SCRIPT_END, SCRIPT_START, runScript } from './code-cache.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(root, 'dist', 'cli');
// The whole command line in one script (CommonJS, so V8's code cache can be given to it), with
// its lazily imported modules inside, run only when a command imports them.
const ENTRY = 'main.cjs';
// The code caches of the build, one per command (what `ingest` compiles is not what `--help` does).
const CACHE = 'cache';
// Names the build in use: each build has its own folder, so a running command that
// imports a chunk later never finds it replaced by a newer build.
const CURRENT = 'current.json';
// esbuild's list of the source files a build read, relative to the root.
const INPUTS = 'inputs.json';
const KEEP_OLD_BUILDS_MS = 24 * 3600 * 1000;
// Packages bundled into the build with what they import: the ones a command's start
// needs. Loading one file is faster than resolving and loading each of a package's own
// modules (the Neo4j driver alone is about 400 files). The others (the AWS SDK, the web
// server, Vite) stay in node_modules and load only in the commands that use them.
export const BUNDLED_PACKAGES = ['cli-progress', 'commander', 'neo4j-driver', 'yaml', 'zod'];
// The script's `import.meta.url` (the project's code finds its root from it): the build's own file.
const IMPORT_META_URL = '__iamatlasImportMetaUrl';
const SCRIPT_BANNER = `${SCRIPT_START}\nconst ${IMPORT_META_URL} = require('node:url').pathToFileURL(__filename).href;`;

/** The package a bare import names: `zod/v4` -> `zod`, `@aws-sdk/client-s3/x` -> `@aws-sdk/client-s3`. */
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

// Packages a bundled package imports but uses only in code the command line never runs: the
// Neo4j driver's reactive sessions (driver.rxSession) are built on RxJS, about 400 kB of
// code to compile at every start. Such an import becomes an object that loads the package
// from node_modules the first time one of its exports is read, so those sessions still work.
export const LOADED_ON_USE = { 'neo4j-driver': ['rxjs', 'rxjs/operators'] };
const LAZY = 'loaded-on-use';

// The Neo4j driver cuts what it sends into Bolt chunks in a buffer of 1,400 bytes and writes
// each full buffer to the socket on its own: a load's 6 MB of parameters (the 250 users + 250
// roles account) went out in about 4,500 socket writes, a tenth of the command's CPU. A Bolt
// chunk may hold up to 65,535 bytes (https://neo4j.com/docs/bolt/current/bolt/message/#chunking),
// so the build gives the buffer 64 KiB (two bytes of it are the chunk's header): the same bytes
// in about a hundred writes. A driver whose file no longer reads as expected is bundled as it is.
export const DRIVER_CHUNK = {
  file: /[\\/]neo4j-driver-bolt-connection[\\/]lib[\\/]channel[\\/]chunking\.js$/,
  from: 'var _DEFAULT_BUFFER_SIZE = 1400;',
  to: 'var _DEFAULT_BUFFER_SIZE = 65537;',
};

// A message the server sends in more than one Bolt chunk (the escalation listing's one row of
// about 600 kB comes in dozens) is read by the driver through a list of the chunks: every byte
// read walks the list from its start to find its chunk, and every string is decoded piece by
// piece through a new StringDecoder. The build joins the chunks into one buffer when the message
// is complete (one copy), and the message is read as a one-chunk message is. Same file as above.
export const DRIVER_MESSAGE = {
  file: DRIVER_CHUNK.file,
  from: 'message = new combined_buf_1.default(this._currentMessage);',
  to: 'message = new channel_buf_1.default(Buffer.concat(this._currentMessage.map((c) => c._buffer)));',
};

// The driver packs a string by encoding it into a new Buffer (Buffer.from), then copying that
// buffer into the chunk through four layers of calls, and writes the one to five bytes of its
// header one call chain each: a load's parameters are mostly strings (the 250 users + 250 roles
// account sends about 6 MB of them), and this was about half of the packing's CPU. The build
// writes a string of up to 16,384 characters (at most 49,152 bytes in UTF-8) straight into the
// chunk's buffer instead: its header as PackStream gives it
// (https://neo4j.com/docs/bolt/current/packstream/#data-type-string: 0x80 + size below 16 bytes,
// 0xD0 and one byte of size below 256, 0xD1 and two bytes below 65,536), then its UTF-8 with
// Buffer.write, after the chunker has made room for both (a new chunk when the open one is too
// full, as for any other value). The bytes are the same; longer strings, and a chunker whose
// buffer could not hold one (one without DRIVER_CHUNK), go the driver's own way.
export const DRIVER_STRING = {
  file: /[\\/]neo4j-driver-bolt-connection[\\/]lib[\\/]packstream[\\/]packstream-v1\.js$/,
  from: 'Packer.prototype.packString = function (x) {\n',
  to:
    'Packer.prototype.packString = function (x) {\n' +
    'var ch = this._ch, size;\n' +
    "if (x.length <= 16384 && typeof ch._ensure === 'function' && (size = Buffer.byteLength(x, 'utf8')) + 7 <= ch._bufferSize) {\n" +
    'ch._ensure(size + 3);\n' +
    'var out = ch._buffer, b = out._buffer, p = out.position;\n' +
    'if (size < 0x10) b[p++] = TINY_STRING | size;\n' +
    'else if (size < 0x100) { b[p++] = STRING_8; b[p++] = size; }\n' +
    'else { b[p++] = STRING_16; b[p++] = size >> 8; b[p++] = size & 0xff; }\n' +
    "out.position = p + b.write(x, p, size, 'utf8');\n" +
    'return;\n' +
    '}\n',
};
// An integer parameter (neo4j.int) is packed after up to eight comparisons, each of which makes
// an Integer of its bound (Integer.fromValue, and a negation for the negative ones). One whose
// value fits in 32 bits (its high word only the sign of its low one) is packed by comparing its
// low word as a number instead: the same bounds, the same bytes; larger ones go the driver's way.
export const DRIVER_INTEGER = {
  file: DRIVER_STRING.file,
  from: 'Packer.prototype.packInteger = function (x) {\n',
  to:
    'Packer.prototype.packInteger = function (x) {\n' +
    'var small = x.low;\n' +
    'if (x.high === (small < 0 ? -1 : 0)) {\n' +
    'if (small >= -0x10 && small < 0x80) this._ch.writeInt8(small);\n' +
    'else if (small >= -0x80 && small < -0x10) { this._ch.writeUInt8(INT_8); this._ch.writeInt8(small); }\n' +
    'else if (small >= -0x8000 && small < 0x8000) { this._ch.writeUInt8(INT_16); this._ch.writeInt16(small); }\n' +
    'else { this._ch.writeUInt8(INT_32); this._ch.writeInt32(small); }\n' +
    'return;\n' +
    '}\n',
};
// Reading an answer, the driver takes every marker and size byte through Buffer.readUInt8, whose
// checks of its argument cost more than the read (the escalation listing reads about 600 kB so).
// The build reads the byte by index, and only a position outside the buffer (no byte there)
// goes to readUInt8, which throws as before.
export const DRIVER_BYTE = {
  file: /[\\/]neo4j-driver-bolt-connection[\\/]lib[\\/]channel[\\/]channel-buf\.js$/,
  from: 'ChannelBuffer.prototype.getUInt8 = function (position) {\n',
  to:
    'ChannelBuffer.prototype.getUInt8 = function (position) {\n' +
    'var byte = this._buffer[position];\n' +
    'if (byte !== undefined) return byte;\n',
};
// Every change the build makes to the driver's files, each made only where its text is found.
const DRIVER_PATCHES = [DRIVER_CHUNK, DRIVER_MESSAGE, DRIVER_STRING, DRIVER_INTEGER, DRIVER_BYTE];

/**
 * esbuild plugin: a package imported by the project's own code stays external unless
 * it is one of BUNDLED_PACKAGES; what a bundled package imports is bundled with it, but
 * for LOADED_ON_USE.
 */
const bundleOnly = {
  name: 'bundle-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      // The package a loaded-on-use stand-in requires: from node_modules, when it is used.
      if (a.namespace === LAZY) return { path: a.path, external: true };
      if (a.path.startsWith('node:')) return undefined;
      const parts = a.importer.split(/[\\/]node_modules[\\/]/);
      if (parts.length > 1) {
        const importer = packageOf(parts.at(-1).replaceAll('\\', '/'));
        return LOADED_ON_USE[importer]?.includes(a.path) ? { path: a.path, namespace: LAZY } : undefined;
      }
      return BUNDLED_PACKAGES.includes(packageOf(a.path)) ? undefined : { path: a.path, external: true };
    });
    b.onLoad({ filter: new RegExp(DRIVER_PATCHES.map((p) => p.file.source).join('|')) }, (a) => ({
      contents: DRIVER_PATCHES.filter((p) => p.file.test(a.path)).reduce(
        (text, p) => text.replace(p.from, p.to),
        fs.readFileSync(a.path, 'utf8'),
      ),
      loader: 'js',
    }));
    b.onLoad({ filter: /.*/, namespace: LAZY }, (a) => ({
      contents: `let m;\nmodule.exports = new Proxy({}, { get: (_, k) => (m ??= require(${JSON.stringify(a.path)}))[k] });\n`,
      loader: 'js',
    }));
  },
};

/** The folder of the build in use, or undefined when there is none. */
export function currentBuild(dist = DIST) {
  try {
    const { build } = JSON.parse(fs.readFileSync(path.join(dist, CURRENT), 'utf8'));
    if (typeof build === 'string' && /^[\w.-]+$/.test(build)) return path.join(dist, build);
  } catch {
    // no build yet
  }
  return undefined;
}

/** True when the build in use exists and no file it was built from changed since. */
export function buildIsFresh(dist = DIST) {
  const dir = currentBuild(dist);
  if (!dir) return false;
  let built;
  let inputs;
  try {
    built = fs.statSync(path.join(dir, ENTRY)).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(path.join(dir, INPUTS), 'utf8'));
  } catch {
    return false;
  }
  // An installation that ships only dist/ has no sources to compare with.
  if (!fs.existsSync(path.join(root, 'cli', 'main.ts'))) return true;
  // Inputs are relative paths with forward slashes (esbuild's metafile); joined by hand, as
  // path.join on every one of a few hundred files is a visible part of a start.
  const prefix = root + path.sep;
  for (const f of inputs) {
    const st = fs.statSync(prefix + f, { throwIfNoEntry: false });
    if (!st || st.mtimeMs > built) return false;
  }
  return true;
}

/** esbuild's options for a build of the command line into `outdir`. */
export function cliBuildOptions(outdir) {
  return {
    absWorkingDir: root,
    entryPoints: ['cli/main.ts'],
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    plugins: [bundleOnly],
    banner: { js: SCRIPT_BANNER },
    footer: { js: SCRIPT_END },
    define: { 'import.meta.url': IMPORT_META_URL },
    // Without comments the script is a third smaller to read and parse, and ASCII (esbuild
    // escapes other characters in strings and names; comments it keeps as they are).
    minifyWhitespace: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
  };
}

/**
 * Bundles cli/main.ts and what it imports into a new folder under dist/cli (one script,
 * main.cjs, the BUNDLED_PACKAGES in it and the other packages left to node_modules, its
 * source map beside it), then points current.json at it (written to a temporary name and
 * renamed, so a start never sees half a build). Builds older than a day are removed, with
 * their code caches.
 */
export async function buildCli(dist = DIST) {
  const { build } = await import('esbuild');
  const id = `build-${Date.now()}-${process.pid}`;
  const dir = path.join(dist, id);
  const res = await build(cliBuildOptions(dir));
  const entry = path.join(dir, ENTRY);
  fs.writeFileSync(
    entry,
    withPackageImports(fs.readFileSync(entry, 'utf8'), dynamicPackageImports(res.metafile)),
  );
  // The bundled packages' files are not listed one by one: the lock file stands for them. The
  // loaded-on-use stand-ins (`loaded-on-use:rxjs`) are no files.
  const inputs = Object.keys(res.metafile.inputs).filter(
    (f) => !/(^|\/)node_modules\//.test(f) && !f.startsWith(`${LAZY}:`),
  );
  if (fs.existsSync(path.join(root, 'package-lock.json'))) inputs.push('package-lock.json');
  // How the build is made (the bundled packages, the driver's buffer) is an input too.
  inputs.push('bin/start.mjs');
  fs.writeFileSync(path.join(dir, INPUTS), JSON.stringify(inputs));
  const tmp = path.join(dist, `${CURRENT}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify({ build: id }));
  fs.renameSync(tmp, path.join(dist, CURRENT));
  for (const e of fs.readdirSync(dist, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name === id) continue;
    const old = path.join(dist, e.name);
    if (Date.now() - fs.statSync(old).mtimeMs > KEEP_OLD_BUILDS_MS)
      fs.rmSync(old, { recursive: true, force: true });
  }
  return dir;
}

// The exit code of a command line refused before it ran (cli/output.ts, EXIT.usage).
const USAGE_ERROR = 2;

/**
 * The script's text with each `import("PACKAGE")` of a package left in node_modules (`packages`:
 * the external dynamic imports esbuild lists) calling IMPORT instead (see bin/code-cache.mjs).
 */
export function withPackageImports(text, packages) {
  let out = text;
  for (const spec of packages) {
    const call = `(${JSON.stringify(spec)})`;
    out = out.replaceAll(`import${call}`, () => `${IMPORT}${call}`);
  }
  return out;
}

/** The packages a build's outputs import with import() and leave in node_modules. */
export function dynamicPackageImports(metafile) {
  const specs = Object.values(metafile.outputs).flatMap((o) =>
    o.imports.filter((i) => i.kind === 'dynamic-import' && i.external).map((i) => i.path),
  );
  return [...new Set(specs)];
}

/** The name of a command's code cache: the command's first word, Node's version and the machine. */
export function cacheName(argv) {
  const word = argv[2] ?? '';
  const command = /^[a-z][a-z-]{0,31}$/.test(word) ? word : 'other';
  return `${command}-${process.version}-${process.arch}.v8`;
}

/** The compiled command line's `main`, and a function that writes its code cache. */
async function loadMain(argv) {
  let dir = buildIsFresh() ? currentBuild() : undefined;
  if (!dir) {
    try {
      dir = await buildCli();
    } catch (err) {
      if (process.env.IAMATLAS_DEBUG)
        console.error(`Could not build dist/cli (${err.message}); running the sources.`);
      const { register } = await import('tsx/esm/api');
      register();
      return { main: (await import('../cli/main.ts')).main, save: () => false };
    }
  }
  // Stack traces are printed only under IAMATLAS_DEBUG; reading the source maps costs every
  // start tens of milliseconds, so they are read only then.
  if (process.env.IAMATLAS_DEBUG) process.setSourceMapsEnabled(true);
  const { exports, save } = runScript(path.join(dir, ENTRY), path.join(dir, CACHE, cacheName(argv)));
  return { main: exports.main, save };
}

/**
 * A reader that stops early (`iamatlas query escalations --json | head`) closes the pipe: what is
 * left of the output has nowhere to go, and the command ends there with exit code 0, without a
 * stack trace (Node.js reports a failed write as an `error` event on the stream,
 * https://nodejs.org/api/stream.html#event-error). Other write errors are thrown as before.
 */
function endQuietlyOnClosedPipe() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
}

export async function runCli(argv) {
  endQuietlyOnClosedPipe();
  // Node 22.1 and later keep the compiled code of the modules a command loads from node_modules on
  // disk (https://nodejs.org/api/module.html#moduleenablecompilecachecachedir); older versions
  // compile them at every start. The command line itself is one script with a code cache of its
  // own (code-cache.mjs), on every version.
  module.enableCompileCache?.();
  const { main, save } = await loadMain(argv);
  const code = await main(argv);
  // Written once per build and command (again after the first run that succeeded, when the first
  // failed), not after a usage error (one compiles little of what the command would, and an
  // unknown command's word names no command); a build folder that cannot be written has no cache.
  if (code !== USAGE_ERROR) save(code === 0);
  return code;
}

/** Settles once `stream` holds nothing it has not handed to the system (or can no longer write). */
const written = (stream) =>
  new Promise((resolve) => {
    if (!stream.writableLength || stream.destroyed) return resolve();
    stream.once('drain', resolve);
    stream.once('error', resolve);
    stream.once('close', resolve);
  });

/**
 * Ends the process with `code` once what it printed is written. A command is done when `main`
 * returns (the database connection closed, the code cache saved), so nothing is left for the
 * process to do but tear down: left to end by itself, Node frees the whole JavaScript heap first,
 * page by page (tens of milliseconds after an `ingest` or a large listing, on a busy machine more);
 * `process.exit` leaves that to the operating system (https://nodejs.org/api/process.html#processexitcode).
 * Standard output and error may still hold text on systems where pipes are written asynchronously
 * (https://nodejs.org/api/process.html#a-note-on-process-io): it is waited for.
 */
export async function exitWhenWritten(code) {
  await Promise.all([written(process.stdout), written(process.stderr)]);
  process.exit(code);
}
