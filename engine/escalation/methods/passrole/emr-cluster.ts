/**
 * M54: Create an EMR cluster whose EC2 instances run as the role, with a step that uses it.
 * RunJobFlow passes the EC2 instance profile role and the EMR service role:
 * https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-iam-roles.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const emrCluster = passRoleMethod({
  id: 'passrole-emr-cluster',
  title: 'Create an EMR cluster whose EC2 instances run as the role, with a step that uses it',
  catalogIds: ['M54'],
  sources: ['pathfinding.cloud emr-001'],
  service: 'ec2.amazonaws.com',
  steps: [{ anyOf: ['elasticmapreduce:RunJobFlow'], resource: R.emrCluster }],
  requireProfile: true,
  passedToService: 'elasticmapreduce.amazonaws.com',
  alsoPass: 'elasticmapreduce.amazonaws.com',
});
