/** M26: Create a Lambda function with the role and an event source mapping that triggers it. */
import { passRoleMethod, R } from '../shared.ts';

export const lambdaCreateEventSource = passRoleMethod({
  id: 'passrole-lambda-create-event-source',
  title: 'Create a Lambda function with the role and an event source mapping that triggers it',
  catalogIds: ['M26'],
  sources: ['Rhino #17', 'IAM Vulnerable privesc16', 'pathfinding.cloud lambda-002'],
  service: 'lambda.amazonaws.com',
  steps: [
    { anyOf: ['lambda:CreateFunction'], resource: R.function },
    { anyOf: ['lambda:CreateEventSourceMapping'], resource: R.eventSourceMapping },
  ],
});
