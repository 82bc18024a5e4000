/**
 * Reads an IAM credential report in the forms people have it:
 * - the CSV itself (`aws iam get-credential-report --query Content --output text | base64 -d`);
 * - the JSON of `aws iam get-credential-report`, whose `Content` is base64
 *   (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html);
 * - the same JSON with `Content` already decoded, as some tools save it.
 * The account is taken from the rows' ARNs; problems name the file and line.
 */
import {
  parseCredentialReport,
  type CredentialReport,
  type ReportIssue,
} from '../../engine/credential-report.ts';
import type { InputProblem } from './problems.ts';

const CSV_START = /^\s*user\s*,\s*arn\s*,/i;
const BASE64 = /^[A-Za-z0-9+/=\s]+$/;

/** True for the bare CSV of a credential report (its header starts `user,arn,`). */
export function looksLikeCredentialReportCsv(text: string): boolean {
  return CSV_START.test(text.replace(/^\uFEFF/, ''));
}

export interface CredentialReportRead {
  report?: CredentialReport;
  problems: InputProblem[];
  warnings: InputProblem[];
}

function toProblem(file: string, issue: ReportIssue, where: string): InputProblem {
  return {
    file,
    jsonPath: `${where}line ${issue.line}${issue.column ? `, column ${issue.column}` : ''}`,
    message: issue.message,
    ...(issue.expected ? { expected: issue.expected } : {}),
  };
}

/** The CSV text and generation time of a report file's text, or a problem saying why there is none. */
function unwrap(
  text: string,
  file: string,
): { csv: string; generatedTime?: string; where: string } | { problem: InputProblem } {
  const body = text.replace(/^\uFEFF/, '');
  if (CSV_START.test(body)) return { csv: body, where: '' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {
      problem: {
        file,
        jsonPath: '',
        message: 'is neither the credential report CSV nor the JSON of aws iam get-credential-report',
        expected: 'a CSV starting with "user,arn," or {"Content": ..., "GeneratedTime": ...}',
      },
    };
  }
  const o = json as { Content?: unknown; GeneratedTime?: unknown };
  if (typeof o !== 'object' || o === null || typeof o.Content !== 'string')
    return {
      problem: {
        file,
        jsonPath: 'Content',
        message: 'is missing or not text',
        expected: 'the report as text',
      },
    };
  const generatedTime = typeof o.GeneratedTime === 'string' ? o.GeneratedTime : undefined;
  if (CSV_START.test(o.Content)) return { csv: o.Content, generatedTime, where: 'Content, ' };
  if (BASE64.test(o.Content)) {
    const csv = Buffer.from(o.Content.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (CSV_START.test(csv.replace(/^\uFEFF/, '')))
      return { csv, generatedTime, where: 'Content (base64), ' };
  }
  return {
    problem: {
      file,
      jsonPath: 'Content',
      message: 'holds neither the report CSV nor its base64 form',
      expected: 'CSV text starting with "user,arn," or its base64 encoding',
    },
  };
}

/** Reads one report file; `problems` means it cannot be used, `warnings` that rows were left out or odd. */
export function readCredentialReport(text: string, file: string): CredentialReportRead {
  const got = unwrap(text, file);
  if ('problem' in got) return { problems: [got.problem], warnings: [] };
  const accounts = new Set<string>();
  const { report, issues } = parseCredentialReport(got.csv, '', got.generatedTime);
  for (const e of report.entries) {
    const account = /^arn:[\w-]+:iam::(\d{12}):/.exec(e.arn)?.[1];
    if (account) accounts.add(account);
  }
  const header = issues.find((i) => i.line === 1);
  if (header) return { problems: [toProblem(file, header, got.where)], warnings: [] };
  if (accounts.size !== 1)
    return {
      problems: [
        {
          file,
          jsonPath: got.where.replace(/, $/, ''),
          message:
            accounts.size === 0
              ? 'no row names an account in its ARN'
              : `rows name ${accounts.size} accounts (${[...accounts].sort().join(', ')})`,
          expected: 'one account per credential report, as IAM writes it',
        },
      ],
      warnings: [],
    };
  report.accountId = [...accounts][0]!;
  return { report, problems: [], warnings: issues.map((i) => toProblem(file, i, got.where)) };
}
