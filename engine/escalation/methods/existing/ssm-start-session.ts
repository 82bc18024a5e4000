/**
 * M49: Open an SSM session on an EC2 instance that runs as the role.
 * StartSession: https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartSession.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const ssmStartSession = existingResourceMethod({
  id: 'existing-ssm-start-session',
  title: 'Open an SSM session on an EC2 instance that runs as the role',
  catalogIds: ['M49'],
  sources: ['IAM Vulnerable privesc-ssm-session', 'PMapper ssm_edges', 'pathfinding.cloud ssm-001'],
  service: 'ec2.amazonaws.com',
  steps: [{ anyOf: ['ssm:StartSession'], resource: R.instance }],
  requireProfile: true,
  needsRuntime: 'an SSM-managed EC2 instance running with an instance profile of the role',
  inventory: {
    type: 'ec2-instance',
    on: R.instance,
    caveats: ['the instance is SSM-managed (its SSM Agent runs and reaches Systems Manager)'],
  },
});
