/**
 * M28: Give an existing Glue job the role (UpdateJob) and start or trigger it. The job must exist:
 * https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateJob.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const glueUpdateJob = passRoleMethod({
  id: 'passrole-glue-update-job',
  title: 'Give an existing Glue job the role and start or trigger it',
  catalogIds: ['M28'],
  sources: ['pathfinding.cloud glue-005, glue-006'],
  service: 'glue.amazonaws.com',
  steps: [
    { anyOf: ['glue:UpdateJob'], resource: R.glueJob },
    { anyOf: ['glue:StartJobRun', 'glue:CreateTrigger'], resource: R.glueJob },
  ],
  needsRuntime: 'a Glue job the caller may update',
});
