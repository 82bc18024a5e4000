/** M20: Put the role in a new instance profile and launch an EC2 instance with it. */
import { passRoleMethod, R } from '../shared.ts';

export const ec2NewInstanceProfile = passRoleMethod({
  id: 'passrole-ec2-new-instance-profile',
  title: 'Put the role in a new instance profile and launch an EC2 instance with it',
  catalogIds: ['M20'],
  sources: ['PMapper ec2_edges'],
  service: 'ec2.amazonaws.com',
  steps: [
    { anyOf: ['ec2:RunInstances'], resource: R.instance },
    { anyOf: ['iam:CreateInstanceProfile'], resource: R.instanceProfile },
    { anyOf: ['iam:AddRoleToInstanceProfile'], resource: R.instanceProfile },
  ],
});
