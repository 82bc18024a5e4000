/** plan-check's arguments and its four renderings, without a database. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAIL_ON, parseFailOn } from '../../engine/plan/gate.ts';
import { loadPlanFile } from '../../ingest/read/plan/index.ts';
import { emptyModel, planCheck, type PlanCheckResult } from '../../query/index.ts';
import { sarifProblems } from '../../test/harness/sarif.ts';
import { CliError } from '../output.ts';
import { parse, renderMarkdown, renderSarif, renderText } from './plan-check.ts';

let attach: PlanCheckResult;

beforeAll(async () => {
  const loaded = await loadPlanFile(
    path.join('test', 'fixtures', 'plans', 'attachment-opens-admin-path.json'),
  );
  attach = await planCheck(loaded, emptyModel(), { rules: parseFailOn(DEFAULT_FAIL_ON) });
});

describe('plan-check arguments', () => {
  it('the defaults, and usage errors for a bad rule, format or account', () => {
    expect(parse('p.json', { failOn: DEFAULT_FAIL_ON, format: 'text' })).toMatchObject({
      plan: 'p.json',
      format: 'text',
      rules: [
        { rule: 'new-admin-path' },
        { rule: 'new-external-trust' },
        { rule: 'severity', atLeast: 'high' },
      ],
    });
    expect(() => parse('p', { failOn: 'severity>=urgent', format: 'text' })).toThrow(
      /--fail-on: unknown --fail-on rule "severity>=urgent"/,
    );
    expect(() => parse('p', { failOn: 'none', format: 'yaml' })).toThrow(CliError);
    expect(() => parse('p', { failOn: 'none', format: 'json', account: '1234' })).toThrow(/12-digit/);
    expect(parse('p', { failOn: 'none', format: 'json' }).rules).toEqual([]);
  });
});

describe('plan-check renderings', () => {
  it('text names the failed rules, the path with its new hop, and the address', () => {
    const out = renderText(attach);
    expect(out).toMatch(
      /^plan-check .*attachment-opens-admin-path\.json: FAILS: new-admin-path \(1\), severity>=high \(1\)/,
    );
    expect(out).toContain(
      '210987654321:service/deploy-bot -[*CAN_ESCALATE_TO (iam-attach-user-policy)*]-> admin:210987654321  (by aws_iam_user_policy_attachment.deploy_bot_iam)',
    );
  });

  it('Markdown for a pull-request comment: the verdict, the counts, the new hop in bold', () => {
    const out = renderMarkdown(attach);
    expect(out).toMatch(/^### IAM Atlas plan-check: \*\*fails\*\*/);
    expect(out).toContain('| paths to admin | 1 | 0 |');
    expect(out).toContain('**CAN\\_ESCALATE\\_TO (iam-attach-user-policy)**');
    expect(out).toContain('`aws_iam_user_policy_attachment.deploy_bot_iam`');
  });

  it('SARIF 2.1.0: valid, one rule per kind of result, located at the file and the Terraform address', () => {
    const sarif = JSON.parse(renderSarif(attach)) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[];
    };
    expect(sarifProblems(sarif)).toEqual([]);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([
      'new-admin-path',
      'finding/escalation-to-admin',
      'new-escalation',
    ]);
    expect(run.results[0]).toMatchObject({
      ruleId: 'new-admin-path',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'test/fixtures/plans/attachment-opens-admin-path.json' },
          },
          logicalLocations: [
            { fullyQualifiedName: 'aws_iam_user_policy_attachment.deploy_bot_iam', kind: 'resource' },
          ],
        },
      ],
    });
  });

  it('SARIF for a CloudFormation template carries the resource line', async () => {
    const text = JSON.stringify(
      {
        Resources: {
          Open: {
            Type: 'AWS::IAM::Role',
            Properties: {
              RoleName: 'open',
              AssumeRolePolicyDocument: {
                Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '*' } }],
              },
            },
          },
        },
      },
      null,
      2,
    );
    const { parsePlanText } = await import('../../ingest/read/plan/index.ts');
    const r = await planCheck(parsePlanText(text, 'stack.json'), emptyModel(), {
      rules: parseFailOn(DEFAULT_FAIL_ON),
      account: '210987654321',
    });
    const sarif = JSON.parse(renderSarif(r)) as {
      runs: {
        results: { ruleId: string; locations: { physicalLocation: { region?: { startLine: number } } }[] }[];
      }[];
    };
    expect(sarifProblems(sarif)).toEqual([]);
    const trust = sarif.runs[0]!.results.find((x) => x.ruleId === 'new-external-trust');
    expect(trust?.locations[0]?.physicalLocation.region).toEqual({ startLine: 3 });
  });
});

describe('the SARIF structural check itself', () => {
  it('catches what the 2.1.0 schema refuses', () => {
    expect(sarifProblems({ runs: [] })).toEqual(['$.version: must be "2.1.0"']);
    expect(
      sarifProblems({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { rules: [{ id: 'a' }] } },
            results: [
              {
                ruleId: 'b',
                ruleIndex: 0,
                level: 'fatal',
                message: {},
                locations: [{ physicalLocation: { region: { startLine: 0 } } }],
              },
            ],
            extra: 1,
          },
        ],
      }),
    ).toEqual([
      '$.runs[0].extra: not a property of run',
      '$.runs[0].tool.driver.name: required',
      '$.runs[0].results[0].message: a message needs "text" or "id"',
      '$.runs[0].results[0].level: one of none, note, warning, error',
      '$.runs[0].results[0].ruleIndex: rules[0] is not rule "b"',
      '$.runs[0].results[0].locations[0].physicalLocation: needs "address" or "artifactLocation"',
      '$.runs[0].results[0].locations[0].physicalLocation.region.startLine: an integer >= 1',
    ]);
  });
});
