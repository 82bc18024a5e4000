/**
 * M52: Run a command in an existing Bedrock AgentCore runtime or harness that runs as the role.
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-security-best-practices.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const bedrockAgentRuntimeCommand = existingResourceMethod({
  id: 'existing-bedrock-agent-runtime-command',
  title: 'Run a command in an existing Bedrock AgentCore runtime or harness that runs as the role',
  catalogIds: ['M52'],
  sources: ['pathfinding.cloud bedrock-004'],
  service: 'bedrock-agentcore.amazonaws.com',
  steps: [{ anyOf: ['bedrock-agentcore:InvokeAgentRuntimeCommand'], resource: R.agentRuntime }],
  needsRuntime: 'a Bedrock AgentCore runtime or harness (IAM inbound auth) whose execution role is the role',
});
