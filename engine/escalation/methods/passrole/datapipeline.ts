/** M31: Create a Data Pipeline whose EC2 resource runs as the role. */
import { passRoleMethod, R } from '../shared.ts';

export const datapipeline = passRoleMethod({
  id: 'passrole-datapipeline',
  title: 'Create a Data Pipeline whose EC2 resource runs as the role',
  catalogIds: ['M31'],
  sources: [
    'Rhino #22',
    'IAM Vulnerable privesc21',
    'PMapper datapipeline_edges (v1.2.0-dev)',
    'pathfinding.cloud datapipeline-001',
  ],
  service: 'ec2.amazonaws.com',
  steps: [
    { anyOf: ['datapipeline:CreatePipeline'], resource: R.pipeline },
    { anyOf: ['datapipeline:PutPipelineDefinition'], resource: R.pipeline },
    // Without activation the pipeline never runs:
    // https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-activate-pipeline.html
    { anyOf: ['datapipeline:ActivatePipeline'], resource: R.pipeline },
  ],
  requireProfile: true,
  passedToService: 'datapipeline.amazonaws.com',
  alsoPass: 'datapipeline.amazonaws.com',
});
