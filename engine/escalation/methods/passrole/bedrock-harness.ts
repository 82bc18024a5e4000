/**
 * M38: Create a Bedrock AgentCore harness with the role and run a command in it.
 * A harness provisions a runtime under the hood (a foundation model must be enabled to create it):
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/harness.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const bedrockHarness = passRoleMethod({
  id: 'passrole-bedrock-harness',
  title: 'Create a Bedrock AgentCore harness with the role and run a command in it',
  catalogIds: ['M38'],
  sources: ['pathfinding.cloud bedrock-005'],
  service: 'bedrock-agentcore.amazonaws.com',
  steps: [
    { anyOf: ['bedrock-agentcore:CreateHarness'], resource: R.harness },
    { anyOf: ['bedrock-agentcore:CreateAgentRuntime'], resource: R.agentRuntime },
    { anyOf: ['bedrock-agentcore:CreateAgentRuntimeEndpoint'], resource: R.agentRuntimeEndpoint },
    { anyOf: ['bedrock-agentcore:CreateWorkloadIdentity'], resource: R.workloadIdentity },
    { anyOf: ['bedrock-agentcore:GetAgentRuntime'], resource: R.agentRuntime },
    { anyOf: ['bedrock-agentcore:GetHarness'], resource: R.harness },
    { anyOf: ['bedrock-agentcore:InvokeAgentRuntimeCommand'], resource: R.agentRuntime },
  ],
});
