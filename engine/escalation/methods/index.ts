/** Every escalation method, in catalog order within each family. */
import type { EscalationMethod } from '../types.ts';
import { createAccessKey } from './iam/create-access-key.ts';
import { createLoginProfile } from './iam/create-login-profile.ts';
import { updateLoginProfile } from './iam/update-login-profile.ts';
import { updateAssumeRolePolicy } from './iam/update-assume-role-policy.ts';
import { createPolicyVersion } from './iam/create-policy-version.ts';
import { setDefaultPolicyVersion } from './iam/set-default-policy-version.ts';
import { attachUserPolicy } from './iam/attach-user-policy.ts';
import { attachGroupPolicy } from './iam/attach-group-policy.ts';
import { attachRolePolicy } from './iam/attach-role-policy.ts';
import { putUserPolicy } from './iam/put-user-policy.ts';
import { putGroupPolicy } from './iam/put-group-policy.ts';
import { putRolePolicy } from './iam/put-role-policy.ts';
import { addUserToGroup } from './iam/add-user-to-group.ts';
import { createRole } from './iam/create-role.ts';
import { deletePermissionsBoundary } from './iam/delete-permissions-boundary.ts';
import { ec2RunInstances } from './passrole/ec2-run-instances.ts';
import { ec2NewInstanceProfile } from './passrole/ec2-new-instance-profile.ts';
import { ec2AssociateInstanceProfile } from './passrole/ec2-associate-instance-profile.ts';
import { ec2SpotInstances } from './passrole/ec2-spot-instances.ts';
import { autoscalingLaunchConfiguration } from './passrole/autoscaling-launch-configuration.ts';
import { autoscalingLaunchTemplate } from './passrole/autoscaling-launch-template.ts';
import { lambdaCreateInvoke } from './passrole/lambda-create-invoke.ts';
import { lambdaCreateAddPermission } from './passrole/lambda-create-add-permission.ts';
import { lambdaCreateEventSource } from './passrole/lambda-create-event-source.ts';
import { glueDevEndpoint } from './passrole/glue-dev-endpoint.ts';
import { glueJob } from './passrole/glue-job.ts';
import { cloudformationCreateStack } from './passrole/cloudformation-create-stack.ts';
import { datapipeline } from './passrole/datapipeline.ts';
import { codebuildProject } from './passrole/codebuild-project.ts';
import { sagemakerNotebook } from './passrole/sagemaker-notebook.ts';
import { sagemakerTrainingJob } from './passrole/sagemaker-training-job.ts';
import { sagemakerProcessingJob } from './passrole/sagemaker-processing-job.ts';
import { ecsTask } from './passrole/ecs-task.ts';
import { apprunnerCreateService } from './passrole/apprunner-create-service.ts';
import { bedrockCodeInterpreter } from './passrole/bedrock-code-interpreter.ts';
import { lambdaUpdateFunctionCode } from './existing/lambda-update-function-code.ts';
import { lambdaUpdateFunctionConfiguration } from './existing/lambda-update-function-configuration.ts';
import { glueUpdateDevEndpoint } from './existing/glue-update-dev-endpoint.ts';
import { cloudformationUpdateStack } from './existing/cloudformation-update-stack.ts';
import { cloudformationChangeSet } from './existing/cloudformation-change-set.ts';
import { codebuildStartBuild } from './existing/codebuild-start-build.ts';
import { sagemakerPresignedUrl } from './existing/sagemaker-presigned-url.ts';
import { sagemakerLifecycleConfig } from './existing/sagemaker-lifecycle-config.ts';
import { ssmSendCommand } from './existing/ssm-send-command.ts';
import { ssmStartSession } from './existing/ssm-start-session.ts';
import { ec2InstanceConnect } from './existing/ec2-instance-connect.ts';
import { ec2UserData } from './existing/ec2-user-data.ts';
import { ec2LaunchTemplateVersion } from './existing/ec2-launch-template-version.ts';
import { apprunnerUpdateService } from './existing/apprunner-update-service.ts';
import { bedrockCodeInterpreterSession } from './existing/bedrock-code-interpreter-session.ts';
import { ecsTaskNewCluster } from './passrole/ecs-task-new-cluster.ts';
import { glueUpdateJob } from './passrole/glue-update-job.ts';
import { batchJobDefinition } from './passrole/batch-job-definition.ts';
import { batchNewEnvironment } from './passrole/batch-new-environment.ts';
import { emrCluster } from './passrole/emr-cluster.ts';
import { emrServerlessJobRun } from './passrole/emr-serverless-job-run.ts';
import { ssmAutomation } from './passrole/ssm-automation.ts';
import { glueSession } from './passrole/glue-session.ts';
import { ecsRunTaskOverride } from './passrole/ecs-run-task-override.ts';
import { ecsStartTaskOverride } from './passrole/ecs-start-task-override.ts';
import { ecsRegisterContainerInstance } from './passrole/ecs-register-container-instance.ts';
import { bedrockAgentRuntime } from './passrole/bedrock-agent-runtime.ts';
import { bedrockHarness } from './passrole/bedrock-harness.ts';
import { bedrockBrowser } from './passrole/bedrock-browser.ts';
import { braketJob } from './passrole/braket-job.ts';
import { gameliftFleet } from './passrole/gamelift-fleet.ts';
import { imagebuilderImage } from './passrole/imagebuilder-image.ts';
import { kinesisanalyticsApplication } from './passrole/kinesisanalytics-application.ts';
import { omicsWorkflow } from './passrole/omics-workflow.ts';
import { sagemakerNotebookConsole } from './passrole/sagemaker-notebook-console.ts';
import { cognitoIdentityPool } from './passrole/cognito-identity-pool.ts';
import { cloudformationStackSet } from './passrole/cloudformation-stackset.ts';
import { cloudformationUpdateStackSet } from './passrole/cloudformation-update-stackset.ts';
import { batchSubmitJob } from './existing/batch-submit-job.ts';
import { bedrockAgentRuntimeCommand } from './existing/bedrock-agent-runtime-command.ts';
import { bedrockBrowserSession } from './existing/bedrock-browser-session.ts';
import { ecsExecuteCommand } from './existing/ecs-execute-command.ts';
import { codedeployDeployment } from './existing/codedeploy-deployment.ts';

