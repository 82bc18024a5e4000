/** Reading credential report files in the forms people keep them. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../db/paths.ts';
import { HEADER, ROWS } from '../../engine/credential-report.sample.ts';
import { readCredentialReport } from './credential-report.ts';

const csv = [HEADER, ...ROWS].join('\n');

describe('credential report files', () => {
  it("reads CloudMapper's saved report (JSON with the CSV decoded) unchanged", () => {
    const file = path.join(
      projectRoot,
      'test/fixtures/credential-report/cloudmapper-demo/iam-get-credential-report.json',
    );
    const got = readCredentialReport(fs.readFileSync(file, 'utf8'), file);
    expect(got.problems).toEqual([]);
    expect(got.warnings).toEqual([]);
    expect(got.report).toMatchObject({
      accountId: '653711331788',
      generatedTime: '2019-05-02T21:49:50+00:00',
    });
    expect(got.report!.entries).toEqual([
      expect.objectContaining({
        user: '<root_account>',
        isRoot: true,
        mfaActive: true,
        passwordEnabled: 'not_supported',
      }),
    ]);
    expect(got.report!.entries[0]!.accessKeys.filter((k) => k.active).map((k) => k.lastUsedService)).toEqual([
      'ecr',
    ]);
  });

  it('reads the AWS CLI JSON with base64 Content and the bare CSV alike', () => {
    const cli = JSON.stringify({
      Content: Buffer.from(csv).toString('base64'),
      ReportFormat: 'text/csv',
      GeneratedTime: '2026-12-01T00:00:00Z',
    });
    const a = readCredentialReport(cli, 'report.json');
    const b = readCredentialReport(csv, 'report.csv');
    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    expect(a.report!.entries).toEqual(b.report!.entries);
    expect(a.report!.accountId).toBe('111122223333');
    expect(a.report!.generatedTime).toBe('2026-12-01T00:00:00Z');
  });

  it('names the file and place of what it cannot read', () => {
    expect(readCredentialReport('hello', 'r.json').problems[0]).toMatchObject({
      file: 'r.json',
      message: expect.stringMatching(/neither/),
    });
    expect(readCredentialReport('{"Content": 5}', 'r.json').problems[0]).toMatchObject({
      jsonPath: 'Content',
    });
    const two = [HEADER, ROWS[1], ROWS[2]!.replace('111122223333', '444455556666')].join('\n');
    expect(readCredentialReport(two, 'r.csv').problems[0]!.message).toBe(
      'rows name 2 accounts (111122223333, 444455556666)',
    );
    const odd = [HEADER, ROWS[1]!.replace('FALSE,false', 'maybe,false'), ROWS[2]].join('\n');
    const got = readCredentialReport(odd, 'r.csv');
    expect(got.problems).toEqual([]);
    expect(got.warnings.map((w) => w.jsonPath)).toEqual(['line 2, column mfa_active', 'line 2']);
  });
});
