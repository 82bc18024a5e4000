/**
 * What CI can check of the Docker setup without a Docker engine: the build
 * context leaves secrets and local state out; the Dockerfile builds in one
 * stage and runs a slim, non-root runtime stage on a current Node LTS; and
 * docker-compose.yml is valid and serves the page on the host's loopback only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostNotice } from '../../cli/serve.ts';
import { projectRoot } from '../../db/paths.ts';
import { contextFiles, isExcluded, parseDockerignore } from './build-context.ts';

const read = (f: string) => fs.readFileSync(path.join(projectRoot, f), 'utf8');

/** A scratch folder with these files (relative path → content) and the project's .dockerignore. */
function scratch(files: Record<string, string>, dockerignore = read('.dockerignore')): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iamatlas-context-'));
  for (const [f, text] of Object.entries({ ...files, '.dockerignore': dockerignore })) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const SECRETS = [
  '.env',
  '.env.local',
  'deploy/.env',
  '.iamatlas/api-tokens.json',
  '.iamatlas/neo4j/password',
  'test-artifacts/screenshot.png',
  'node_modules/x/index.js',
  '.git/config',
  'db/target/lib/neo4j.jar',
  'ui/dist/index.html',
  'keys/server.pem',
];
const NEEDED = [
  'Dockerfile',
  'package.json',
  'package-lock.json',
  '.env.example',
  'bin/iamatlas',
  'api/app.ts',
  'ui/src/main.ts',
  'ui/index.html',
  'test/fixtures/demo-org/organization.json',
  // `start` loads the demo organization with its people.
  'test/fixtures/demo-people/111111111111.identity-center.json',
  'test/fixtures/demo-people/111111111111.credential-report.csv',
];

