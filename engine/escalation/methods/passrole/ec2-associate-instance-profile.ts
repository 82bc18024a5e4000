/** M21: Attach an instance profile to a running EC2 instance one can log in to. */
import { passRoleMethod, R } from '../shared.ts';

export const ec2AssociateInstanceProfile = passRoleMethod({
  id: 'passrole-ec2-associate-instance-profile',
  title: 'Attach an instance profile to a running EC2 instance one can log in to',
  catalogIds: ['M21'],
  sources: ['PMapper ec2_edges', 'IAM Vulnerable privesc3 (grants it)'],
  service: 'ec2.amazonaws.com',
  steps: [
    {
      anyOf: ['ec2:AssociateIamInstanceProfile', 'ec2:ReplaceIamInstanceProfileAssociation'],
      resource: R.instance,
    },
  ],
  requireProfile: true,
  needsRuntime: 'a running EC2 instance the caller can log in to',
});
