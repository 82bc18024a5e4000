/**
 * Building blocks the method modules share: "make a principal I control an
 * administrator" (policy changes), "pass a role to a service that runs as it"
 * (PassRole), and "take over something that already runs as a role"
 * (existing resources).
 */
import type { ManagedPolicy } from '../../model.ts';
import type { PolicyInput } from '../../types.ts';
import type { PrincipalContext } from '../../trust/context.ts';
import { ALLOW_ALL, type Controlled, type EscalationContext, type Grant, type Step } from '../context.ts';
import { adminTarget, type EscalationEdge, type EscalationMethod } from '../types.ts';
import { inventoryEdges, type InventoryUse } from './inventory-edges.ts';

export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

type MethodInfo = Pick<EscalationMethod, 'id' | 'catalogIds' | 'needsRuntime'>;

/**
 * The edge "source makes `target` an administrator" when, after the change
 * (`identity`: the target's identity policies afterwards), the target passes
 * the admin probes under its own boundary and SCPs. A boundary that stands in
 * the way counts as gone when the source may also delete or replace it.
 */
export function adminAfterChange(
  ctx: EscalationContext,
  method: MethodInfo,
  source: PrincipalContext,
  target: Controlled,
  grants: readonly Grant[],
  identity: PolicyInput[],
  extra: { modifies?: string; caveats?: string[] } = {},
): EscalationEdge | undefined {
  const p = target.principal;
  let after = ctx.wouldBeAdmin(p, { identityPolicies: identity });
  const all = [...grants];
  if (!after && p.boundary) {
    const removal = boundaryRemoval(ctx, source, p);
    if (removal) {
      after = ctx.wouldBeAdmin(p, { identityPolicies: identity, dropBoundary: true });
      if (after) all.push(removal);
    }
  }
  if (!after) return undefined;
  const via = p.key === source.key ? undefined : p.key;
  const options: Parameters<EscalationContext['edge']>[5] = {
    // What the new administrator may do is still bounded by its SCPs (a region guard): that is the
    // admin target's business, not a condition of this edge.
    conditions: target.conditions,
    evidence: target.evidence,
    actions: target.hopActions,
  };
  if (via) options.via = via;
  if (extra.caveats) options.caveats = extra.caveats;
  if (extra.modifies) options.modifies = extra.modifies;
  return ctx.edge(source, adminTarget(p.accountId), method, 'admin', all, options);
}

/** May `source` delete or replace the permissions boundary of `p`? */
export function boundaryRemoval(
  ctx: EscalationContext,
  source: PrincipalContext,
  p: PrincipalContext,
): Grant | undefined {
  const actions =
    p.kind === 'User'
      ? ['iam:DeleteUserPermissionsBoundary', 'iam:PutUserPermissionsBoundary']
      : ['iam:DeleteRolePermissionsBoundary', 'iam:PutRolePermissionsBoundary'];
  for (const action of actions) {
    if (!ctx.mayAllow(source, action)) continue;
    const grant = ctx.check(source, action, resourceOf(ctx, p));
    if (grant) return grant;
  }
  return undefined;
}

export function resourceOf(
  ctx: EscalationContext,
  p: PrincipalContext,
): { arn: string; accountId: string; tags?: Record<string, string> } {
  const role = ctx.snapshot.roles.get(p.key);
  if (role) return { ...role.resource, accountId: p.accountId };
  const out: { arn: string; accountId: string; tags?: Record<string, string> } = {
    arn: p.key,
    accountId: p.accountId,
  };
  if (p.principal.tags) out.tags = p.principal.tags;
  return out;
}

/** Principals the source controls in its own account (IAM calls cannot cross accounts). */
export function controlledInAccount(ctx: EscalationContext, source: PrincipalContext): Controlled[] {
  return ctx.controlled(source).filter((c) => c.principal.accountId === source.accountId);
}

