/** M52: Run code in an existing Bedrock AgentCore code interpreter that runs as the role. */
import { existingResourceMethod, R } from '../shared.ts';

export const bedrockCodeInterpreterSession = existingResourceMethod({
  id: 'existing-bedrock-code-interpreter-session',
  title: 'Run code in an existing Bedrock AgentCore code interpreter that runs as the role',
  catalogIds: ['M52'],
  sources: ['pathfinding.cloud bedrock-002'],
  service: 'bedrock-agentcore.amazonaws.com',
  steps: [
    { anyOf: ['bedrock-agentcore:StartCodeInterpreterSession'], resource: R.codeInterpreter },
    { anyOf: ['bedrock-agentcore:InvokeCodeInterpreter'], resource: R.codeInterpreter },
  ],
  needsRuntime: 'a Bedrock AgentCore code interpreter whose execution role is the role',
});
