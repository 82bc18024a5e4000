/**
 * M28: Create a Glue interactive session with the role and run a statement in it.
 * Interactive sessions run as their role: https://docs.aws.amazon.com/glue/latest/dg/glue-is-security.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const glueSession = passRoleMethod({
  id: 'passrole-glue-session',
  title: 'Create a Glue interactive session with the role and run a statement in it',
  catalogIds: ['M28'],
  sources: ['pathfinding.cloud glue-007'],
  service: 'glue.amazonaws.com',
  steps: [
    { anyOf: ['glue:CreateSession'], resource: R.glueSession },
    { anyOf: ['glue:RunStatement'], resource: R.glueSession },
  ],
});
