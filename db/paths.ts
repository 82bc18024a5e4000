import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository (or installed package) root: the nearest folder above this
 * module whose package.json is IAM Atlas's. The same from the sources (db/) and
 * from the compiled command line (dist/cli/).
 */
export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'iam-atlas') return dir;
    } catch {
      // no package.json here: look further up
    }
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

/** Where IAM Atlas keeps local state (the local Neo4j's data, password, logs). Git-ignored. */
export function atlasHome(): string {
  return path.resolve(process.env.IAMATLAS_HOME ?? path.join(projectRoot, '.iamatlas'));
}

export interface LocalServerPaths {
  dir: string;
  dataDir: string;
  passwordFile: string;
  pidFile: string;
  stateFile: string;
  logFile: string;
  lockFile: string;
  pom: string;
  classesDir: string;
  libDir: string;
}

export function localServerPaths(): LocalServerPaths {
  const dir = path.join(atlasHome(), 'neo4j');
  const dbDir = path.join(projectRoot, 'db');
  return {
    dir,
    dataDir: path.join(dir, 'data'),
    passwordFile: path.join(dir, 'password'),
    pidFile: path.join(dir, 'server.pid'),
    stateFile: path.join(dir, 'server.json'),
    logFile: path.join(dir, 'server.log'),
    lockFile: path.join(dir, 'start.lock'),
    pom: path.join(dbDir, 'pom.xml'),
    classesDir: path.join(dbDir, 'target', 'classes'),
    libDir: path.join(dbDir, 'target', 'lib'),
  };
}
