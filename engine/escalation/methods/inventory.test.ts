/**
 * Existing-resource methods with a resources inventory: a positive (a listed
 * resource runs as the administrator role: a decided edge naming it) and two
 * near misses (the inventory lists only a resource running as another role;
 * the caller's policy names only that other resource's ARN) per method, each
 * citing the API page of the call that acts on the resource.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SnapshotModel } from '../../model.ts';
import type { Resource, ResourceType } from '../../resources/model.ts';
import { roleArn } from '../../trust/test-model.ts';
import { analyseEscalation } from '../escalate.ts';
import { escalationFindings } from '../findings.ts';
import { EscalationGraph } from '../paths.ts';
import { A, allow, edgesFrom, run, targetsOf } from '../test-support.ts';
import type { EscalationMethod } from '../types.ts';
import { cloudformationChangeSet } from './existing/cloudformation-change-set.ts';
import { cloudformationUpdateStack } from './existing/cloudformation-update-stack.ts';
import { codebuildStartBuild } from './existing/codebuild-start-build.ts';
import { ec2InstanceConnect } from './existing/ec2-instance-connect.ts';
import { ec2UserData } from './existing/ec2-user-data.ts';
import { ecsExecuteCommand, taskOfService } from './existing/ecs-execute-command.ts';
import { glueUpdateDevEndpoint } from './existing/glue-update-dev-endpoint.ts';
import { lambdaUpdateFunctionCode } from './existing/lambda-update-function-code.ts';
import { lambdaUpdateFunctionConfiguration } from './existing/lambda-update-function-configuration.ts';
import { sagemakerLifecycleConfig } from './existing/sagemaker-lifecycle-config.ts';
import { sagemakerPresignedUrl } from './existing/sagemaker-presigned-url.ts';
import { ssmSendCommand } from './existing/ssm-send-command.ts';
import { ssmStartSession } from './existing/ssm-start-session.ts';
import { ALL_METHODS } from './index.ts';
import { build, serviceActions } from './method-test-support.ts';

const REGION = 'us-east-1';
const profileOf = (role: string): string => role.replace(':role/', ':instance-profile/');

const ARNS: Partial<Record<ResourceType, (name: string) => string>> = {
  'lambda-function': (n) => `arn:aws:lambda:${REGION}:${A}:function:${n}`,
  'ec2-instance': (n) => `arn:aws:ec2:${REGION}:${A}:instance/i-0${n.length}a1b2c3d4e5f6${n.charCodeAt(0)}`,
  'glue-dev-endpoint': (n) => `arn:aws:glue:${REGION}:${A}:devEndpoint/${n}`,
  'cloudformation-stack': (n) =>
    `arn:aws:cloudformation:${REGION}:${A}:stack/${n}/11111111-2222-3333-4444-555555555555`,
  'sagemaker-notebook': (n) => `arn:aws:sagemaker:${REGION}:${A}:notebook-instance/${n}`,
  'ecs-service': (n) => `arn:aws:ecs:${REGION}:${A}:service/${n}-cluster/${n}`,
  'codebuild-project': (n) => `arn:aws:codebuild:${REGION}:${A}:project/${n}`,
};

/** A listed resource of `type` that runs as `role` (EC2: through the role's instance profile). */
function runningAs(type: ResourceType, name: string, role: string, extra: Partial<Resource> = {}): Resource {
  const arn = ARNS[type]!(name);
  return {
    arn,
    type,
    accountId: A,
    region: REGION,
    name,
    settings: type === 'ec2-instance' ? { instanceProfileArn: profileOf(role) } : { roleArn: role },
    tags: [],
    sensitive: false,
    source: { path: `${A}.resources.json`, jsonPath: '$.resources[0]' },
    ...extra,
  };
}

interface Case {
  method: EscalationMethod;
  type: ResourceType;
  /** The AWS API page of the call on the resource. */
  api: string;
  /** The ARN the calls on the resource name (ECS Exec: a task of the service). */
  callArn?: (r: Resource) => string;
  /** Resources of the method's other calls (which act on something the caller creates). */
  others?: string[];
}

const CASES: Case[] = [
  {
    method: lambdaUpdateFunctionCode,
    type: 'lambda-function',
    api: 'https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionCode.html',
  },
  {
    method: lambdaUpdateFunctionConfiguration,
    type: 'lambda-function',
    api: 'https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html',
  },
  {
    method: glueUpdateDevEndpoint,
    type: 'glue-dev-endpoint',
    api: 'https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateDevEndpoint.html',
  },
  {
    method: cloudformationUpdateStack,
    type: 'cloudformation-stack',
    api: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_UpdateStack.html',
  },
  {
    method: cloudformationChangeSet,
    type: 'cloudformation-stack',
    api: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html',
  },
  {
    method: codebuildStartBuild,
    type: 'codebuild-project',
    api: 'https://docs.aws.amazon.com/codebuild/latest/APIReference/API_StartBuild.html',
  },
  {
    method: sagemakerPresignedUrl,
    type: 'sagemaker-notebook',
    api: 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreatePresignedNotebookInstanceUrl.html',
  },
  {
    method: sagemakerLifecycleConfig,
    type: 'sagemaker-notebook',
    api: 'https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateNotebookInstance.html',
    others: [`arn:aws:sagemaker:*:${A}:notebook-instance-lifecycle-config/*`],
  },
  {
    method: ssmSendCommand,
    type: 'ec2-instance',
    api: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_SendCommand.html',
  },
  {
    method: ssmStartSession,
    type: 'ec2-instance',
    api: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartSession.html',
  },
  {
    method: ec2InstanceConnect,
    type: 'ec2-instance',
    api: 'https://docs.aws.amazon.com/ec2-instance-connect/latest/APIReference/API_SendSSHPublicKey.html',
  },
  {
    method: ec2UserData,
    type: 'ec2-instance',
    api: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html',
  },
  {
    method: ecsExecuteCommand,
    type: 'ecs-service',
    api: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommand.html',
    callArn: taskOfService,
  },
];

