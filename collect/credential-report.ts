/**
 * The account's IAM credential report: generated on request (IAM makes at
 * most one per four hours and hands back the last one meanwhile), then read.
 * Written as the AWS CLI prints `aws iam get-credential-report` (Content in
 * base64), which ingest reads.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateCredentialReport.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetCredentialReport.html
 */
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { errorCode } from './aws-errors.ts';
import { cliDate } from './output.ts';

export interface CredentialReportFile {
  Content: string;
  ReportFormat: string;
  GeneratedTime?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Generates the report if needed and reads it; waits up to `maxWaitMs` for IAM to finish it. */
export async function collectCredentialReport(
  iam: IAMClient,
  { maxWaitMs = 60_000, pollMs = 500 }: { maxWaitMs?: number; pollMs?: number } = {},
): Promise<CredentialReportFile> {
  const until = Date.now() + maxWaitMs;
  for (let wait = pollMs; ; wait = Math.min(wait * 2, 5_000)) {
    const state = (await iam.send(new GenerateCredentialReportCommand({}))).State;
    if (state === 'COMPLETE') {
      try {
        const got = await iam.send(new GetCredentialReportCommand({}));
        return {
          Content: Buffer.from(got.Content ?? new Uint8Array()).toString('base64'),
          ReportFormat: got.ReportFormat ?? 'text/csv',
          ...(got.GeneratedTime ? { GeneratedTime: cliDate(got.GeneratedTime) } : {}),
        };
      } catch (error) {
        // Generated a moment ago and not yet readable: wait as for a report in progress.
        if (errorCode(error) !== 'ReportInProgress') throw error;
      }
    }
    if (Date.now() + wait > until)
      throw new Error(`the credential report was not ready after ${Math.round(maxWaitMs / 1000)} s`);
    await sleep(wait);
  }
}
