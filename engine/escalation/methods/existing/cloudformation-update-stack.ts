/** M43: Update a CloudFormation stack whose service role is the role. */
import { existingResourceMethod, R } from '../shared.ts';

export const cloudformationUpdateStack = existingResourceMethod({
  id: 'existing-cloudformation-update-stack',
  title: 'Update a CloudFormation stack whose service role is the role',
  catalogIds: ['M43'],
  sources: [
    'IAM Vulnerable privesc-cfUpdateStack',
    'PMapper cloudformation_edges',
    'pathfinding.cloud cloudformation-002',
  ],
  service: 'cloudformation.amazonaws.com',
  steps: [{ anyOf: ['cloudformation:UpdateStack'], resource: R.stack }],
  needsRuntime: 'a CloudFormation stack whose service role is the role',
});
