/**
 * M38: Create a Bedrock AgentCore browser with the role and drive it over its automation stream.
 * The browser's execution role: https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/browser-tool.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const bedrockBrowser = passRoleMethod({
  id: 'passrole-bedrock-browser',
  title: 'Create a Bedrock AgentCore browser with the role and drive it over its automation stream',
  catalogIds: ['M38'],
  sources: ['pathfinding.cloud bedrock-006'],
  service: 'bedrock-agentcore.amazonaws.com',
  steps: [
    { anyOf: ['bedrock-agentcore:CreateBrowser'], resource: R.browser },
    { anyOf: ['bedrock-agentcore:StartBrowserSession'], resource: R.browser },
    { anyOf: ['bedrock-agentcore:ConnectBrowserAutomationStream'], resource: R.browser },
  ],
});
