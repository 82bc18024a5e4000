/**
 * The large members of the bad-input corpus, generated at test time instead
 * of committed: a 10 MB policy (as an object and URL-encoded), 100,000-entry
 * lists, and nesting 10,000 and 100,000 levels deep, whole and cut short.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { miniAuthorizationDetails } from '../harness/mini-org.ts';

export interface CorpusCase {
  outcome: 'refused' | 'accepted';
  /** A substring of the first problem (refused) or of some warning (accepted; '' for none). */
  message: string;
}

type Details = Record<string, unknown> & {
  RoleDetailList: Record<string, unknown>[];
  GroupDetailList: { GroupPolicyList: { PolicyDocument: unknown }[] }[];
};

const details = (): Details => miniAuthorizationDetails() as Details;

/** About 10 MB of statements, each a distinct bucket. */
function bigPolicy(): Record<string, unknown> {
  const Statement = Array.from({ length: 120_000 }, (_, i) => ({
    Effect: 'Allow',
    Action: ['s3:GetObject'],
    Resource: `arn:aws:s3:::bucket-${i}/*`,
  }));
  return { Version: '2012-10-17', Statement };
}

/** Writes the generated files into `dir`; returns each file's expected outcome. */
export function writeGeneratedCorpus(dir: string): Record<string, CorpusCase> {
  const cases: Record<string, CorpusCase> = {};
  const write = (name: string, text: string, expected: CorpusCase): void => {
    writeFileSync(path.join(dir, name), text);
    cases[name] = expected;
  };
  const withGroupPolicy = (document: unknown): string => {
    const d = details();
    d.GroupDetailList[0]!.GroupPolicyList[0]!.PolicyDocument = document;
    return JSON.stringify(d);
  };
  /** The mini export with `extra` spliced in as the last top-level member. */
  const withExtra = (extra: string): string => `${JSON.stringify(details()).slice(0, -1)},"Extra":${extra}`;

  const policy = bigPolicy();
  const policyText = withGroupPolicy(policy);
  if (policyText.length < 10_000_000) throw new Error('the big policy is under 10 MB');
  write('policy-10mb.json', policyText, { outcome: 'accepted', message: '' });
  write('policy-10mb-url-encoded.json', withGroupPolicy(encodeURIComponent(JSON.stringify(policy))), {
    outcome: 'accepted',
    message: '',
  });

  const nulls: Record<string, unknown> = details();
  nulls.RoleDetailList = [...details().RoleDetailList, ...new Array<null>(100_000).fill(null)];
  write('array-100k-null-roles.json', JSON.stringify(nulls), {
    outcome: 'refused',
    message: 'at RoleDetailList[2]: wrong type: null; expected an object',
  });
  const tags = details();
  tags.RoleDetailList[0]!.Tags = Array.from({ length: 100_000 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  write('array-100k-tags.json', JSON.stringify(tags), { outcome: 'accepted', message: '' });
  write(
    'array-100k-actions.json',
    withGroupPolicy({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: Array.from({ length: 100_000 }, (_, i) => `s3:Get${i}`), Resource: '*' },
      ],
    }),
    { outcome: 'accepted', message: '' },
  );

  const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
  write('nest-10k-unknown-field.json', `${withExtra(deep(10_000))}}`, { outcome: 'accepted', message: '' });
  write('nest-100k-unknown-field.json', `${withExtra(deep(100_000))}}`, { outcome: 'accepted', message: '' });
  write('nest-10k-cut-short.json', withExtra('['.repeat(10_000)), {
    outcome: 'refused',
    message: 'the file ends early or is not valid JSON',
  });
  write('nest-10k-objects-cut-short.json', withExtra(`${'{"a":'.repeat(10_000)}1${'}'.repeat(9_999)}`), {
    outcome: 'refused',
    message: 'the file ends early or is not valid JSON',
  });
  // JSON.stringify recurses; deep values are spliced into the text in place of a marker instead.
  const splice = (text: string, deepText: string): string => text.replace('"__DEEP__"', deepText);
  write(
    'nest-10k-in-policy.json',
    splice(
      withGroupPolicy({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: '*',
            Resource: '*',
            Condition: { StringEquals: { 'aws:username': '__DEEP__' } },
          },
        ],
      }),
      deep(10_000),
    ),
    { outcome: 'refused', message: 'the policy document is nested more than 32 levels deep' },
  );
  const roleEntry = details();
  roleEntry.RoleDetailList[0]!.RoleLastUsed = '__DEEP__';
  write(
    'nest-10k-role-field.json',
    splice(JSON.stringify(roleEntry), `${'{"x":'.repeat(10_000)}{}${'}'.repeat(10_000)}`),
    {
      outcome: 'accepted',
      message: '',
    },
  );
  return cases;
}