const withResources = (model: SnapshotModel, resources: Resource[]): SnapshotModel => {
  model.resources = resources;
  return model;
};

describe('existing-resource methods decided by the resources inventory', () => {
  for (const c of CASES) {
    const { method } = c;
    it(`${method.id}: a listed ${c.type} running as the administrator role gives a decided edge naming it (${c.api})`, () => {
      const { model, source, target } = build(method);
      const resource = runningAs(c.type, 'app', target);
      const a = run(withResources(model, [resource]));
      const edge = edgesFrom(a, source, method.id).find((e) => e.to === target);
      expect(edge, JSON.stringify(a.edges.map((e) => [e.method, e.to]))).toBeDefined();
      expect(edge?.needsRuntime).toBeUndefined();
      expect(edge?.modifies).toBe(resource.arn);
      expect(edge?.evidence.some((e) => e.policyKind === 'trust' && e.policyId === target)).toBe(true);
      expect(edge?.evidence.some((e) => e.policyKind === 'identity')).toBe(true);
      expect(a.stats.inventoryEdges).toBeGreaterThan(0);
    });

    it(`${method.id}: near miss, the inventory lists only a ${c.type} running as another role (${c.api})`, () => {
      const { model, source, target, harmless } = build(method);
      const a = run(withResources(model, [runningAs(c.type, 'other', harmless)]));
      expect(targetsOf(a, source, method.id)).toEqual([harmless]);
      expect(a.stats.inventoryRemovals).toContainEqual(
        expect.objectContaining({ from: source, to: target, method: method.id, reason: 'no-resource' }),
      );
      expect(a.stats.inventoryRemovedNoResource).toBeGreaterThan(0);
    });

    it(`${method.id}: near miss, the caller's policy names only another ${c.type}'s ARN (${c.api})`, () => {
      const probe = build(method);
      const admin = runningAs(c.type, 'app', probe.target);
      const other = runningAs(c.type, 'other', probe.harmless);
      const scoped = [(c.callArn ?? ((r: Resource) => r.arn))(other), ...(c.others ?? [])];
      const { model, source, target, harmless } = build(method, {
        sourcePolicies: [allow(serviceActions(method), scoped)],
      });
      const a = run(withResources(model, [admin, other]));
      expect(targetsOf(a, source, method.id)).toEqual([harmless]);
      // Recorded as removed only when the method would have had the edge without the inventory.
      expect(a.stats.inventoryRemovals.filter((r) => r.to === target).map((r) => r.reason)).not.toContain(
        'no-resource',
      );
    });
  }
});

describe('what the inventory covers', () => {
  it('an inventory of other types (buckets only) leaves the method undecided, as without one', () => {
    const { model, source, target } = build(lambdaUpdateFunctionCode);
    const bucket: Resource = {
      ...runningAs('lambda-function', 'x', target),
      arn: 'arn:aws:s3:::demo-bucket',
      type: 's3-bucket',
      name: 'demo-bucket',
      settings: {},
    };
    const edge = edgesFrom(run(withResources(model, [bucket])), source, lambdaUpdateFunctionCode.id).find(
      (e) => e.to === target,
    );
    expect(edge?.needsRuntime).toBe(lambdaUpdateFunctionCode.needsRuntime);
  });

  it('a listed function without its role (CreateFunction requires one) leaves the type undecided', () => {
    // https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html (Role: required)
    const { model, source, target, harmless } = build(lambdaUpdateFunctionCode);
    const a = run(
      withResources(model, [
        runningAs('lambda-function', 'known', harmless),
        { ...runningAs('lambda-function', 'unknown', target), settings: {} },
      ]),
    );
    const edge = edgesFrom(a, source, lambdaUpdateFunctionCode.id).find((e) => e.to === target);
    expect(edge?.needsRuntime).toBe(lambdaUpdateFunctionCode.needsRuntime);
  });

  it("another account's inventory does not decide this account's methods", () => {
    const { model, source, target } = build(lambdaUpdateFunctionCode);
    const elsewhere = { ...runningAs('lambda-function', 'x', target), accountId: '222222222222' };
    const edge = edgesFrom(run(withResources(model, [elsewhere])), source, lambdaUpdateFunctionCode.id).find(
      (e) => e.to === target,
    );
    expect(edge?.needsRuntime).toBe(lambdaUpdateFunctionCode.needsRuntime);
  });

  it('decided edges reach non-administrator roles too, with the default runtimeTargets', () => {
    // Without the inventory the default keeps only administrator targets; a listed function decides it.
    const { model, source, harmless } = build(lambdaUpdateFunctionCode);
    const a = analyseEscalation(withResources(model, [runningAs('lambda-function', 'logs', harmless)]));
    expect(targetsOf(a, source, lambdaUpdateFunctionCode.id)).toEqual([harmless]);
  });
});

