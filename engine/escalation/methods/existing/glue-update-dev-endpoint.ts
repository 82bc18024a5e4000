/**
 * M42: Add an SSH key to a Glue development endpoint that runs as the role.
 * UpdateDevEndpoint: https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateDevEndpoint.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const glueUpdateDevEndpoint = existingResourceMethod({
  id: 'existing-glue-update-dev-endpoint',
  title: 'Add an SSH key to a Glue development endpoint that runs as the role',
  catalogIds: ['M42'],
  sources: [
    'Rhino #20',
    'IAM Vulnerable privesc19',
    'PMapper glue_edges (v1.2.0-dev)',
    'pathfinding.cloud (Dec 2025, since removed) glue-002',
  ],
  service: 'glue.amazonaws.com',
  steps: [{ anyOf: ['glue:UpdateDevEndpoint'], resource: R.glueDevEndpoint }],
  needsRuntime: 'a Glue development endpoint that runs as the role',
  inventory: {
    type: 'glue-dev-endpoint',
    on: R.glueDevEndpoint,
    caveats: ['the endpoint is reachable over SSH from the caller'],
  },
});
