/**
 * M51: Change the user data of a stopped-and-restarted EC2 instance that runs as the role.
 * ModifyInstanceAttribute (UserData): https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const ec2UserData = existingResourceMethod({
  id: 'existing-ec2-user-data',
  title: 'Change the user data of a stopped-and-restarted EC2 instance that runs as the role',
  catalogIds: ['M51'],
  sources: ['pathfinding.cloud ec2-002'],
  service: 'ec2.amazonaws.com',
  steps: [
    { anyOf: ['ec2:ModifyInstanceAttribute'], resource: R.instance },
    { anyOf: ['ec2:StopInstances'], resource: R.instance },
    { anyOf: ['ec2:StartInstances'], resource: R.instance },
  ],
  requireProfile: true,
  needsRuntime: 'an EC2 instance running with an instance profile of the role',
  inventory: { type: 'ec2-instance', on: R.instance },
});
