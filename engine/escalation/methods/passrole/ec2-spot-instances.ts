/** M22: Request a spot instance with an existing instance profile. */
import { passRoleMethod, R } from '../shared.ts';

export const ec2SpotInstances = passRoleMethod({
  id: 'passrole-ec2-spot-instances',
  title: 'Request a spot instance with an existing instance profile',
  catalogIds: ['M22'],
  sources: ['pathfinding.cloud ec2-003'],
  service: 'ec2.amazonaws.com',
  steps: [{ anyOf: ['ec2:RequestSpotInstances'], resource: R.spotRequest }],
  requireProfile: true,
});
