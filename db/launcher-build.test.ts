/**
 * When the local Neo4j's launcher is built again: its build is checked against its sources (the
 * POM and db/src), so a changed Neo4j version or server setting reaches an existing install. Maven
 * here is a script on PATH that writes a build the way `mvn package` lays it out, or fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureJars, launcherSourcesDigest, launcherState } from './launcher-build.ts';
import type { LocalServerPaths } from './paths.ts';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function layout(): { p: LocalServerPaths; db: string; root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-launcher-'));
  made.push(root);
  const db = path.join(root, 'db');
  fs.mkdirSync(path.join(db, 'src', 'main', 'java', 'dev', 'iamatlas', 'db'), { recursive: true });
  fs.writeFileSync(path.join(db, 'pom.xml'), '<neo4j.version>5.26.1</neo4j.version>\n');
  fs.writeFileSync(
    path.join(db, 'src', 'main', 'java', 'dev', 'iamatlas', 'db', 'LocalNeo4j.java'),
    'class A {}\n',
  );
  const p = {
    pom: path.join(db, 'pom.xml'),
    classesDir: path.join(db, 'target', 'classes'),
    libDir: path.join(db, 'target', 'lib'),
  } as LocalServerPaths;
  return { p, db, root };
}

function build(p: LocalServerPaths, boltJar: string, at?: Date): void {
  const cls = path.join(p.classesDir, 'dev', 'iamatlas', 'db', 'LocalNeo4j.class');
  fs.mkdirSync(path.dirname(cls), { recursive: true });
  fs.mkdirSync(p.libDir, { recursive: true });
  fs.writeFileSync(cls, 'built');
  fs.writeFileSync(path.join(p.libDir, boltJar), 'jar');
  if (at) fs.utimesSync(cls, at, at);
}

/** A folder with an `mvn` that answers `-v` and then builds (writing `boltJar`) or fails. */
function fakeMaven(root: string, p: LocalServerPaths, outcome: 'build' | 'fail'): string {
  const bin = path.join(root, 'bin');
  fs.mkdirSync(bin);
  const cls = path.join(p.classesDir, 'dev', 'iamatlas', 'db');
  const script =
    outcome === 'build'
      ? `mkdir -p "${cls}" "${p.libDir}" && echo built > "${cls}/LocalNeo4j.class" && echo jar > "${p.libDir}/neo4j-bolt-5.26.2.jar"`
      : 'echo "[ERROR] Could not resolve dependencies" >&2; exit 1';
  fs.writeFileSync(path.join(bin, 'mvn'), `#!/bin/sh\nif [ "$1" = "-v" ]; then exit 0; fi\n${script}\n`, {
    mode: 0o755,
  });
  return bin;
}

async function withPath<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.PATH;
  process.env.PATH = `${dir}${path.delimiter}${before ?? ''}`;
  try {
    return await fn();
  } finally {
    process.env.PATH = before;
  }
}

/** A current build of Neo4j 5.26.1, then the POM moved to 5.26.2 and `ensureJars` run with a Maven that builds or fails. */
async function rebuildAfterPomChange(outcome: 'build' | 'fail') {
  const { p, db, root } = layout();
  build(p, 'neo4j-bolt-5.26.1.jar', new Date(Date.now() + 60_000));
  expect(launcherState(p)).toBe('current');
  fs.writeFileSync(path.join(db, 'pom.xml'), '<neo4j.version>5.26.2</neo4j.version>\n');
  const said: string[] = [];
  await withPath(fakeMaven(root, p, outcome), () => ensureJars((l) => said.push(l), p));
  return { p, db, said };
}

describe('the local Neo4j launcher build', () => {
  it('is missing until built, and current when built after its sources (the digest then recorded)', () => {
    const { p } = layout();
    expect(launcherState(p)).toBe('missing');
    build(p, 'neo4j-bolt-5.26.1.jar', new Date(Date.now() + 60_000));
    expect(launcherState(p)).toBe('current');
    expect(fs.readFileSync(path.join(p.classesDir, '..', 'launcher-sources.sha256'), 'utf8').trim()).toBe(
      launcherSourcesDigest(p),
    );
  });

  it('is stale when a source changes after its digest was recorded, whatever the file times', () => {
    const { p, db } = layout();
    build(p, 'neo4j-bolt-5.26.1.jar', new Date(Date.now() + 60_000));
    expect(launcherState(p)).toBe('current');
    const java = path.join(db, 'src', 'main', 'java', 'dev', 'iamatlas', 'db', 'LocalNeo4j.java');
    fs.writeFileSync(java, 'class A { int setting = 2; }\n');
    fs.utimesSync(java, new Date(0), new Date(0));
    expect(launcherState(p)).toBe('stale');
  });

  it('is stale without a recorded digest when a source is newer than the build', () => {
    const { p } = layout();
    build(p, 'neo4j-bolt-5.26.1.jar', new Date(Date.now() - 60_000));
    expect(launcherState(p)).toBe('stale');
  });

  it('is built again from an empty folder: jars of the earlier version do not stay', async () => {
    const { p, db, said } = await rebuildAfterPomChange('build');
    expect(fs.readdirSync(p.libDir)).toEqual(['neo4j-bolt-5.26.2.jar']);
    expect(launcherState(p)).toBe('current');
    expect(said.join('\n')).toMatch(/sources changed/);
    expect(fs.existsSync(path.join(db, 'target.previous'))).toBe(false);
  });

  it('keeps and uses the earlier build, with a warning, when the rebuild fails', async () => {
    const { p, said } = await rebuildAfterPomChange('fail');
    expect(fs.readdirSync(p.libDir)).toEqual(['neo4j-bolt-5.26.1.jar']);
    expect(launcherState(p)).toBe('stale');
    expect(said.at(-2)).toMatch(
      /^Warning: Maven could not build the local Neo4j \(exit 1\)[^]*Could not resolve dependencies/,
    );
    expect(said.at(-1)).toBe('Using the launcher built before.');
  });
});
