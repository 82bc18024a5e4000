/**
 * Every file of test/fixtures/bad-input (and the large ones generated here)
 * goes through the real reader on its own: each is refused with a problem
 * naming the file and the place, or accepted (with the warning its manifest
 * names); none crashes, hangs or throws anything but InputError. A sample
 * goes through `iamatlas ingest` against Neo4j: refused input leaves no
 * snapshot and prints no stack trace.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { formatProblem, InputError, readSnapshot } from '../../ingest/read/index.ts';
import { runCli } from '../harness/cli.ts';
import { cliEnv, openTestDb, snapshotsNamed, type TestDb } from '../harness/neo4j.ts';
import { writeGeneratedCorpus, type CorpusCase } from './bad-input-generated.ts';

const CORPUS = path.join(projectRoot, 'test', 'fixtures', 'bad-input');
const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as Record<
  string,
  CorpusCase
>;
const committed = readdirSync(CORPUS).filter((f) => f !== 'manifest.json' && f !== 'README.md');
const generatedDir = mkdtempSync(path.join(tmpdir(), 'iamatlas-bad-input-'));
let generated: Record<string, CorpusCase> = {};

/** Per file: no hang. The 10 MB and 100,000-entry files take about a second each on a busy machine. */
const PER_FILE_MS = 15_000;

type Outcome =
  { outcome: 'refused'; problems: string[]; message: string } | { outcome: 'accepted'; warnings: string[] };

async function read(file: string): Promise<Outcome> {
  try {
    const result = await readSnapshot([file]);
    return { outcome: 'accepted', warnings: result.warnings.map(formatProblem) };
  } catch (error) {
    // Anything but InputError (a TypeError, a RangeError from a deep recursion) fails the test here.
    if (!(error instanceof InputError)) throw error;
    expect(error.problems.every((p) => p.file === file)).toBe(true);
    return { outcome: 'refused', problems: error.problems.map(formatProblem), message: error.message };
  }
}

function check(file: string, expected: CorpusCase, got: Outcome): void {
  const name = path.basename(file);
  expect(got.outcome, `${name}: ${JSON.stringify(got).slice(0, 300)}`).toBe(expected.outcome);
  if (got.outcome === 'refused') {
    // The first problem names the file, then the place (line:column or JSON path) and what is wrong.
    expect(got.problems[0]?.startsWith(file), name).toBe(true);
    expect(got.problems[0], name).toContain(expected.message);
    expect(got.message, name).toContain(file);
    expect(got.message.length, `${name}: the summary stays short`).toBeLessThan(10_000);
  } else if (expected.message !== '') {
    expect(
      got.warnings.some((w) => w.includes(expected.message)),
      name,
    ).toBe(true);
  }
}

beforeAll(() => {
  generated = writeGeneratedCorpus(generatedDir);
}, 120_000);
afterAll(() => rmSync(generatedDir, { recursive: true, force: true }));

describe('bad-input corpus through the reader', () => {
  it('has at least 100 committed files, each with an expected outcome', () => {
    expect(committed.length).toBeGreaterThanOrEqual(100);
    expect(committed.sort()).toEqual(Object.keys(manifest).sort());
    for (const [name, c] of Object.entries(manifest)) {
      expect(['refused', 'accepted'], name).toContain(c.outcome);
      if (c.outcome === 'refused') expect(c.message, name).not.toBe('');
    }
  });

  it.each(Object.keys(manifest).sort())(
    '%s',
    async (name) => {
      const file = path.join(CORPUS, name);
      const start = performance.now();
      check(file, manifest[name] as CorpusCase, await read(file));
      expect(performance.now() - start).toBeLessThan(PER_FILE_MS);
    },
    PER_FILE_MS * 2,
  );

  it('generated: 10 MB policies, 100,000-entry lists, nesting 10,000 and 100,000 deep', async () => {
    expect(Object.keys(generated).length).toBeGreaterThanOrEqual(10);
    for (const [name, expected] of Object.entries(generated)) {
      const file = path.join(generatedDir, name);
      const start = performance.now();
      check(file, expected, await read(file));
      expect(performance.now() - start, name).toBeLessThan(PER_FILE_MS);
    }
  }, 240_000);

  it('a refused file does not pollute Object.prototype', () => {
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('a sample through `iamatlas ingest`', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(async () => {
    await db.close();
  });

  const REFUSED_SAMPLE = [
    'truncated-500.json',
    'invalid-utf8-lone-continuation.json',
    'policy-document-proto-operator.json',
    'null-every-role-field.json',
    'nul-byte-in-string.json',
    'wrong-type-role-trust-number.json',
  ];

  it.each(REFUSED_SAMPLE)(
    '%s: refused with the file and place, no stack trace, no snapshot',
    async (name) => {
      const expected = manifest[name] as CorpusCase;
      const snapshot = `bad-${randomBytes(4).toString('hex')}`;
      const run = await runCli(['ingest', path.join(CORPUS, name), '--name', snapshot], cliEnv());
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toContain(name);
      expect(run.stderr).toContain(expected.message);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(await snapshotsNamed(db, snapshot)).toBe(0);
    },
    120_000,
  );

  it('generated: nesting 10,000 deep cut short is refused the same way', async () => {
    const snapshot = `bad-${randomBytes(4).toString('hex')}`;
    const run = await runCli(
      ['ingest', path.join(generatedDir, 'nest-10k-cut-short.json'), '--name', snapshot],
      cliEnv(),
    );
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/nest-10k-cut-short\.json:1:\d+: the file ends early/);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(await snapshotsNamed(db, snapshot)).toBe(0);
  }, 120_000);

  it('bom-utf8.json is accepted and loads one complete snapshot', async () => {
    const snapshot = `bom-${randomBytes(4).toString('hex')}`;
    const run = await runCli(
      ['ingest', path.join(CORPUS, 'bom-utf8.json'), '--name', snapshot, '--json'],
      cliEnv(),
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { snapshotId: string };
    db.track(out.snapshotId);
    const res = await db.driver.executeQuery('MATCH (s:Snapshot {name: $name}) RETURN s.status AS status', {
      name: snapshot,
    });
    expect(res.records.map((r) => r.get('status'))).toEqual(['complete']);
  }, 120_000);
});
