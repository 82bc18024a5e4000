/**
 * M50: Push an SSH key with EC2 Instance Connect to an instance that runs as the role.
 * SendSSHPublicKey: https://docs.aws.amazon.com/ec2-instance-connect/latest/APIReference/API_SendSSHPublicKey.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const ec2InstanceConnect = existingResourceMethod({
  id: 'existing-ec2-instance-connect',
  title: 'Push an SSH key with EC2 Instance Connect to an instance that runs as the role',
  catalogIds: ['M50'],
  sources: [
    'IAM Vulnerable privesc-instanceConnect',
    'pathfinding.cloud (Dec 2025, since removed) ec2instanceconnect-003',
  ],
  service: 'ec2.amazonaws.com',
  steps: [{ anyOf: ['ec2-instance-connect:SendSSHPublicKey'], resource: R.instance }],
  requireProfile: true,
  needsRuntime:
    'a reachable EC2 instance with Instance Connect, running with an instance profile of the role',
  inventory: {
    type: 'ec2-instance',
    on: R.instance,
    caveats: ['the instance runs EC2 Instance Connect and its SSH port is reachable from the caller'],
  },
});