export const IAM_METHODS: readonly EscalationMethod[] = [
  createAccessKey,
  createLoginProfile,
  updateLoginProfile,
  updateAssumeRolePolicy,
  createPolicyVersion,
  setDefaultPolicyVersion,
  attachUserPolicy,
  attachGroupPolicy,
  attachRolePolicy,
  putUserPolicy,
  putGroupPolicy,
  putRolePolicy,
  addUserToGroup,
  createRole,
  deletePermissionsBoundary,
];
export const PASSROLE_METHODS: readonly EscalationMethod[] = [
  ec2RunInstances,
  ec2NewInstanceProfile,
  ec2AssociateInstanceProfile,
  ec2SpotInstances,
  autoscalingLaunchConfiguration,
  autoscalingLaunchTemplate,
  lambdaCreateInvoke,
  lambdaCreateAddPermission,
  lambdaCreateEventSource,
  glueDevEndpoint,
  glueJob,
  cloudformationCreateStack,
  datapipeline,
  codebuildProject,
  sagemakerNotebook,
  sagemakerTrainingJob,
  sagemakerProcessingJob,
  ecsTask,
  apprunnerCreateService,
  bedrockCodeInterpreter,
  ecsTaskNewCluster,
  glueUpdateJob,
  batchJobDefinition,
  batchNewEnvironment,
  emrCluster,
  emrServerlessJobRun,
  ssmAutomation,
  glueSession,
  ecsRunTaskOverride,
  ecsStartTaskOverride,
  ecsRegisterContainerInstance,
  bedrockAgentRuntime,
  bedrockHarness,
  bedrockBrowser,
  braketJob,
  gameliftFleet,
  imagebuilderImage,
  kinesisanalyticsApplication,
  omicsWorkflow,
  cognitoIdentityPool,
  sagemakerNotebookConsole,
];
/** StackSets: the execution role is reached through the administration role, in any account. */
export const STACKSET_METHODS: readonly EscalationMethod[] = [
  cloudformationStackSet,
  cloudformationUpdateStackSet,
];
/** Methods that need a resource authorization details cannot show (needsRuntime). */
export const EXISTING_RESOURCE_METHODS: readonly EscalationMethod[] = [
  lambdaUpdateFunctionCode,
  lambdaUpdateFunctionConfiguration,
  glueUpdateDevEndpoint,
  cloudformationUpdateStack,
  cloudformationChangeSet,
  codebuildStartBuild,
  sagemakerPresignedUrl,
  sagemakerLifecycleConfig,
  ssmSendCommand,
  ssmStartSession,
  ec2InstanceConnect,
  ec2UserData,
  ec2LaunchTemplateVersion,
  apprunnerUpdateService,
  bedrockCodeInterpreterSession,
  batchSubmitJob,
  bedrockAgentRuntimeCommand,
  bedrockBrowserSession,
  ecsExecuteCommand,
  codedeployDeployment,
];
export const ALL_METHODS: readonly EscalationMethod[] = [
  ...IAM_METHODS,
  ...PASSROLE_METHODS,
  ...STACKSET_METHODS,
  ...EXISTING_RESOURCE_METHODS,
];
