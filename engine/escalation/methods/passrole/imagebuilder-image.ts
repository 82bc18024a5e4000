/**
 * M56: Build an EC2 Image Builder image whose build instance runs as the role.
 * The infrastructure configuration names an instance profile:
 * https://docs.aws.amazon.com/imagebuilder/latest/userguide/image-builder-setting-up.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const imagebuilderImage = passRoleMethod({
  id: 'passrole-imagebuilder-image',
  title: 'Build an EC2 Image Builder image whose build instance runs as the role',
  catalogIds: ['M56'],
  sources: ['pathfinding.cloud imagebuilder-001'],
  service: 'ec2.amazonaws.com',
  steps: [
    { anyOf: ['imagebuilder:CreateComponent'], resource: R.imageBuilderComponent },
    { anyOf: ['imagebuilder:CreateImageRecipe'], resource: R.imageBuilderRecipe },
    { anyOf: ['imagebuilder:CreateInfrastructureConfiguration'], resource: R.imageBuilderInfrastructure },
    { anyOf: ['imagebuilder:CreateImage'], resource: R.imageBuilderImage },
  ],
  requireProfile: true,
});
