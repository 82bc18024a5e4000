/** M32: Create a CodeBuild project with the role and start a build. */
import { passRoleMethod, R } from '../shared.ts';

export const codebuildProject = passRoleMethod({
  id: 'passrole-codebuild-project',
  title: 'Create a CodeBuild project with the role and start a build',
  catalogIds: ['M32'],
  sources: [
    'IAM Vulnerable privesc-codeBuildProject',
    'PMapper codebuild_edges',
    'pathfinding.cloud codebuild-001, codebuild-004',
  ],
  service: 'codebuild.amazonaws.com',
  steps: [
    { anyOf: ['codebuild:CreateProject'], resource: R.codebuildProject },
    { anyOf: ['codebuild:StartBuild', 'codebuild:StartBuildBatch'], resource: R.codebuildProject },
  ],
});
