/**
 * M56: Create and start a Managed Service for Apache Flink application that runs as the role.
 * The service execution role: https://docs.aws.amazon.com/managed-flink/latest/java/iam-role.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const kinesisanalyticsApplication = passRoleMethod({
  id: 'passrole-kinesisanalytics-application',
  title: 'Create and start a Managed Service for Apache Flink application that runs as the role',
  catalogIds: ['M56'],
  sources: ['pathfinding.cloud kinesisanalytics-001'],
  service: 'kinesisanalytics.amazonaws.com',
  steps: [
    { anyOf: ['kinesisanalytics:CreateApplication'], resource: R.flinkApplication },
    { anyOf: ['kinesisanalytics:StartApplication'], resource: R.flinkApplication },
  ],
});