/** Policy changes on a user, role or group the source controls: attach or put, then grant itself everything. */
export function policyChangeMethod(
  def: Omit<EscalationMethod, 'find' | 'phase' | 'gains'> & {
    action: string;
    on: 'User' | 'Role' | 'Group';
    /** Attach* calls carry iam:PolicyARN: the attacker attaches AdministratorAccess. */
    attach: boolean;
  },
): EscalationMethod {
  return {
    ...def,
    gains: 'admin',
    phase: 2,
    find(ctx) {
      const edges: EscalationEdge[] = [];
      const context = def.attach ? { 'iam:PolicyARN': ADMINISTRATOR_ACCESS } : undefined;
      for (const source of ctx.sources) {
        if (!ctx.mayAllow(source, def.action)) continue;
        for (const target of controlledInAccount(ctx, source)) {
          const p = target.principal;
          const identity = [...p.identityPolicies, ALLOW_ALL];
          if (def.on === 'Group') {
            if (p.kind !== 'User' || !p.user) continue;
            // Group ARNs carry the group's path, so members are matched by group name.
            const names = p.user.groupNames;
            const candidates = (ctx.groupsByAccount.get(p.accountId) ?? []).filter((g) =>
              names.includes(g.name),
            );
            for (const g of ctx.matchTargets(source, def.action, candidates, (x) => x.arn)) {
              const grant = ctx.check(
                source,
                def.action,
                { arn: g.arn, accountId: g.accountId },
                { context },
              );
              if (!grant) continue;
              const edge = adminAfterChange(ctx, def, source, target, [grant], identity, { modifies: g.arn });
              if (edge) edges.push(edge);
            }
            continue;
          }
          if (p.kind !== def.on) continue;
          if (ctx.matchTargets(source, def.action, [p.key], (x) => x).length === 0) continue;
          const grant = ctx.check(source, def.action, resourceOf(ctx, p), { context });
          if (!grant) continue;
          const edge = adminAfterChange(ctx, def, source, target, [grant], identity);
          if (edge) edges.push(edge);
        }
      }
      return edges;
    },
  };
}

export interface ServiceMethodDef {
  id: string;
  title: string;
  catalogIds: string[];
  sources: string[];
  /** The service principal the role must trust, e.g. lambda.amazonaws.com. */
  service: string;
  /** The calls besides iam:PassRole, each one of its alternatives. */
  steps: Step[];
  /** EC2-style: the role must already be in an instance profile. */
  requireProfile?: boolean;
  needsRuntime?: string;
  /** Value of iam:PassedToService; defaults to `service`. */
  passedToService?: string;
  /** A second role the method must pass (Data Pipeline's pipeline role): trusted by this service. */
  alsoPass?: string;
  /** Existing-resource methods: the inventoried resource type that decides them (methods/inventory-edges.ts). */
  inventory?: InventoryUse;
}

const stepActions = (steps: readonly Step[]): string[] => steps.flatMap((s) => s.anyOf);

/** Pass a role the service trusts to a new resource of that service, which then runs as the role. */
export function passRoleMethod(def: ServiceMethodDef): EscalationMethod {
  const method: EscalationMethod = {
    id: def.id,
    title: def.title,
    catalogIds: def.catalogIds,
    sources: def.sources,
    actions: ['iam:PassRole', ...stepActions(def.steps)],
    gains: 'principal',
    phase: 1,
    service: def.service,
    find(ctx) {
      const edges: EscalationEdge[] = [];
      const passedToService = def.passedToService ?? def.service;
      const alternatives = def.steps.map((s) => s.anyOf);
      for (const source of ctx.sources) {
        if (!ctx.mayAllow(source, 'iam:PassRole') || !ctx.mayAllowSteps(source, alternatives)) continue;
        const roles = ctx
          .serviceRoles(def.service, source.accountId)
          .filter((r) => r.target.role.arn !== source.key)
          .filter((r) => !def.requireProfile || ctx.hasInstanceProfile(r.target.role.arn));
        const passable = ctx.matchTargets(source, 'iam:PassRole', roles, (r) => r.target.role.arn);
        if (passable.length === 0) continue;
        const grants = ctx.checkSteps(source, def.steps);
        if (!grants) continue;
        if (def.alsoPass) {
          const helper = passAnyRole(ctx, source, def.alsoPass);
          if (!helper) continue;
          grants.push(helper);
        }
        for (const r of passable) {
          const pass = ctx.check(source, 'iam:PassRole', r.target.resource, {
            context: { 'iam:PassedToService': passedToService },
          });
          if (!pass) continue;
          edges.push(
            ctx.edge(source, r.target.role.arn, method, 'principal', [pass, ...grants], {
              conditions: r.conditions,
              evidence: [r.edge.trustStatement],
            }),
          );
        }
      }
      return edges;
    },
  };
  if (def.needsRuntime) method.needsRuntime = def.needsRuntime;
  if (def.alsoPass) method.alsoPass = def.alsoPass;
  return method;
}

/** A PassRole grant for any role of the source's account that `service` trusts. */
function passAnyRole(ctx: EscalationContext, source: PrincipalContext, service: string): Grant | undefined {
  const roles = ctx.serviceRoles(service, source.accountId);
  for (const r of ctx.matchTargets(source, 'iam:PassRole', roles, (x) => x.target.role.arn)) {
    const grant = ctx.check(source, 'iam:PassRole', r.target.resource, {
      context: { 'iam:PassedToService': service },
    });
    if (grant) return grant;
  }
  return undefined;
}

/**
 * Change or drive an existing resource that already runs as a role the
 * service trusts. Authorization details do not list functions, stacks or
 * instances, so every such role is a candidate and the edge says what must exist;
 * where the resources inventory covers the method's resource type in the
 * source's account, the inventory decides the edges instead (inventory-edges.ts).
 */
