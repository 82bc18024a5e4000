/**
 * The inventory calls IAM graphing tools make to find compute that runs as a
 * role, answered for an account that has none: CloudFormation stacks and EC2
 * Auto Scaling launch configurations over the Query protocol
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeLaunchConfigurations.html),
 * EC2 instances over the EC2 protocol, whose answers carry no Result element and
 * list as <item> (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html,
 * https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html), and CodeBuild
 * projects over JSON 1.1 (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ListProjects.html,
 * https://docs.aws.amazon.com/codebuild/latest/APIReference/API_BatchGetProjects.html).
 */
import type { ServerResponse } from 'node:http';
import { AwsError, escapeXml, requestId } from './wire.ts';

export const CLOUDFORMATION_NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
export const AUTOSCALING_NAMESPACE = 'http://autoscaling.amazonaws.com/doc/2011-01-01/';
const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

const unknown = (service: string, action: string) =>
  new AwsError('InvalidAction', `The action ${action} is not valid for ${service} here.`);

/** CloudFormation and Auto Scaling reads, as Query results: empty lists, no next token. */
export function inventoryQueryAction(service: string, action: string): unknown {
  if (service === 'cloudformation' && action === 'DescribeStacks') return { Stacks: [] };
  if (service === 'autoscaling' && action === 'DescribeLaunchConfigurations')
    return { LaunchConfigurations: [] };
  if (service === 'autoscaling' && action === 'DescribeAutoScalingGroups') return { AutoScalingGroups: [] };
  throw unknown(service, action);
}

/** CodeBuild reads over JSON 1.1. */
export function codeBuildAction(action: string, body: Record<string, unknown>): unknown {
  if (action === 'ListProjects') return { projects: [] };
  if (action === 'BatchGetProjects')
    return { projects: [], projectsNotFound: Array.isArray(body['names']) ? body['names'] : [] };
  throw unknown('codebuild', action);
}

/** EC2 reads: DescribeInstances with no reservations. */
export function sendEc2(res: ServerResponse, action: string): void {
  if (action !== 'DescribeInstances') throw unknown('ec2', action);
  res.writeHead(200, { 'content-type': 'text/xml' });
  res.end(
    `<DescribeInstancesResponse xmlns="${EC2_NAMESPACE}"><requestId>${requestId()}</requestId>` +
      `<reservationSet/></DescribeInstancesResponse>`,
  );
}

/** EC2's error body: <Response><Errors><Error>, unlike the Query protocol's <ErrorResponse>. */
export function sendEc2Error(res: ServerResponse, error: AwsError): void {
  res.writeHead(error.status, { 'content-type': 'text/xml' });
  res.end(
    `<Response><Errors><Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
      `</Error></Errors><RequestID>${requestId()}</RequestID></Response>`,
  );
}
