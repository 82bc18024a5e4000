/**
 * M56: Upload a GameLift build and create a fleet whose instances run as the role.
 * The fleet's instance role trusts gamelift.amazonaws.com:
 * https://docs.aws.amazon.com/gamelift/latest/developerguide/setting-up-role.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const gameliftFleet = passRoleMethod({
  id: 'passrole-gamelift-fleet',
  title: 'Upload a GameLift build and create a fleet whose instances run as the role',
  catalogIds: ['M56'],
  sources: ['pathfinding.cloud gamelift-001'],
  service: 'gamelift.amazonaws.com',
  steps: [
    { anyOf: ['gamelift:CreateBuild'], resource: R.gameliftBuild },
    { anyOf: ['gamelift:RequestUploadCredentials'], resource: R.gameliftBuild },
    { anyOf: ['gamelift:CreateFleet'], resource: R.gameliftFleet },
  ],
});
