/**
 * The resources inventory as the existing-resource escalation methods use it:
 * which function, instance, stack, notebook, project, endpoint or service of
 * an account runs as which role. Built from `model.resources` (the
 * `ACCOUNT.resources.json` files, docs/graph-model.md#input-files). Pure.
 *
 * When the inventory covers a resource type in an account (see `covers`), the
 * methods that act on a resource of that type are decided there: an edge goes
 * only to a role some listed resource runs as, and the caller's calls are
 * evaluated on that resource's ARN. Elsewhere they keep `needsRuntime`.
 */
import type { InstanceProfile, Role, SnapshotModel } from '../model.ts';
import type { Resource, ResourceType } from '../resources/model.ts';

/**
 * Types whose role AWS requires when the resource is created, so a listed
 * resource without `settings.roleArn` means the role was not collected (not
 * "runs as no role"), and the type is not covered in that account:
 * - Lambda `CreateFunction` `Role`: https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
 * - CodeBuild `CreateProject` `serviceRole`: https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html
 * - SageMaker `CreateNotebookInstance` `RoleArn`: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateNotebookInstance.html
 * - Glue `CreateDevEndpoint` `RoleArn`: https://docs.aws.amazon.com/glue/latest/webapi/API_CreateDevEndpoint.html
 *
 * The others may run without a role of their own: an EC2 instance without an
 * instance profile, a CloudFormation stack without a service role (it then
 * uses the caller's credentials), an ECS service whose task definition names
 * no task role.
 */
const ROLE_REQUIRED: ReadonlySet<ResourceType> = new Set([
  'lambda-function',
  'codebuild-project',
  'sagemaker-notebook',
  'glue-dev-endpoint',
]);

/** What people read in reasons, per type. */
export const RESOURCE_LABELS: Partial<Record<ResourceType, string>> = {
  'lambda-function': 'Lambda function',
  'ec2-instance': 'EC2 instance',
  'glue-dev-endpoint': 'Glue development endpoint',
  'cloudformation-stack': 'CloudFormation stack',
  'sagemaker-notebook': 'SageMaker notebook instance',
  'ecs-service': 'ECS service',
  'codebuild-project': 'CodeBuild project',
};

/** A listed resource that runs as a role. */
export interface RunsAs {
  resource: Resource;
  role: string;
  /** EC2: the instance profile that holds the role. */
  instanceProfileArn?: string;
}

const key = (accountId: string, type: ResourceType): string => `${accountId}\u0000${type}`;

export class Inventory {
  /** Accounts with at least one listed resource. */
  readonly accounts: ReadonlySet<string>;
  private readonly listed = new Set<string>();
  private readonly incomplete = new Set<string>();
  private readonly runsAs = new Map<string, Map<string, RunsAs[]>>();

  constructor(
    model: Pick<SnapshotModel, 'resources' | 'instanceProfiles'> & {
      roles: readonly Pick<Role, 'arn' | 'instanceProfileArns'>[];
    },
  ) {
    const accounts = new Set<string>();
    const profiles = new Map<string, InstanceProfile>(model.instanceProfiles.map((ip) => [ip.arn, ip]));
    // A role's own list of profiles, for profiles the snapshot lists only on the role.
    const profileRoles = new Map<string, string[]>();
    for (const r of model.roles) {
      for (const ip of r.instanceProfileArns) profileRoles.set(ip, [...(profileRoles.get(ip) ?? []), r.arn]);
    }
    for (const resource of model.resources ?? []) {
      accounts.add(resource.accountId);
      const k = key(resource.accountId, resource.type);
      this.listed.add(k);
      const runs: RunsAs[] = [];
      const { roleArn, instanceProfileArn } = resource.settings;
      if (typeof roleArn === 'string' && roleArn) runs.push({ resource, role: roleArn });
      else if (ROLE_REQUIRED.has(resource.type)) this.incomplete.add(k);
      if (resource.type === 'ec2-instance' && typeof instanceProfileArn === 'string' && instanceProfileArn) {
        const roles =
          profiles.get(instanceProfileArn)?.roleArns ?? profileRoles.get(instanceProfileArn) ?? [];
        for (const role of roles) runs.push({ resource, role, instanceProfileArn });
      }
      if (runs.length === 0) continue;
      let byRole = this.runsAs.get(k);
      if (!byRole) this.runsAs.set(k, (byRole = new Map()));
      for (const run of runs) byRole.set(run.role, [...(byRole.get(run.role) ?? []), run]);
    }
    this.accounts = accounts;
  }

  /**
   * The inventory covers a type in an account when it lists at least one
   * resource of that type there, and (for types whose role AWS requires)
   * every one of them names its role. A file that lists other types only
   * (say, buckets for their policies) says nothing about functions or
   * instances: an empty list cannot be told from a type that was not
   * collected, so that account keeps the undecided edges.
   */
  covers(accountId: string, type: ResourceType): boolean {
    const k = key(accountId, type);
    return this.listed.has(k) && !this.incomplete.has(k);
  }

  /** Listed resources of `type` in `accountId` that run as `roleArn`. */
  runningAs(accountId: string, type: ResourceType, roleArn: string): readonly RunsAs[] {
    return this.runsAs.get(key(accountId, type))?.get(roleArn) ?? [];
  }
}
