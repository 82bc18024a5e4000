/**
 * M45: Start a build of a CodeBuild project that runs as the role (buildspec override).
 * StartBuild (buildspecOverride): https://docs.aws.amazon.com/codebuild/latest/APIReference/API_StartBuild.html
 */
import { existingResourceMethod, R } from '../shared.ts';

export const codebuildStartBuild = existingResourceMethod({
  id: 'existing-codebuild-start-build',
  title: 'Start a build of a CodeBuild project that runs as the role (buildspec override)',
  catalogIds: ['M45'],
  sources: ['PMapper codebuild_edges', 'pathfinding.cloud codebuild-002, codebuild-003'],
  service: 'codebuild.amazonaws.com',
  steps: [{ anyOf: ['codebuild:StartBuild', 'codebuild:StartBuildBatch'], resource: R.codebuildProject }],
  needsRuntime: 'a CodeBuild project whose service role is the role',
  inventory: { type: 'codebuild-project', on: R.codebuildProject },
});
