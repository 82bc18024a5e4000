/** M27: Create a Glue development endpoint with the role. */
import { passRoleMethod, R } from '../shared.ts';

export const glueDevEndpoint = passRoleMethod({
  id: 'passrole-glue-dev-endpoint',
  title: 'Create a Glue development endpoint with the role',
  catalogIds: ['M27'],
  sources: [
    'Rhino #19',
    'IAM Vulnerable privesc18',
    'PMapper glue_edges (v1.2.0-dev)',
    'pathfinding.cloud glue-001',
  ],
  service: 'glue.amazonaws.com',
  steps: [{ anyOf: ['glue:CreateDevEndpoint'], resource: R.glueDevEndpoint }],
});
