/**
 * M52: Drive an existing Bedrock AgentCore browser that runs as the role.
 * https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/browser-tool.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const bedrockBrowserSession = existingResourceMethod({
  id: 'existing-bedrock-browser-session',
  title: 'Drive an existing Bedrock AgentCore browser that runs as the role',
  catalogIds: ['M52'],
  sources: ['pathfinding.cloud bedrock-007'],
  service: 'bedrock-agentcore.amazonaws.com',
  steps: [
    { anyOf: ['bedrock-agentcore:StartBrowserSession'], resource: R.browser },
    { anyOf: ['bedrock-agentcore:ConnectBrowserAutomationStream'], resource: R.browser },
  ],
  needsRuntime: 'a Bedrock AgentCore custom browser whose execution role is the role',
});