describe('the resource decides conditions and policies on it', () => {
  // Resource tags in policies: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html#access_tags_control-resources
  const tagScoped = [
    allow('lambda:UpdateFunctionCode', '*', {
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'web' } },
    }),
  ];

  it("aws:ResourceTag is decided from the listed function's tags", () => {
    const { model, source, target } = build(lambdaUpdateFunctionCode, { sourcePolicies: tagScoped });
    const fn = runningAs('lambda-function', 'app', target, { tags: [{ key: 'team', value: 'web' }] });
    const edge = edgesFrom(run(withResources(model, [fn])), source, lambdaUpdateFunctionCode.id).find(
      (e) => e.to === target,
    );
    expect(edge?.modifies).toBe(fn.arn);
    expect(edge?.conditions).toEqual([]);
  });

  it('near miss: the function carries another team tag', () => {
    const { model, source, target } = build(lambdaUpdateFunctionCode, { sourcePolicies: tagScoped });
    const fn = runningAs('lambda-function', 'app', target, { tags: [{ key: 'team', value: 'data' }] });
    expect(targetsOf(run(withResources(model, [fn])), source, lambdaUpdateFunctionCode.id)).toEqual([]);
  });

  it("a Deny in the function's resource policy closes the route", () => {
    // Lambda resource-based policies: https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html
    const { model, source, target } = build(lambdaUpdateFunctionCode);
    const fn = runningAs('lambda-function', 'app', target, {
      policy: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Deny', Principal: { AWS: source }, Action: 'lambda:UpdateFunctionCode', Resource: '*' },
        ],
      },
    });
    expect(targetsOf(run(withResources(model, [fn])), source, lambdaUpdateFunctionCode.id)).toEqual([]);
  });

  it('ECS Exec: a service listed with enableExecuteCommand false gives no edge', () => {
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html (enableExecuteCommand)
    const { model, source, target } = build(ecsExecuteCommand);
    const svc = runningAs('ecs-service', 'web', target);
    svc.settings.enableExecuteCommand = false;
    const a = run(withResources(model, [svc]));
    expect(targetsOf(a, source, ecsExecuteCommand.id)).toEqual([]);
    expect(a.stats.inventoryRemovedNotAllowed).toBe(1);
  });

  it('a decided takeover is a step of the default paths: the role the function runs as makes itself admin', () => {
    const { model, source } = build(lambdaUpdateFunctionCode);
    const deployer = roleArn(A, 'deployer');
    model.roles.push({
      ...model.roles.find((r) => r.arn === roleArn(A, 'harmless'))!,
      arn: deployer,
      name: 'deployer',
      roleId: 'AROADEPLOYER',
      instanceProfileArns: [],
      inlinePolicies: [
        {
          name: 'self',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: deployer }],
          },
        },
      ],
    });
    const a = run(withResources(model, [runningAs('lambda-function', 'deploy', deployer)]));
    expect(a.admins.get(deployer)?.admin).toBe(true);
    // A decided hop: the default path search (which leaves needsRuntime edges out) walks it.
    const path = new EscalationGraph(a).shortestPath(source, 'admin');
    expect(path?.hops.filter((h) => h.kind === 'CAN_ESCALATE_TO').map((h) => h.method)).toContain(
      lambdaUpdateFunctionCode.id,
    );
  });

  it('the escalation finding names the listed resource and no longer says what must exist', () => {
    const { model, source, target } = build(lambdaUpdateFunctionCode);
    const fn = runningAs('lambda-function', 'app', target);
    const finding = escalationFindings(run(withResources(model, [fn]))).find((f) => f.subjects[0] === source);
    expect(finding?.why).toContain(`lambda:UpdateFunctionCode on ${fn.arn}`);
    expect(finding?.why).not.toContain('at run time');
  });
});

describe('the methods the inventory decides', () => {
  const inventoried = ALL_METHODS.filter((m) => m.inventoryType).map((m) => [m.id, m.inventoryType]);

  it('are each tested above', () => {
    expect(CASES.map((c) => [c.method.id, c.type]).sort()).toEqual([...inventoried].sort());
  });

  it('are the rows of the table in docs/escalation.md#with-a-resources-inventory', () => {
    const doc = readFileSync(new URL('../../../docs/escalation.md', import.meta.url), 'utf8');
    const section = doc.split('### With a resources inventory')[1]?.split('\n## ')[0] ?? '';
    const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` +\| `([a-z0-9-]+)` +\|/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(rows.sort()).toEqual([...inventoried].sort());
  });
});
