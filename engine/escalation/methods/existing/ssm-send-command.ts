/**
 * M48: Run a command through SSM on an EC2 instance that runs as the role.
 * SendCommand: https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_SendCommand.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const ssmSendCommand = existingResourceMethod({
  id: 'existing-ssm-send-command',
  title: 'Run a command through SSM on an EC2 instance that runs as the role',
  catalogIds: ['M48'],
  sources: ['IAM Vulnerable privesc-ssm-command', 'PMapper ssm_edges', 'pathfinding.cloud ssm-002'],
  service: 'ec2.amazonaws.com',
  steps: [{ anyOf: ['ssm:SendCommand'], resource: R.instance }],
  requireProfile: true,
  needsRuntime: 'an SSM-managed EC2 instance running with an instance profile of the role',
  inventory: {
    type: 'ec2-instance',
    on: R.instance,
    caveats: ['the instance is SSM-managed (its SSM Agent runs and reaches Systems Manager)'],
  },
});
