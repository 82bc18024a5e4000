/**
 * The local Neo4j's launcher (db/pom.xml and db/src): built with Maven the first time the local
 * server starts, and built again when its sources change (a Neo4j version or a server setting in
 * LocalNeo4j.java), so an existing install does not keep running the launcher of an older
 * IAM Atlas.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { LocalServerError } from './errors.ts';
import { localServerPaths, type LocalServerPaths } from './paths.ts';

export type Say = (line: string) => void;

export const INSTALL_HINT =
  'Install Java 17+ and Maven (Debian/Ubuntu: `apt-get install openjdk-17-jdk-headless maven`; ' +
  'macOS: `brew install openjdk@17 maven`), or point IAM Atlas at an existing Neo4j 5 server with ' +
  'NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.';

export function commandExists(cmd: string): boolean {
  const r = spawnSync(cmd, ['-version'], { stdio: 'ignore' });
  return !r.error;
}

/** Where a build records the digest of the sources it was made from. */
const STAMP = 'launcher-sources.sha256';

function targetDir(p: LocalServerPaths): string {
  return path.dirname(p.classesDir);
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** The launcher's sources: the POM and everything under db/src, in a fixed order. */
function launcherSources(p: LocalServerPaths): string[] {
  return [p.pom, ...filesUnder(path.join(path.dirname(p.pom), 'src'))];
}

/** SHA-256 over each source's path (relative to db/) and contents. */
export function launcherSourcesDigest(p: LocalServerPaths): string {
  const root = path.dirname(p.pom);
  const hash = createHash('sha256');
  for (const file of launcherSources(p)) {
    hash.update(path.relative(root, file).split(path.sep).join('/') + '\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function jarsPresent(p: LocalServerPaths): boolean {
  return (
    fs.existsSync(path.join(p.classesDir, 'dev', 'iamatlas', 'db', 'LocalNeo4j.class')) &&
    fs.existsSync(p.libDir) &&
    fs.readdirSync(p.libDir).some((f) => f.startsWith('neo4j-bolt-'))
  );
}

export type LauncherState = 'missing' | 'current' | 'stale';

/**
 * Whether the built launcher matches its sources. A build made by IAM Atlas records the sources'
 * digest; one made by running Maven directly has none, and counts as current when it is newer than
 * every source (its digest is then recorded).
 */
export function launcherState(p: LocalServerPaths = localServerPaths()): LauncherState {
  if (!jarsPresent(p)) return 'missing';
  const digest = launcherSourcesDigest(p);
  const stampFile = path.join(targetDir(p), STAMP);
  let recorded: string | undefined;
  try {
    recorded = fs.readFileSync(stampFile, 'utf8').trim();
  } catch {
    recorded = undefined;
  }
  if (recorded !== undefined) return recorded === digest ? 'current' : 'stale';
  const built = fs.statSync(path.join(p.classesDir, 'dev', 'iamatlas', 'db', 'LocalNeo4j.class')).mtimeMs;
  if (launcherSources(p).some((f) => fs.statSync(f).mtimeMs > built)) return 'stale';
  recordDigest(p, digest);
  return 'current';
}

function recordDigest(p: LocalServerPaths, digest: string): void {
  try {
    fs.writeFileSync(path.join(targetDir(p), STAMP), digest + '\n');
  } catch {
    // A read-only install: the check falls back to file times next time.
  }
}

function runMaven(p: LocalServerPaths, say: Say): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn('mvn', ['-B', '-f', p.pom, 'package', '-DskipTests'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let downloaded = 0;
    const tail: string[] = [];
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (/^\[INFO\] Downloaded from /.test(line) || /^Downloaded from /.test(line)) {
        downloaded += 1;
        if (downloaded % 25 === 0) say(`  ... ${downloaded} artifacts downloaded`);
      }
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.on('error', (err) =>
      reject(new LocalServerError(`Could not run Maven: ${err.message}. ${INSTALL_HINT}`)),
    );
    child.on('close', (code) => {
      if (code === 0) {
        say(`  Neo4j jars ready (${downloaded} artifacts downloaded).`);
        resolve();
      } else {
        reject(
          new LocalServerError(
            `Maven could not build the local Neo4j (exit ${code}). Last lines:\n${tail.join('\n')}\n` +
              'Check that Maven Central is reachable, or set NEO4J_URI to use another Neo4j server.',
          ),
        );
      }
    });
  });
}

/**
 * Builds the launcher and copies Neo4j's jars from Maven Central when they are missing or were
 * built from other sources, printing progress. A rebuild starts from an empty build folder (jars
 * of an earlier Neo4j version must not stay on the class path); if it fails, the earlier build is
 * put back and used, with a warning.
 */
export async function ensureJars(say: Say, p: LocalServerPaths = localServerPaths()): Promise<void> {
  const state = launcherState(p);
  if (state === 'current') return;
  if (!commandExists('java')) throw new LocalServerError(`Java is not installed. ${INSTALL_HINT}`);
  const mvn = spawnSync('mvn', ['-v'], { stdio: 'ignore' });
  if (mvn.error) {
    if (state === 'stale') {
      say(
        'Warning: the local Neo4j launcher was built from older sources, and Maven is not installed to rebuild it; using it as it is.',
      );
      return;
    }
    throw new LocalServerError(`Maven (mvn) is not installed. ${INSTALL_HINT}`);
  }
  if (state === 'missing') {
    say('First start: fetching Neo4j 5.26 Community jars through Maven (about 120 MB, once)...');
    await runMaven(p, say);
    recordDigest(p, launcherSourcesDigest(p));
    return;
  }
  say("The local Neo4j launcher's sources changed: building it again with Maven...");
  const target = targetDir(p);
  const previous = `${target}.previous`;
  fs.rmSync(previous, { recursive: true, force: true });
  fs.renameSync(target, previous);
  try {
    await runMaven(p, say);
  } catch (err) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(previous, target);
    say(`Warning: ${(err as Error).message}`);
    say('Using the launcher built before.');
    return;
  }
  fs.rmSync(previous, { recursive: true, force: true });
  recordDigest(p, launcherSourcesDigest(p));
}