export function existingResourceMethod(def: ServiceMethodDef & { needsRuntime: string }): EscalationMethod {
  const method: EscalationMethod = {
    id: def.id,
    title: def.title,
    catalogIds: def.catalogIds,
    sources: def.sources,
    actions: stepActions(def.steps),
    gains: 'principal',
    needsRuntime: def.needsRuntime,
    phase: 1,
    service: def.service,
    ...(def.inventory ? { inventoryType: def.inventory.type } : {}),
    find(ctx) {
      const edges: EscalationEdge[] = [];
      const alternatives = def.steps.map((s) => s.anyOf);
      for (const source of ctx.sources) {
        if (!ctx.mayAllowSteps(source, alternatives)) continue;
        const use = def.inventory;
        if (use && ctx.inventory.covers(source.accountId, use.type)) {
          edges.push(...inventoryEdges(ctx, method, { ...def, inventory: use }, source));
          continue;
        }
        const roles = ctx
          .serviceRoles(def.service, source.accountId)
          .filter((r) => r.target.role.arn !== source.key)
          .filter((r) => !def.requireProfile || ctx.hasInstanceProfile(r.target.role.arn))
          .filter((r) => ctx.runtimeTargets === 'all' || ctx.fullAdmins.has(r.target.role.arn));
        if (roles.length === 0) continue;
        const grants = ctx.checkSteps(source, def.steps);
        if (!grants) continue;
        for (const r of roles) {
          edges.push(
            ctx.edge(source, r.target.role.arn, method, 'principal', grants, {
              evidence: [r.edge.trustStatement],
            }),
          );
        }
      }
      return edges;
    },
  };
  return method;
}

