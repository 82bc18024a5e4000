/**
 * The argument objects of the queries the command line and the API call, as zod
 * schemas: one module with no driver, no engine and no Cypher, so a command can
 * check its arguments (and `iamatlas --help` can start) without loading the
 * query layer. Each query module re-exports its own schema from here.
 *
 * Written with zod's small build (https://zod.dev/packages/mini), as ./args.ts is: the full
 * build takes a visible part of a command's start to load. The messages are the full build's
 * English ones (./args.ts sets them).
 */
import * as z from 'zod/mini';
import { SEVERITY_ORDER, type Severity } from '../engine/findings/finding.ts';
import { RESOURCE_TYPES } from '../engine/resources/model.ts';
import { ACCESS_LEVELS, type ZoneOfTrust } from '../engine/resources/types.ts';
import {
  actionSchema,
  contextSchema,
  DEFAULT_ESCALATION_MAX_HOPS,
  DEFAULT_PATHS_LIMIT,
  DEFAULT_REACH_LIMIT,
  limitSchema,
  MAX_PATHS_LIMIT,
  MAX_REACH_LIMIT,
  MAX_WHO_CAN_LIMIT,
  maxHopsSchema,
  sessionPolicySchema,
} from './args.ts';
import type { Assumptions } from './assumptions.ts';

/** Analyst assumptions (./assumptions.ts): a boolean per category, no other keys. */
export const assumptionsSchema: z.ZodMiniType<Assumptions> = z.strictObject({
  mfa: z.optional(z.boolean()),
  externalId: z.optional(z.boolean()),
  network: z.optional(z.boolean()),
  federation: z.optional(z.boolean()),
  region: z.optional(z.boolean()),
  other: z.optional(z.boolean()),
});

// ------------------------------------------------------------------ reachability (reachability.ts)

export const whoCanAssumeArgs = z.object({
  role: z.string().check(z.minLength(1)),
  maxHops: z.optional(maxHopsSchema),
  limit: z.optional(limitSchema(MAX_REACH_LIMIT)),
  assumptions: z.optional(assumptionsSchema),
});
export type WhoCanAssumeArgs = z.infer<typeof whoCanAssumeArgs>;

export const reachableFromArgs = z.object({
  principal: z.string().check(z.minLength(1)),
  maxHops: z.optional(maxHopsSchema),
  limit: z.optional(limitSchema(MAX_REACH_LIMIT)),
  assumptions: z.optional(assumptionsSchema),
});
export type ReachableFromArgs = z.infer<typeof reachableFromArgs>;

export const pathsArgs = z.object({
  from: z.string().check(z.minLength(1)),
  to: z.string().check(z.minLength(1)),
  maxHops: z.optional(maxHopsSchema),
  limit: z.optional(limitSchema(MAX_PATHS_LIMIT)),
  assumptions: z.optional(assumptionsSchema),
});
export type PathsArgs = z.infer<typeof pathsArgs>;

// ------------------------------------------------------------------ escalation paths (escalation.ts)

export const escalationPathsArgs = z.object({
  from: z.string().check(z.minLength(1)),
  /** A principal's key, or 'admin' (also the default): an edge that gains admin, or a principal that is admin. */
  to: z.optional(z.string().check(z.minLength(1))),
  maxHops: z._default(maxHopsSchema, DEFAULT_ESCALATION_MAX_HOPS),
  limit: z._default(limitSchema(MAX_PATHS_LIMIT), DEFAULT_PATHS_LIMIT),
  assumptions: z.optional(assumptionsSchema),
  /** Also walks of CAN_ASSUME edges only (e.g. a user who can simply assume an admin role). */
  includeAssumeOnly: z.optional(z.boolean()),
});
/** As callers give them: maxHops and limit may be left out (defaults above). */
export type EscalationPathsInput = z.input<typeof escalationPathsArgs>;
export type EscalationArgs = z.output<typeof escalationPathsArgs>;

export const escalationsArgs = z.extend(escalationPathsArgs, {
  /** Where paths start; without it, every principal an escalation-to-admin finding names. */
  from: z.optional(z.string().check(z.minLength(1))),
  to: z._default(z.string().check(z.minLength(1)), 'admin'),
});
export type EscalationsInput = z.input<typeof escalationsArgs>;

