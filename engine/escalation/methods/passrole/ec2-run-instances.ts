/** M19: Launch an EC2 instance with an existing instance profile. */
import { passRoleMethod, R } from '../shared.ts';

export const ec2RunInstances = passRoleMethod({
  id: 'passrole-ec2-run-instances',
  title: 'Launch an EC2 instance with an existing instance profile',
  catalogIds: ['M19'],
  sources: ['Rhino #3', 'IAM Vulnerable privesc3', 'PMapper ec2_edges', 'pathfinding.cloud ec2-001'],
  service: 'ec2.amazonaws.com',
  steps: [{ anyOf: ['ec2:RunInstances'], resource: R.instance }],
  requireProfile: true,
});
