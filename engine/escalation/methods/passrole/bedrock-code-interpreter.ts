/** M38: Create a Bedrock AgentCore code interpreter with the role and run code in it. */
import { passRoleMethod, R } from '../shared.ts';

export const bedrockCodeInterpreter = passRoleMethod({
  id: 'passrole-bedrock-code-interpreter',
  title: 'Create a Bedrock AgentCore code interpreter with the role and run code in it',
  catalogIds: ['M38'],
  sources: ['pathfinding.cloud bedrock-001'],
  service: 'bedrock-agentcore.amazonaws.com',
  steps: [
    { anyOf: ['bedrock-agentcore:CreateCodeInterpreter'], resource: R.codeInterpreter },
    { anyOf: ['bedrock-agentcore:StartCodeInterpreterSession'], resource: R.codeInterpreter },
    { anyOf: ['bedrock-agentcore:InvokeCodeInterpreter'], resource: R.codeInterpreter },
  ],
});