describe('docker build context', () => {
  it('leaves out .env, local state, test artifacts, dependencies and build output; keeps the sources', () => {
    const dir = scratch(Object.fromEntries([...SECRETS, ...NEEDED].map((f) => [f, 'x'])));
    const sent = contextFiles(dir);
    for (const f of SECRETS) expect(sent, f).not.toContain(f);
    for (const f of NEEDED) expect(sent, f).toContain(f);
  });

  it('would catch a .dockerignore that lets .env through', () => {
    const weak = read('.dockerignore')
      .split('\n')
      .filter((l) => !/\.env/.test(l))
      .join('\n');
    const sent = contextFiles(scratch({ '.env': 'NEO4J_PASSWORD=secret', 'a.ts': '' }, weak));
    expect(sent).toContain('.env');
  });

  it('reads .dockerignore as Docker does (last match wins, directories cover their files, ** any depth)', () => {
    const rules = parseDockerignore('# c\nlogs\n*.md\n!README.md\n**/secret\n/abs/\n');
    expect(isExcluded(rules, 'logs/a/b.txt')).toBe(true);
    expect(isExcluded(rules, 'x.md')).toBe(true);
    expect(isExcluded(rules, 'docs/x.md')).toBe(false); // '*' does not cross '/'
    expect(isExcluded(rules, 'README.md')).toBe(false);
    expect(isExcluded(rules, 'a/b/secret')).toBe(true);
    expect(isExcluded(rules, 'secret')).toBe(true);
    expect(isExcluded(rules, 'abs/file')).toBe(true);
    expect(isExcluded(rules, 'src/logs.ts')).toBe(false);
  });

  it('this checkout sends no secret-looking file', () => {
    const sent = contextFiles(projectRoot);
    expect(sent).toContain('Dockerfile');
    expect(sent.filter((f) => /(^|\/)(\.env(\..*)?|\.iamatlas|password|.*\.pem|.*\.key)$/.test(f))).toEqual(
      fs.existsSync(path.join(projectRoot, '.env.example')) ? ['.env.example'] : [],
    );
    expect(sent.some((f) => /^(node_modules|\.git|test-artifacts|db\/target|\.iamatlas)\//.test(f))).toBe(
      false,
    );
  });
});

/** The stages of a Dockerfile: each FROM line with the instructions after it. */
function stages(dockerfile: string): { from: string; lines: string[] }[] {
  const out: { from: string; lines: string[] }[] = [];
  const joined = dockerfile.replace(/\\\r?\n/g, ' ');
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (/^FROM\s/i.test(line)) out.push({ from: line, lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

describe('Dockerfile', () => {
  const all = stages(read('Dockerfile'));
  const runtime = all.at(-1)!;

  it('builds the page in a build stage and runs a slim Node LTS image as a non-root user', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    // Node 24 is an LTS line (https://nodejs.org/en/about/previous-releases); 20 is end-of-life.
    const node = /^FROM\s+node:(\d+)-[\w-]*slim\b/i.exec(runtime.from);
    expect(node, runtime.from).not.toBeNull();
    expect(Number(node![1])).toBeGreaterThanOrEqual(24);
    expect(Number(node![1]) % 2, 'even Node majors are the LTS lines').toBe(0);
    const build = all.slice(0, -1).flatMap((s) => s.lines);
    expect(build.some((l) => /^RUN\b.*\bvite build\b/.test(l))).toBe(true);
    expect(build.some((l) => /--omit=dev/.test(l))).toBe(true);
    const user = runtime.lines.filter((l) => /^USER\s/i.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i);
    const entry = runtime.lines.findIndex((l) => /^ENTRYPOINT\s/i.test(l));
    expect(runtime.lines.findIndex((l) => /^USER\s/i.test(l))).toBeLessThan(entry);
  });

  it('copies nothing from the build context into the runtime stage wholesale', () => {
    for (const l of runtime.lines.filter((x) => /^(COPY|ADD)\s/i.test(x)))
      expect(l, 'the runtime stage takes files from the build stage').toMatch(/--from=/);
    expect(runtime.lines.some((l) => /^COPY\s+\.\s/.test(l))).toBe(false);
  });

  it("lets the runtime user write the command line's code caches, and only those", () => {
    const run = runtime.lines.filter((l) => /^RUN\s/i.test(l)).join(' ');
    expect(run).toMatch(
      /mkdir -p "dist\/cli\/\$build\/cache" && chown node:node "dist\/cli\/\$build\/cache"/,
    );
    expect(run).not.toMatch(/chown\s+(-R\s+)?node(:node)?\s+(\/app|\.|dist)(\s|$)/);
  });

  it('ships what `start` loads: the demo organization and its people', () => {
    const copied = runtime.lines.filter((x) => /^COPY\s/i.test(x)).map((l) => l.split(/\s+/).at(-1));
    expect(copied).toContain('./test/fixtures/demo-org');
    expect(copied).toContain('./test/fixtures/demo-people');
  });
});

/**
 * docker-compose.yml as `docker-compose config` resolves it, as JSON (through
 * PyYAML, which docker-compose itself depends on). Undefined when docker-compose
 * is not installed (CI installs it; see .ci/run).
 */
interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  ports?: (string | { host_ip?: string; published: number | string; target: number })[];
}

function composeConfig(): { services: Record<string, ComposeService> } | undefined {
  const found = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
  if (found.error) return undefined;
  const dir = scratch({
    'docker-compose.yml': read('docker-compose.yml'),
    Dockerfile: read('Dockerfile'),
    '.env': 'NEO4J_PASSWORD=not-a-real-password\n',
  });
  const env = { ...process.env, NEO4J_PASSWORD: undefined, COMPOSE_PROJECT_NAME: 'iamatlas' };
  const yaml = execFileSync('docker-compose', ['config'], { cwd: dir, env, encoding: 'utf8' });
  const json = execFileSync(
    'python3',
    ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'],
    { input: yaml, encoding: 'utf8' },
  );
  return JSON.parse(json) as { services: Record<string, ComposeService> };
}

describe('docker-compose.yml', () => {
  const config = composeConfig();
  const needTool = process.env.CI === 'true';

  it.skipIf(!config && !needTool)('is valid and serves the demo on 127.0.0.1:4000 only', () => {
    expect(config, 'docker-compose is not installed (apt-get install docker-compose)').toBeDefined();
    const atlas = config!.services.iamatlas!;
    const neo4j = config!.services.neo4j!;
    // `start` loads the demo and then serves; `demo` alone would load it and exit.
    expect(atlas.command?.[0]).toBe('start');
    expect(atlas.command?.join(' ')).toMatch(/--host 0\.0\.0\.0/);
    expect(atlas.environment?.IAMATLAS_ALLOW_CONTAINER_HOST).toBe('1');
    expect(atlas.environment?.IAMATLAS_PUBLIC_URL).toBe('http://127.0.0.1:4000');
    expect(atlas.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(atlas.depends_on?.neo4j?.condition).toBe('service_healthy');
    // Every published port of every service is bound to the host's loopback.
    for (const [name, svc] of Object.entries(config!.services))
      for (const p of svc.ports ?? []) {
        const host = typeof p === 'string' ? p.split(':')[0] : p.host_ip;
        expect(host, `${name}: ${JSON.stringify(p)}`).toBe('127.0.0.1');
      }
    const published = (atlas.ports ?? []).map((p) =>
      typeof p === 'string' ? p.replace(/\/tcp$/, '') : `127.0.0.1:${p.published}:${p.target}`,
    );
    expect(published).toContain('127.0.0.1:4000:4000');
    expect(neo4j.image).toMatch(/^neo4j:5\.26/);
    // The password comes from .env, never from the file itself.
    expect(read('docker-compose.yml')).not.toMatch(/^\s*-?\s*NEO4J_PASSWORD\s*[:=]\s*\S/m);
  });
});

const NO_TLS = { tls: false, allowedHosts: [] };

describe('serve in a container', () => {
  it('says nothing on loopback, explains the container case, and names the reach otherwise', () => {
    expect(hostNotice('127.0.0.1', false, NO_TLS)).toBeUndefined();
    expect(hostNotice('0.0.0.0', true, NO_TLS)).toMatch(
      /inside the container \(IAMATLAS_ALLOW_CONTAINER_HOST=1\)/,
    );
    expect(hostNotice('0.0.0.0', false, { tls: true, allowedHosts: ['atlas.example.com'] })).toMatch(
      /^Listening on 0\.0\.0\.0, reachable from other machines over HTTPS.*atlas\.example\.com/,
    );
  });
});
