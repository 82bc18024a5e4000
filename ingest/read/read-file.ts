/**
 * One input file from bytes to a per-file read: decode, parse, classify by
 * content, hand to the matching reader. Problems and warnings go to the
 * lists given; the raw JSON is dropped as soon as the file is read so that
 * hundreds of files never sit in memory at once.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readAuthorizationDetails, type AuthorizationDetailsRead } from './authorization-details.ts';
import { classify, type FileKind } from './classify.ts';
import { isJsonName } from './inputs.ts';
import { decodeText } from './decode.ts';
import { firstDuplicateKey, firstSignificantChar, lineColumn, parseJson } from './json.ts';
import type { CredentialReport } from '../../engine/credential-report.ts';
import {
  looksLikeCredentialReportCsv,
  readCredentialReport,
  type CredentialReportRead,
} from './credential-report.ts';
import { readIdentityCenter, type IdentityCenterRead } from './identity-center.ts';
import { readOrganization, type OrganizationRead } from './organization.ts';
import type { InputProblem } from './problems.ts';
import { readProviders, type ProvidersRead } from './providers.ts';
import { readResources, type ResourcesRead } from './resources.ts';

export type FileRead =
  | { kind: 'authorization-details'; sha256: string; reads: AuthorizationDetailsRead[] }
  | { kind: 'identity-center'; sha256: string; read: IdentityCenterRead }
  | { kind: 'credential-report'; sha256: string; read: CredentialReport }
  | { kind: 'organization'; sha256: string; read: OrganizationRead }
  | { kind: 'saml-providers' | 'oidc-providers'; sha256: string; read: ProvidersRead }
  | { kind: 'resources'; sha256: string; read: ResourcesRead }
  | { kind: 'unknown' | 'invalid' };

export const UNKNOWN_FILE = 'unknown file, not read';

export async function readInputFile(
  file: string,
  problems: InputProblem[],
  warnings: InputProblem[],
): Promise<FileRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    problems.push({
      file,
      jsonPath: '',
      message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    });
    return { kind: 'invalid' };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    problems.push({
      file,
      jsonPath: '',
      message: `the file is not valid UTF-8 (byte 0x${decoded.byte.toString(16).padStart(2, '0')} at byte offset ${decoded.byteOffset} does not start or continue a character)`,
      expected: 'UTF-8 text as the AWS CLI writes it (or UTF-16); re-export the file or save it as UTF-8',
      line: decoded.line,
      column: decoded.column,
    });
    return { kind: 'invalid' };
  }
  const text = decoded.text;
  const first = firstSignificantChar(text);
  /*
   * A file named *.json, or one that starts like JSON, was meant to be an
   * export: if it does not parse, the export broke (often cut short), and
   * reading the rest would give a snapshot silently missing an account.
   * Anything else that is not JSON is an unrelated file: a warning.
   */
  const meantAsJson = isJsonName(file) || first === '{' || first === '[';
  if (!meantAsJson && looksLikeCredentialReportCsv(text)) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return credentialReport(readCredentialReport(text, file), sha256, problems, warnings);
  }
  if (!meantAsJson) {
    warnings.push({ file, jsonPath: '', message: `${UNKNOWN_FILE}: it is not JSON` });
    return { kind: 'unknown' };
  }
  if (first === '') {
    problems.push({
      file,
      jsonPath: '',
      message: 'the file is empty (did the export command fail?)',
      expected: 'the JSON output of an AWS export',
      line: 1,
      column: 1,
    });
    return { kind: 'invalid' };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    problems.push({
      file,
      jsonPath: '',
      message: `the file ends early or is not valid JSON (${parsed.detail})`,
      expected: 'the complete JSON output of the AWS command',
      line: parsed.line,
      column: parsed.column,
    });
    return { kind: 'invalid' };
  }

  const duplicate = firstDuplicateKey(text);
  if (duplicate !== undefined) {
    warnings.push({
      file,
      jsonPath: '',
      message: `the key ${JSON.stringify(duplicate.key)} appears twice in one object; its last value was read (the first one is ignored)`,
      ...lineColumn(text, duplicate.offset),
    });
  }

  const classification = classify(parsed.value, file);
  if (classification.kind === 'unknown') {
    warnings.push({ file, jsonPath: '', message: `${UNKNOWN_FILE}: ${classification.reason}` });
    return { kind: 'unknown' };
  }
  if (classification.kind === 'mixed') {
    problems.push({
      file,
      jsonPath: '',
      message: `the file mixes the keys of several outputs (${classification.kinds.join(', ')})`,
      expected: 'one AWS output per file',
    });
    return { kind: 'invalid' };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (classification.kind === 'credential-report')
    return credentialReport(readCredentialReport(text, file), sha256, problems, warnings);
  return dispatch(classification.kind, file, parsed.value, sha256, problems, warnings);
}

function credentialReport(
  got: CredentialReportRead,
  sha256: string,
  problems: InputProblem[],
  warnings: InputProblem[],
): FileRead {
  problems.push(...got.problems);
  warnings.push(...got.warnings);
  return got.report === undefined
    ? { kind: 'invalid' }
    : { kind: 'credential-report', sha256, read: got.report };
}

function dispatch(
  kind: Exclude<FileKind, 'credential-report'>,
  file: string,
  json: unknown,
  sha256: string,
  problems: InputProblem[],
  warnings: InputProblem[],
): FileRead {
  switch (kind) {
    case 'authorization-details':
      return { kind, sha256, reads: readAuthorizationDetails(file, json, problems, warnings) };
    case 'organization':
      return { kind, sha256, read: readOrganization(file, json, problems) };
    case 'saml-providers':
    case 'oidc-providers':
      return { kind, sha256, read: readProviders(file, json, problems) };
    case 'identity-center': {
      const read = readIdentityCenter(file, json, problems, warnings);
      return read === undefined ? { kind: 'invalid' } : { kind, sha256, read };
    }
    case 'resources': {
      const read = readResources(file, json, problems, warnings);
      return read === undefined ? { kind: 'invalid' } : { kind, sha256, read };
    }
  }
}
