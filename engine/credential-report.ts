/**
 * The IAM credential report: one row per IAM user and one for the account's
 * root user, saying how each can sign in (console password, MFA, access keys,
 * signing certificates) and when each credential was last used. Parsed by
 * column name, as AWS documents the header may grow.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 *
 * The report's special values are three different states and stay as AWS
 * writes them: `N/A` (no such credential, or never used), `no_information`
 * (never used, or not since IAM began tracking) and `not_supported` (the root
 * user has no such setting). None of them is a date, and `not_supported` is
 * not `false`.
 */

export type NotApplicable = 'N/A';
export type NoInformation = 'no_information';
export type NotSupported = 'not_supported';

/** An ISO-8601 time as the report writes it, e.g. `2018-08-12T17:20:55+00:00`. */
export type ReportTime = string;

export interface AccessKeyStatus {
  /** 1 or 2: IAM allows two access keys per user. */
  slot: 1 | 2;
  active: boolean;
  lastRotated: ReportTime | NotApplicable;
  lastUsedDate: ReportTime | NotApplicable;
  /** `N/A` also for services without a region (such as S3). */
  lastUsedRegion: string | NotApplicable;
  lastUsedService: string | NotApplicable;
}

export interface CertificateStatus {
  slot: 1 | 2;
  active: boolean;
  lastRotated: ReportTime | NotApplicable;
}

export interface CredentialReportEntry {
  /** The user's name; `<root_account>` for the root user. */
  user: string;
  arn: string;
  isRoot: boolean;
  userCreationTime?: ReportTime;
  passwordEnabled: boolean | NotSupported;
  passwordLastUsed: ReportTime | NotApplicable | NoInformation;
  passwordLastChanged: ReportTime | NotApplicable | NotSupported;
  passwordNextRotation: ReportTime | NotApplicable | NotSupported;
  mfaActive: boolean;
  accessKeys: AccessKeyStatus[];
  certificates: CertificateStatus[];
}

export interface CredentialReport {
  accountId: string;
  /** When IAM generated the report: users and keys created after it are not in it. */
  generatedTime?: ReportTime;
  entries: CredentialReportEntry[];
}

/** A problem with one row or column, for the reader to turn into a warning or an error. */
export interface ReportIssue {
  /** 1-based line of the CSV text; 1 is the header. */
  line: number;
  column?: string;
  message: string;
  expected?: string;
}

export const ROOT_USER_NAME = '<root_account>';

/** Columns without which a row says nothing useful: refused when absent from the header. */
const REQUIRED = ['user', 'arn', 'password_enabled', 'mfa_active'] as const;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Splits CSV text into rows of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/**
 * Parses the report's CSV text. Rows that cannot be read are left out with an
 * issue; a header without the required columns gives no entries and one issue.
 */
export function parseCredentialReport(
  csv: string,
  accountId: string,
  generatedTime?: string,
): { report: CredentialReport; issues: ReportIssue[] } {
  const issues: ReportIssue[] = [];
  const report: CredentialReport = { accountId, entries: [], ...(generatedTime ? { generatedTime } : {}) };
  const rows = splitCsv(csv.replace(/^\uFEFF/, ''));
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    issues.push({
      line: 1,
      message: `the header lacks ${missing.join(', ')}`,
      expected: 'the credential report header: user,arn,user_creation_time,password_enabled,...',
    });
    return { report, issues };
  }
  const at = new Map(header.map((h, i) => [h, i]));
  rows.slice(1).forEach((cells, n) => {
    const line = n + 2;
    const cell = (name: string): string | undefined => {
      const i = at.get(name);
      return i === undefined ? undefined : cells[i]?.trim();
    };
    const rowIssues: ReportIssue[] = [];
    const bool = (name: string): boolean | undefined => {
      const v = cell(name);
      if (v === undefined) return undefined;
      if (/^true$/i.test(v)) return true;
      if (/^false$/i.test(v)) return false;
      rowIssues.push({ line, column: name, message: `"${v}" is not a boolean`, expected: 'true or false' });
      return undefined;
    };
    const time = <S extends string>(name: string, specials: readonly S[]): ReportTime | S | undefined => {
      const v = cell(name);
      if (v === undefined || v === '') return undefined;
      if ((specials as readonly string[]).includes(v)) return v as S;
      if (ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))) return v;
      rowIssues.push({
        line,
        column: name,
        message: `"${v}" is neither a time nor ${specials.join(' nor ')}`,
        expected: `an ISO-8601 time or ${specials.join(', ')}`,
      });
      return undefined;
    };
    const text = (name: string): string | undefined => {
      const v = cell(name);
      return v === undefined || v === '' ? undefined : v;
    };

    const user = text('user');
    const arn = text('arn');
    if (!user || !arn) {
      issues.push({
        line,
        message: 'a row without user or arn',
        expected: 'every row to name its user and ARN',
      });
      return;
    }
    const isRoot = user === ROOT_USER_NAME || /^arn:[\w-]+:iam::\d{12}:root$/.test(arn);
    const passwordEnabled =
      cell('password_enabled') === 'not_supported' ? 'not_supported' : bool('password_enabled');
    const mfaActive = bool('mfa_active');
    const accessKeys: AccessKeyStatus[] = [];
    const certificates: CertificateStatus[] = [];
    for (const slot of [1, 2] as const) {
      const active = bool(`access_key_${slot}_active`);
      if (active !== undefined)
        accessKeys.push({
          slot,
          active,
          lastRotated: time(`access_key_${slot}_last_rotated`, ['N/A']) ?? 'N/A',
          lastUsedDate: time(`access_key_${slot}_last_used_date`, ['N/A']) ?? 'N/A',
          lastUsedRegion: text(`access_key_${slot}_last_used_region`) ?? 'N/A',
          lastUsedService: text(`access_key_${slot}_last_used_service`) ?? 'N/A',
        });
      const cert = bool(`cert_${slot}_active`);
      if (cert !== undefined)
        certificates.push({
          slot,
          active: cert,
          lastRotated: time(`cert_${slot}_last_rotated`, ['N/A']) ?? 'N/A',
        });
    }
    const created = time('user_creation_time', ['N/A']);
    const entry: CredentialReportEntry = {
      user,
      arn,
      isRoot,
      ...(created && created !== 'N/A' ? { userCreationTime: created } : {}),
      passwordEnabled: passwordEnabled ?? false,
      passwordLastUsed: time('password_last_used', ['N/A', 'no_information']) ?? 'N/A',
      passwordLastChanged: time('password_last_changed', ['N/A', 'not_supported']) ?? 'N/A',
      passwordNextRotation: time('password_next_rotation', ['N/A', 'not_supported']) ?? 'N/A',
      mfaActive: mfaActive ?? false,
      accessKeys,
      certificates,
    };
    issues.push(...rowIssues);
    if (passwordEnabled === undefined || mfaActive === undefined) {
      issues.push({
        line,
        message: `the row for ${user} is left out: password_enabled or mfa_active unreadable`,
      });
      return;
    }
    report.entries.push(entry);
  });
  return { report, issues };
}

/** Milliseconds of a report time, or undefined for the special values. */
export function reportTimeMs(v: string | undefined): number | undefined {
  if (v === undefined || !ISO_TIME.test(v)) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}
