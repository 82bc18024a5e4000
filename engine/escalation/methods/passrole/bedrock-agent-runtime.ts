/**
 * M38: Create a Bedrock AgentCore runtime with the role and run a command in it.
 * The runtime's execution role: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const bedrockAgentRuntime = passRoleMethod({
  id: 'passrole-bedrock-agent-runtime',
  title: 'Create a Bedrock AgentCore runtime with the role and run a command in it',
  catalogIds: ['M38'],
  sources: ['pathfinding.cloud bedrock-003'],
  service: 'bedrock-agentcore.amazonaws.com',
  steps: [
    { anyOf: ['bedrock-agentcore:CreateAgentRuntime'], resource: R.agentRuntime },
    { anyOf: ['bedrock-agentcore:CreateAgentRuntimeEndpoint'], resource: R.agentRuntimeEndpoint },
    { anyOf: ['bedrock-agentcore:CreateWorkloadIdentity'], resource: R.workloadIdentity },
    { anyOf: ['bedrock-agentcore:InvokeAgentRuntimeCommand'], resource: R.agentRuntime },
  ],
});
