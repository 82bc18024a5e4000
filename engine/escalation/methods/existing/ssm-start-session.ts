/** M49: Open an SSM session on an EC2 instance that runs as the role. */
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
});