// ------------------------------------------------------------------ one request (evaluate.ts, who-can.ts)

const PARTITIONS = /^(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)$/;

/** What is wrong with a resource ARN, in words that say what would fix it; undefined when it is well formed. */
export function resourceArnProblem(arn: string): string | undefined {
  if (arn === '*') return undefined;
  const example = 'e.g. arn:aws:s3:::bucket/key or arn:aws:iam::111111111111:role/name, or *';
  if (!arn.startsWith('arn:')) return `"${arn}" is not an ARN: an ARN starts with arn: (${example})`;
  const parts = arn.split(':');
  if (parts.length < 6)
    return `"${arn}" has ${parts.length} colon-separated parts; an ARN has six: arn:partition:service:region:account:resource (${example})`;
  const [, partition = '', service = '', , account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITIONS.test(partition))
    return `"${arn}": partition "${partition}" is not an AWS partition (aws, aws-cn, aws-us-gov, ...)`;
  if (!/^[a-z0-9-]+$/.test(service))
    return `"${arn}": service "${service}" is not a service prefix (lower-case letters, digits, -)`;
  if (account !== '' && !/^\d{12}$/.test(account))
    return `"${arn}": account "${account}" is not a 12-digit account id`;
  if ((service === 'iam' || service === 'sts') && account === '')
    return `"${arn}": an ${service} ARN names its account (arn:aws:${service}::111111111111:...)`;
  if (resource === '') return `"${arn}" names no resource after the account`;
  return undefined;
}

export const canAssumeArgs = z.object({
  principal: z.string().check(z.minLength(1)),
  role: z.string().check(z.minLength(1)),
  action: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext)$/,
          'use sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity or sts:SetContext',
        ),
      ),
  ),
  context: z.optional(contextSchema),
  contextComplete: z.optional(z.boolean()),
  sessionPolicy: z.optional(sessionPolicySchema),
});
export type CanAssumeArgs = z.infer<typeof canAssumeArgs>;

export const simulateArgs = z.object({
  principal: z.string().check(z.minLength(1)),
  action: actionSchema,
  resource: z.string().check(
    z.superRefine((arn, check) => {
      const problem = resourceArnProblem(arn);
      if (problem) check.addIssue({ code: 'custom', message: problem });
    }),
  ),
  context: z.optional(contextSchema),
  contextComplete: z.optional(z.boolean()),
  sessionPolicy: z.optional(sessionPolicySchema),
});
export type SimulateArgs = z.infer<typeof simulateArgs>;

export const whoCanArgs = z.object({
  action: actionSchema.check(
    z.refine((a) => !/[*?]/.test(a), 'a request names one action: give it without * or ?, e.g. s3:GetObject'),
  ),
  resource: simulateArgs.shape.resource,
  context: z.optional(contextSchema),
  /** The context is the whole request: keys it does not give are absent, not unknown. */
  contextComplete: z.optional(z.boolean()),
  viaRoles: z.optional(z.boolean()),
  /** CAN_ASSUME hops `viaRoles` follows back from the allowed roles. */
  maxHops: z.optional(maxHopsSchema),
  limit: z.optional(limitSchema(MAX_WHO_CAN_LIMIT)),
});
export type WhoCanArgs = z.infer<typeof whoCanArgs>;
/** whoCan's bounds on their own: the command line checks them even when it walks no roles. */
export const whoCanBoundsArgs = z.pick(whoCanArgs, { maxHops: true, limit: true });

// ------------------------------------------------------------------ findings (findings.ts)

const accountSchema = z
  .string()
  .check(z.regex(/^\d{12}$/, 'an account is a 12-digit id such as 123456789012'));

export const findingsArgs = z.object({
  severity: z.optional(z.enum(SEVERITY_ORDER as unknown as [Severity, ...Severity[]])),
  kind: z.optional(z.string().check(z.minLength(1))),
  account: z.optional(accountSchema),
});
export type FindingsArgs = z.infer<typeof findingsArgs>;

// ------------------------------------------------------------------ people (people.ts)

