/**
 * M55: Create an SSM Automation runbook and run it with the role as AutomationAssumeRole.
 * aws:executeScript steps run as the AutomationAssumeRole, no instance needed:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-setup.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const ssmAutomation = passRoleMethod({
  id: 'passrole-ssm-automation',
  title: 'Create an SSM Automation runbook and run it with the role as AutomationAssumeRole',
  catalogIds: ['M55'],
  sources: ['pathfinding.cloud ssm-003'],
  service: 'ssm.amazonaws.com',
  steps: [
    { anyOf: ['ssm:CreateDocument'], resource: R.ssmAutomationDocument },
    { anyOf: ['ssm:StartAutomationExecution'], resource: R.ssmAutomationDefinition },
  ],
});
