// Runs the compiled command line as one script with V8's code cache, on every Node version.
//
// Node 22.1 and later keep compiled code on disk for the modules they load
// (https://nodejs.org/api/module.html#moduleenablecompilecachecachedir); Node 20 has no such
// cache for modules, but V8's code cache is offered there for scripts: `vm.Script` takes the
// `cachedData` an earlier `script.createCachedData()` made from the same source
// (https://nodejs.org/api/vm.html#scriptcreatecacheddata). Made after a command ran, the
// cache holds the functions that command compiled, so the next start of the same command
// deserializes them instead of parsing and compiling the bundle again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { Buffer, isAscii } from 'node:buffer';
import vm from 'node:vm';

// What the script calls for `import()` of a package left in node_modules. Node 20 loses a vm
// script's import() callback in functions compiled from a code cache ("A dynamic import callback
// was not specified"), and Node 22 and later warn that the main context's loader for vm scripts is
// experimental; a function of this module imports the package instead. As long as `import`, so
// that the build's source map still points at the right columns.
export const IMPORT = '$iaImp';

/** Opens and closes the build's script: the parameters CommonJS gives a module, and IMPORT. */
export const SCRIPT_START = `(function (exports, require, module, __filename, __dirname, ${IMPORT}) {"use strict";`;
export const SCRIPT_END = '})';

// A cache file: the digest (32 bytes), whether the run that made it succeeded (1 byte), V8's data.
const DIGEST = 32;
const HEADER = DIGEST + 1;

/** SHA-256 over the script's source and the rest of the file: a cache of another source or a damaged one does not match. */
const digestOf = (source, rest) => crypto.createHash('sha256').update(source).update(rest).digest();

/**
 * The cache written for `source` (`data`, and `succeeded`: whether the run that made it did), or
 * undefined when there is none or it does not match.
 */
export function readCache(file, source) {
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (buf.length <= HEADER) return undefined;
  if (!digestOf(source, buf.subarray(DIGEST)).equals(buf.subarray(0, DIGEST))) return undefined;
  return { data: buf.subarray(HEADER), succeeded: buf[DIGEST] === 1 };
}

/** Writes the cache under a temporary name and renames it, so a reader never sees half of one. False when it cannot be written. */
export function writeCache(file, source, data, succeeded) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const rest = Buffer.concat([Buffer.from([succeeded ? 1 : 0]), data]);
    fs.writeFileSync(tmp, Buffer.concat([digestOf(source, rest), rest]));
    fs.renameSync(tmp, file);
    return true;
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the folder itself could not be made
    }
    return false;
  }
}

/**
 * Compiles and runs `file` (a CommonJS module wrapped in SCRIPT_START and SCRIPT_END) with the
 * code cache in `cacheFile` when it matches. Returns the module's exports, whether the cache
 * was used, and `save(succeeded)`, which writes the cache of what has been compiled so far when
 * the one read was missing or refused (V8 refuses a cache made by another version or with other
 * flags), or was made by a run that failed and this one succeeded (a failed run, such as an
 * `ingest` of an input that is not valid, compiles little of what the command does). It
 * returns false when nothing was written.
 */
export function runScript(file, cacheFile) {
  // Node maps stack traces through source maps (process.setSourceMapsEnabled) for the modules its
  // own loader compiles, not for vm scripts: with source maps on, the script is compiled as a
  // CommonJS module whose exports are the script's function, without the code cache.
  if (process.sourceMapsEnabled) return runAsModule(file);
  const bytes = fs.readFileSync(file);
  // The build is ASCII (esbuild escapes other characters and drops comments), and a one-byte
  // string is made from it without decoding; anything else is decoded as UTF-8.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cache = readCache(cacheFile, bytes);
  const script = new vm.Script(source, {
    filename: file,
    cachedData: cache?.data,
  });
  const used = cache !== undefined && !script.cachedDataRejected;
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(file),
    module,
    file,
    path.dirname(file),
    importPackage,
  );
  return {
    exports: module.exports,
    cacheUsed: used,
    save: (succeeded) =>
      (!used || (succeeded && !cache.succeeded)) &&
      writeCache(cacheFile, bytes, script.createCachedData(), succeeded),
  };
}

/** IMPORT: a package from node_modules (this folder and the build's share the project's). */
function importPackage(spec) {
  return import(spec);
}

function runAsModule(file) {
  const compiled = new Module(file);
  compiled.filename = file;
  compiled._compile(`module.exports = ${fs.readFileSync(file, 'utf8')}`, file);
  const module = { exports: {} };
  compiled.exports(module.exports, createRequire(file), module, file, path.dirname(file), importPackage);
  return { exports: module.exports, cacheUsed: false, save: () => false };
}
