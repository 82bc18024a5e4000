/**
 * The output folder: file names, JSON as the AWS CLI prints it, atomic writes
 * and the manifest. Every file is written under a hidden temporary name in the
 * same folder and renamed into place, so a killed run never leaves a
 * half-written file under a name that `ingest` reads (a rename within one
 * file system is atomic on POSIX systems).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestSchema, type Manifest } from './types.ts';

export const MANIFEST_FILE = 'manifest.json';
export const ORGANIZATION_FILE = 'organization.json';

/** The files of one account, named as the demo organization and docs/graph-model.md#input-files name them. */
export function accountFiles(accountId: string) {
  return {
    authorizationDetails: `${accountId}.json`,
    samlProviders: `${accountId}.saml-providers.json`,
    oidcProviders: `${accountId}.oidc-providers.json`,
    identityCenter: `${accountId}.identity-center.json`,
    credentialReport: `${accountId}.credential-report.json`,
    resources: `${accountId}.resources.json`,
  };
}

const TEMP_MARK = '.tmp-';

/**
 * Dates the way the AWS CLI prints them (2021-06-01T09:14:22+00:00), so a
 * collected file reads like one exported by hand.
 */
export function cliDate(date: Date): string {
  const iso = date.toISOString();
  return (iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1)) + '+00:00';
}

/** SDK output to plain JSON: Dates as CLI dates, no `$metadata`, no undefined members. */
export function plain(value: unknown): unknown {
  if (value instanceof Date) return cliDate(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$metadata' || v === undefined) continue;
      out[k] = plain(v);
    }
    return out;
  }
  return value;
}

/** Writes `name` in `dir` through a temporary file and a rename. */
export async function writeJsonAtomic(dir: string, name: string, value: unknown): Promise<void> {
  const temp = join(dir, `.${name}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temp, JSON.stringify(value, null, 4) + '\n', { mode: 0o600 });
    await rename(temp, join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Creates the folder and removes temporary files a killed run left behind. */
export async function prepareOutput(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    if (name.startsWith('.') && name.includes(TEMP_MARK)) {
      await rm(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The manifest an earlier run left, when there is one and it is valid. An
 * unreadable one is reported and treated as absent: every account is then
 * collected again, which is slower but never wrong.
 */
export async function readManifest(dir: string, warn: (line: string) => void): Promise<Manifest | undefined> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    warn(`${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}; collecting every account again.`);
  } catch (error) {
    warn(`${path} is not valid JSON (${(error as Error).message}); collecting every account again.`);
  }
  return undefined;
}

/** Manifest writes one after another, so a slower write never replaces a newer one. */
export function manifestWriter(dir: string): (manifest: Manifest) => Promise<void> {
  let chain: Promise<void> = Promise.resolve();
  return (manifest) => {
    const snapshot = JSON.parse(JSON.stringify(manifest)) as Manifest;
    chain = chain.then(() => writeJsonAtomic(dir, MANIFEST_FILE, snapshot));
    return chain;
  };
}

/** Policy text as an object when it is JSON (Organizations and Identity Center return strings). */
export function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
