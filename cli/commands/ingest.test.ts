/** ingest and demo: --name checked, and the summary of a load rendered, without a database. */
import { describe, expect, it } from 'vitest';
import type { IngestResult } from '../../ingest/pipeline.ts';
import { CliError, EXIT } from '../output.ts';
import * as demo from './demo.ts';
import * as ingest from './ingest.ts';

const result: IngestResult = {
  snapshotId: 'snap-20250101T000000Z-abcdef',
  name: 'nightly',
  counts: { nodes: { Account: 2, Role: 3 }, relationships: { CAN_ASSUME: 4 } },
  input: {
    accounts: 2,
    users: 1,
    groups: 1,
    roles: 3,
    managedPolicies: 4,
    inlinePolicies: 5,
    instanceProfiles: 0,
    identityProviders: 1,
    organizationalUnits: 2,
    organizationPolicies: 3,
    resources: 0,
  },
  warnings: [],
  files: [],
  danglingRelationships: 0,
};

describe('ingest', () => {
  it('refuses a snapshot name that could be taken for an id, as a usage error naming --name', () => {
    expect(ingest.parse({ name: 'nightly' })).toEqual({ name: 'nightly' });
    expect(ingest.parse({})).toEqual({});
    let err: unknown;
    try {
      ingest.parse({ name: 'snap-1' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(EXIT.usage);
    expect((err as CliError).message).toMatch(/^--name: the snapshot name "snap-1" starts with "snap-"/);
  });

  it('renders the snapshot, the input counts and the graph counts', () => {
    expect(ingest.render(result)).toBe(
      [
        '',
        'Snapshot snap-20250101T000000Z-abcdef ("nightly") loaded.',
        '  2 accounts, 1 users, 1 groups, 3 roles, 4 managed + 5 inline policies, 0 instance profiles, ' +
          '1 identity providers, 2 OUs, 3 SCPs/RCPs',
        '  graph nodes: Account 2, Role 3',
        '  graph relationships: CAN_ASSUME 4',
        '',
      ].join('\n'),
    );
    // Resources are counted when the input has some (ACCOUNT.resources.json).
    expect(ingest.render({ ...result, input: { ...result.input, resources: 14 } })).toContain(
      '3 SCPs/RCPs, 14 resources\n',
    );
    // A snapshot without a name of its own is named once.
    expect(ingest.render({ ...result, name: result.snapshotId })).toContain(
      'Snapshot snap-20250101T000000Z-abcdef loaded.\n',
    );
  });

  it('lists the first 20 warnings and counts the rest', () => {
    expect(ingest.renderWarnings([])).toBe('');
    const warnings = Array.from({ length: 22 }, (_, i) => ({
      file: `a${i}.json`,
      jsonPath: '',
      message: 'odd but valid',
    }));
    const lines = ingest.renderWarnings(warnings).trimEnd().split('\n');
    expect(lines[0]).toBe('22 warning(s):');
    expect(lines).toHaveLength(22);
    expect(lines[1]).toContain('a0.json');
    expect(lines.at(-1)).toBe('  ... and 2 more (all of them in --json output)');
  });
});

describe('demo', () => {
  it('renders the load and where to go next', () => {
    const out = demo.render(result);
    expect(out.startsWith(ingest.render(result))).toBe(true);
    expect(
      out.endsWith(
        '\n\nThe demo organization is loaded. Explore it with `bin/iamatlas snapshots list` and `bin/iamatlas query --help`.\n',
      ),
    ).toBe(true);
  });
});
