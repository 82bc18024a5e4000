/** M29: Create a CloudFormation stack that runs as the role. */
import { passRoleMethod, R } from '../shared.ts';

export const cloudformationCreateStack = passRoleMethod({
  id: 'passrole-cloudformation-create-stack',
  title: 'Create a CloudFormation stack that runs as the role',
  catalogIds: ['M29'],
  sources: [
    'Rhino #21',
    'IAM Vulnerable privesc20',
    'PMapper cloudformation_edges',
    'pathfinding.cloud cloudformation-001',
  ],
  service: 'cloudformation.amazonaws.com',
  steps: [{ anyOf: ['cloudformation:CreateStack'], resource: R.stack }],
});
