/**
 * The credential report parser, on the header and values AWS documents:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 */
import { describe, expect, it } from 'vitest';
import { HEADER, ROWS } from './credential-report.sample.ts';
import { parseCredentialReport, splitCsv } from './credential-report.ts';

describe('credential report', () => {
  it('reads every column by name, keeping N/A, no_information and not_supported apart', () => {
    const { report, issues } = parseCredentialReport([HEADER, ...ROWS].join('\n'), '111122223333');
    expect(issues).toEqual([]);
    expect(report.entries.map((e) => e.user)).toEqual(['<root_account>', 'alice', 'bob', 'ci']);
    const [root, alice, bob] = report.entries;
    expect(root).toMatchObject({
      isRoot: true,
      passwordEnabled: 'not_supported',
      passwordLastChanged: 'not_supported',
      mfaActive: false,
    });
    expect(root!.accessKeys[0]).toEqual({
      slot: 1,
      active: true,
      lastRotated: '2020-02-01T00:00:00+00:00',
      lastUsedDate: '2026-10-30T12:00:00+00:00',
      lastUsedRegion: 'us-east-1',
      lastUsedService: 'ecr',
    });
    // The page writes TRUE/FALSE, real files true/false: both read.
    expect(alice).toMatchObject({
      isRoot: false,
      passwordEnabled: true,
      mfaActive: false,
      passwordLastUsed: '2026-11-20T09:00:00+00:00',
    });
    expect(bob).toMatchObject({ passwordEnabled: true, passwordLastUsed: 'no_information', mfaActive: true });
    expect(bob!.accessKeys.map((k) => [k.active, k.lastUsedDate, k.lastUsedRegion])).toEqual([
      [true, 'N/A', 'N/A'],
      [true, '2025-01-15T00:00:00+00:00', 'N/A'],
    ]);
  });

  it('reads the columns by name in any order, with CRLF line ends and a byte-order mark', () => {
    const cols = HEADER.split(',');
    const order = [...cols.keys()].reverse();
    const flip = (line: string) => {
      const cells = line.split(',');
      return order.map((i) => cells[i]).join(',');
    };
    const text = '\uFEFF' + [flip(HEADER), ...ROWS.map(flip)].join('\r\n') + '\r\n';
    const { report, issues } = parseCredentialReport(text, '111122223333');
    expect(issues).toEqual([]);
    expect(report.entries.map((e) => [e.user, e.mfaActive])).toEqual([
      ['<root_account>', false],
      ['alice', false],
      ['bob', true],
      ['ci', false],
    ]);
  });

  it('refuses a header without the columns it needs, and leaves out rows it cannot read, saying which', () => {
    expect(parseCredentialReport('name,arn\nx,y', '1').issues).toEqual([
      expect.objectContaining({ line: 1, message: 'the header lacks user, password_enabled, mfa_active' }),
    ]);
    const bad = ROWS[1]!
      .replace(',FALSE,false,', ',maybe,false,')
      .replace('2020-03-01T09:00:00+00:00', 'last tuesday');
    const { report, issues } = parseCredentialReport([HEADER, bad, ROWS[2]].join('\n'), '1');
    expect(report.entries.map((e) => e.user)).toEqual(['bob']);
    expect(issues).toEqual([
      expect.objectContaining({ line: 2, column: 'mfa_active', message: '"maybe" is not a boolean' }),
      expect.objectContaining({ line: 2, column: 'user_creation_time' }),
      expect.objectContaining({ line: 2, message: expect.stringMatching(/row for alice is left out/) }),
    ]);
  });

  it('splits quoted CSV fields with commas, quotes and line breaks', () => {
    expect(splitCsv('a,"b,c","say ""hi""","x\ny"\n1,2,3,4\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'x\ny'],
      ['1', '2', '3', '4'],
    ]);
  });
});