export const personReachArgs = z.object({
  person: z.string().check(z.minLength(1)),
  maxHops: z._default(maxHopsSchema, DEFAULT_ESCALATION_MAX_HOPS),
  limit: z._default(limitSchema(MAX_REACH_LIMIT), DEFAULT_REACH_LIMIT),
});
export type PersonReachInput = z.input<typeof personReachArgs>;

export const peopleWhoCanReachArgs = z
  .object({
    /** A role's ARN or key, or `admin` for administrator of `account` (of any account without it). */
    role: z.string().check(z.minLength(1)),
    account: z.optional(z.string().check(z.regex(/^\d{12}$/, 'an account id is 12 digits'))),
    maxHops: z._default(maxHopsSchema, DEFAULT_ESCALATION_MAX_HOPS),
  })
  .check(
    z.refine((a) => a.role === 'admin' || a.account === undefined, {
      message: 'account goes with role "admin" (a role ARN names its account already)',
      path: ['account'],
    }),
  );
export type PeopleWhoCanReachInput = z.input<typeof peopleWhoCanReachArgs>;

// ------------------------------------------------------------------ resources (resources.ts)

/**
 * Access levels as the Service Authorization Reference classifies actions (engine/resources/types.ts):
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_understand-policy-summary-access-level-summaries.html
 */
export const accessLevelSchema = z.enum(ACCESS_LEVELS, {
  error: () => `a level is one of ${ACCESS_LEVELS.join(', ')}`,
});

const resourceArnSchema = z.string().check(
  z.minLength(1),
  z.superRefine((arn, check) => {
    const problem = arn === '*' ? 'give one resource ARN, not *' : resourceArnProblem(arn);
    if (problem) check.addIssue({ code: 'custom', message: problem });
  }),
);

export const resourceArgs = z.object({ arn: resourceArnSchema });
export type ResourceArgs = z.infer<typeof resourceArgs>;

export const whoCanAccessArgs = z.object({
  resource: resourceArnSchema,
  level: z.optional(accessLevelSchema),
  /** Also who reaches a direct caller through role chains, escalation and Identity Center sign-in (default true). */
  includePaths: z._default(z.boolean(), true),
  maxHops: z._default(maxHopsSchema, DEFAULT_ESCALATION_MAX_HOPS),
  limit: z._default(limitSchema(MAX_REACH_LIMIT), DEFAULT_REACH_LIMIT),
  assumptions: z.optional(assumptionsSchema),
});
export type WhoCanAccessInput = z.input<typeof whoCanAccessArgs>;

export const canAccessArgs = z.object({
  principal: z.string().check(z.minLength(1)),
  level: z.optional(accessLevelSchema),
  maxHops: z._default(maxHopsSchema, DEFAULT_ESCALATION_MAX_HOPS),
  limit: z._default(limitSchema(MAX_REACH_LIMIT), DEFAULT_REACH_LIMIT),
  assumptions: z.optional(assumptionsSchema),
});
export type CanAccessInput = z.input<typeof canAccessArgs>;

/** Zones of trust, as Access Analyzer's analyzers choose them (engine/resources/types.ts). */
export const ZONES_OF_TRUST = ['account', 'organization'] as const satisfies readonly ZoneOfTrust[];

export const externalAccessArgs = z.object({
  zone: z.optional(z.enum(ZONES_OF_TRUST, { error: () => 'a zone of trust is account or organization' })),
  type: z.optional(
    z.enum(RESOURCE_TYPES, { error: () => `a resource type is one of ${RESOURCE_TYPES.join(', ')}` }),
  ),
  level: z.optional(accessLevelSchema),
  publicOnly: z._default(z.boolean(), false),
  account: z.optional(accountSchema),
  offset: z._default(z.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(limitSchema(MAX_REACH_LIMIT), DEFAULT_REACH_LIMIT),
});
export type ExternalAccessInput = z.input<typeof externalAccessArgs>;

export const listResourcesArgs = z.object({
  /** Part of the ARN or name (case-insensitive). */
  search: z.optional(z.string().check(z.trim(), z.minLength(1))),
  type: externalAccessArgs.shape.type,
  account: externalAccessArgs.shape.account,
  offset: externalAccessArgs.shape.offset,
  limit: externalAccessArgs.shape.limit,
});
export type ListResourcesInput = z.input<typeof listResourcesArgs>;
