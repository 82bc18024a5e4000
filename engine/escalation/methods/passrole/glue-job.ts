/** M28: Create a Glue job with the role and start or trigger it. */
import { passRoleMethod, R } from '../shared.ts';

export const glueJob = passRoleMethod({
  id: 'passrole-glue-job',
  title: 'Create a Glue job with the role and start or trigger it',
  catalogIds: ['M28'],
  sources: ['pathfinding.cloud glue-003, glue-004'],
  service: 'glue.amazonaws.com',
  steps: [
    { anyOf: ['glue:CreateJob'], resource: R.glueJob },
    { anyOf: ['glue:StartJobRun', 'glue:CreateTrigger'], resource: R.glueJob },
  ],
});