/** Resource templates for the calls methods make (`{account}`, `{region}` filled in). */
export const R = {
  instance: 'arn:aws:ec2:{region}:{account}:instance/i-0a1b2c3d4e5f60718',
  spotRequest: 'arn:aws:ec2:{region}:{account}:spot-instances-request/sir-atlasprobe',
  launchTemplate: 'arn:aws:ec2:{region}:{account}:launch-template/lt-0a1b2c3d4e5f60718',
  function: 'arn:aws:lambda:{region}:{account}:function:atlas-escalation-probe',
  eventSourceMapping:
    'arn:aws:lambda:{region}:{account}:event-source-mapping:00000000-0000-0000-0000-000000000000',
  stack:
    'arn:aws:cloudformation:{region}:{account}:stack/atlas-escalation-probe/00000000-0000-0000-0000-000000000000',
  glueDevEndpoint: 'arn:aws:glue:{region}:{account}:devEndpoint/atlas-escalation-probe',
  glueJob: 'arn:aws:glue:{region}:{account}:job/atlas-escalation-probe',
  glueTrigger: 'arn:aws:glue:{region}:{account}:trigger/atlas-escalation-probe',
  notebook: 'arn:aws:sagemaker:{region}:{account}:notebook-instance/atlas-escalation-probe',
  notebookLifecycle:
    'arn:aws:sagemaker:{region}:{account}:notebook-instance-lifecycle-config/atlas-escalation-probe',
  trainingJob: 'arn:aws:sagemaker:{region}:{account}:training-job/atlas-escalation-probe',
  processingJob: 'arn:aws:sagemaker:{region}:{account}:processing-job/atlas-escalation-probe',
  codebuildProject: 'arn:aws:codebuild:{region}:{account}:project/atlas-escalation-probe',
  ecsTaskDefinition: 'arn:aws:ecs:{region}:{account}:task-definition/atlas-escalation-probe:1',
  ecsCluster: 'arn:aws:ecs:{region}:{account}:cluster/default',
  pipeline: 'arn:aws:datapipeline:{region}:{account}:pipeline/df-0123456789ABCDEFGHIJ',
  launchConfiguration:
    'arn:aws:autoscaling:{region}:{account}:launchConfiguration:00000000-0000-0000-0000-000000000000:launchConfigurationName/atlas-escalation-probe',
  autoScalingGroup:
    'arn:aws:autoscaling:{region}:{account}:autoScalingGroup:00000000-0000-0000-0000-000000000000:autoScalingGroupName/atlas-escalation-probe',
  appRunnerService: 'arn:aws:apprunner:{region}:{account}:service/atlas-escalation-probe/0123456789abcdef',
  codeInterpreter:
    'arn:aws:bedrock-agentcore:{region}:{account}:code-interpreter-custom/atlas_escalation_probe-0123456789',
  ssmDocument: 'arn:aws:ssm:{region}::document/AWS-RunShellScript',
  instanceProfile: 'arn:aws:iam::{account}:instance-profile/atlas-escalation-probe',
  ecsTask: 'arn:aws:ecs:{region}:{account}:task/default/0123456789abcdef0123456789abcdef',
  ecsContainerInstance: 'arn:aws:ecs:{region}:{account}:container-instance/default/0123456789abcdef',
  batchJobDefinition: 'arn:aws:batch:{region}:{account}:job-definition/atlas-escalation-probe:1',
  batchJobQueue: 'arn:aws:batch:{region}:{account}:job-queue/atlas-escalation-probe',
  batchComputeEnvironment: 'arn:aws:batch:{region}:{account}:compute-environment/atlas-escalation-probe',
  emrCluster: 'arn:aws:elasticmapreduce:{region}:{account}:cluster/j-ATLASPROBE0001',
  emrServerlessApplication: 'arn:aws:emr-serverless:{region}:{account}:/applications/00atlasprobe0001',
  ssmAutomationDocument: 'arn:aws:ssm:{region}:{account}:document/atlas-escalation-probe',
  ssmAutomationDefinition:
    'arn:aws:ssm:{region}:{account}:automation-definition/atlas-escalation-probe:$DEFAULT',
  glueSession: 'arn:aws:glue:{region}:{account}:session/atlas-escalation-probe',
  agentRuntime: 'arn:aws:bedrock-agentcore:{region}:{account}:runtime/atlas_escalation_probe-0123456789',
  agentRuntimeEndpoint:
    'arn:aws:bedrock-agentcore:{region}:{account}:runtime/atlas_escalation_probe-0123456789/runtime-endpoint/DEFAULT',
  workloadIdentity:
    'arn:aws:bedrock-agentcore:{region}:{account}:workload-identity-directory/default/workload-identity/atlas_escalation_probe',
  harness: 'arn:aws:bedrock-agentcore:{region}:{account}:harness/atlas_escalation_probe-0123456789',
  browser: 'arn:aws:bedrock-agentcore:{region}:{account}:browser-custom/atlas_escalation_probe-0123456789',
  braketJob: 'arn:aws:braket:{region}:{account}:job/atlas-escalation-probe',
  gameliftBuild: 'arn:aws:gamelift:{region}:{account}:build/build-00000000-0000-0000-0000-000000000000',
  gameliftFleet: 'arn:aws:gamelift:{region}:{account}:fleet/fleet-00000000-0000-0000-0000-000000000000',
  imageBuilderComponent: 'arn:aws:imagebuilder:{region}:{account}:component/atlas-escalation-probe/1.0.0/1',
  imageBuilderRecipe: 'arn:aws:imagebuilder:{region}:{account}:image-recipe/atlas-escalation-probe/1.0.0',
  imageBuilderInfrastructure:
    'arn:aws:imagebuilder:{region}:{account}:infrastructure-configuration/atlas-escalation-probe',
  imageBuilderImage: 'arn:aws:imagebuilder:{region}:{account}:image/atlas-escalation-probe/1.0.0/1',
  flinkApplication: 'arn:aws:kinesisanalytics:{region}:{account}:application/atlas-escalation-probe',
  omicsWorkflow: 'arn:aws:omics:{region}:{account}:workflow/1234567',
  omicsRun: 'arn:aws:omics:{region}:{account}:run/1234567',
  s3Object: 'arn:aws:s3:::atlas-escalation-probe/credentials.json',
  identityPool:
    'arn:aws:cognito-identity:{region}:{account}:identitypool/{region}:00000000-0000-0000-0000-000000000000',
  codedeployDeploymentGroup:
    'arn:aws:codedeploy:{region}:{account}:deploymentgroup:atlas-escalation-probe/atlas-escalation-probe',
  codedeployApplication: 'arn:aws:codedeploy:{region}:{account}:application:atlas-escalation-probe',
  codedeployConfig: 'arn:aws:codedeploy:{region}:{account}:deploymentconfig:CodeDeployDefault.AllAtOnce',
  stackSet:
    'arn:aws:cloudformation:{region}:{account}:stackset/atlas-escalation-probe:00000000-0000-0000-0000-000000000000',
  stackSetTarget:
    'arn:aws:cloudformation:{region}:{account}:stackset-target/atlas-escalation-probe:00000000-0000-0000-0000-000000000000/*',
} as const;

/** Customer-managed policies of the principal's own account attached to it (users: also through groups). */
export function attachedCustomerPolicies(ctx: EscalationContext, p: PrincipalContext): ManagedPolicy[] {
  const out = new Map<string, ManagedPolicy>();
  for (const input of p.identityPolicies) {
    const policy = ctx.policyByArn.get(input.id);
    if (policy && !policy.awsManaged && policy.accountId === p.accountId) out.set(policy.arn, policy);
  }
  return [...out.values()];
}
