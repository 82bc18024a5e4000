/**
 * Findings as IAM Access Analyzer gives them for external access, one per
 * (resource, caller) outside the zone of trust, with the statement and the
 * conditions that grant it:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html
 *
 * - `public-access`: anyone can use the resource (a public grant by S3's
 *   definition, not cut by Block Public Access). Severity critical when it
 *   reaches write or permissions-management, high otherwise.
 * - `external-access`: a caller outside the zone of trust (another account,
 *   or outside the organization; anyone on a condition). Severity high when
 *   it reaches write or permissions-management, medium otherwise.
 *
 * As in Access Analyzer, AWS service principals get no finding, and access
 * inside the zone is not reported.
 */
import { findingId, type Finding, type Severity } from '../findings/index.ts';
import type { StatementRef } from '../types.ts';
import type { ResourcePlan } from './plan.ts';
import {
  isPublicEdge,
  type AccessLevel,
  type CanAccessEdge,
  type LevelAccess,
  type ZoneOfTrust,
} from './types.ts';

export const RESOURCE_FINDING_KINDS = ['public-access', 'external-access'] as const;
export type ResourceFindingKind = (typeof RESOURCE_FINDING_KINDS)[number];

const STRONG: ReadonlySet<AccessLevel> = new Set(['write', 'permissions-management']);

const TYPE_LABEL: Record<string, string> = {
  's3-bucket': 'S3 bucket',
  'kms-key': 'KMS key',
  'sqs-queue': 'SQS queue',
  'sns-topic': 'SNS topic',
  'lambda-function': 'Lambda function',
  'secretsmanager-secret': 'Secrets Manager secret',
  'ecr-repository': 'ECR repository',
};

/** Is the edge's caller outside the zone of trust? */
export function outsideZone(
  edge: Pick<CanAccessEdge, 'fromKind' | 'crossAccount' | 'crossOrganization'>,
  zone: ZoneOfTrust,
): boolean {
  if (edge.fromKind === 'ServicePrincipal') return false;
  if (edge.fromKind === 'Anyone') return true;
  return zone === 'organization' ? edge.crossOrganization : edge.crossAccount;
}

function callerLabel(edge: CanAccessEdge): string {
  switch (edge.fromKind) {
    case 'Anyone':
      return 'anyone';
    case 'Account':
      return `account ${edge.from}`;
    default:
      return edge.from;
  }
}

function slimRef(ref: StatementRef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    policyId: ref.policyId,
    policyKind: ref.policyKind,
    statementIndex: ref.statementIndex,
    effect: ref.effect,
  };
  if (ref.sid !== undefined) out.sid = ref.sid;
  return out;
}

function slimStatement(level: LevelAccess): Record<string, unknown> | undefined {
  return level.resourceStatement ? slimRef(level.resourceStatement) : undefined;
}

export function resourceFindings(
  edges: readonly CanAccessEdge[],
  plans: ReadonlyMap<string, ResourcePlan>,
  zone: ZoneOfTrust,
): Finding[] {
  const findings: Finding[] = [];
  for (const first of edges) {
    const group = first.levels;
    const isPublic = isPublicEdge(first);
    if (!isPublic && !outsideZone(first, zone)) continue;
    const plan = plans.get(first.to);
    const kind: ResourceFindingKind = isPublic ? 'public-access' : 'external-access';
    const levels = group.map((e) => e.level);
    const strong = levels.some((l) => STRONG.has(l));
    const severity: Severity = isPublic ? (strong ? 'critical' : 'high') : strong ? 'high' : 'medium';
    const what = `${TYPE_LABEL[plan?.type ?? ''] ?? 'resource'} ${plan?.resource.name ?? first.to}`;
    const who = callerLabel(first);
    const title = isPublic
      ? `Public access: anyone can ${levels.join(', ')} ${what}`
      : `External access: ${who} can ${levels.join(', ')} ${what}`;
    const conditions = [
      ...new Set(
        group.flatMap((e) => e.conditions.map((c) => `${c.key} ${c.operator} ${c.values.join(' | ')}`)),
      ),
    ];
    const statements = group.map((e) => e.resourceStatement).filter((s) => s !== undefined);
    const cited = [
      ...new Set(
        statements.map((s) => `${s.policyId} statement ${s.statementIndex}${s.sid ? ` ("${s.sid}")` : ''}`),
      ),
    ];
    const zoneWords =
      zone === 'organization' ? 'the organization' : `account ${plan?.resource.accountId ?? ''}`;
    const why = [
      isPublic
        ? `${what} (${first.to}) is open to anyone: ${cited.join('; ') || 'its policy'} grants a principal of "*" without pinning it to an account, organization, network or source (S3's definition of public).`
        : `${who} is outside the zone of trust (${zoneWords}) and can ${levels.join(', ')} ${what} (${first.to}) through ${cited.join('; ') || 'its policy'}.`,
      `Actions: ${[...new Set(group.flatMap((e) => e.actions))].join(', ')}.`,
      conditions.length > 0
        ? `Only when these request conditions hold: ${conditions.join('; ')}.`
        : 'No request condition limits it.',
      strong ? 'It can change the resource or its permissions.' : 'It can read or list the resource.',
    ].join(' ');
    findings.push({
      id: findingId(kind, [first.to, first.from]),
      kind,
      severity,
      title,
      why,
      subjects: [first.to, first.from],
      evidence: {
        levels,
        actions: Object.fromEntries(group.map((e) => [e.level, e.actions])),
        statements: group.map(slimStatement).filter((s) => s !== undefined),
        conditions,
        via: [...new Set(group.map((e) => e.via))],
        zoneOfTrust: zone,
        // Per access level, what a reader of the finding needs without the edges: the actions, the
        // granting statement and the request-time conditions, each condition with the statement it is from.
        perLevel: group.map((e) => {
          const entry: Record<string, unknown> = {
            level: e.level,
            actions: e.actions,
            conditions: e.conditions.map((c) => ({
              key: c.key,
              operator: c.operator,
              values: c.values,
              mustHold: c.mustHold,
              source: slimRef(c.source),
            })),
          };
          const statement = slimStatement(e);
          if (statement) entry.statement = statement;
          return entry;
        }),
      },
    });
  }
  return findings;
}
