/**
 * Lambda functions of one Region: ListFunctions (with each function's
 * execution role), then per function GetPolicy (ResourceNotFoundException
 * when it has no resource policy) and ListTags
 * (https://docs.aws.amazon.com/lambda/latest/api/API_GetPolicy.html).
 */
import { GetPolicyCommand, ListTagsCommand, paginateListFunctions } from '@aws-sdk/client-lambda';
import { parsedOrText } from '../output.ts';
import { resourceEntry, serviceReader } from './types.ts';

export const lambdaReader = serviceReader<{ arn: string; role?: string }>({
  service: 'lambda',
  listAction: 'lambda:ListFunctions',
  async list({ lambda }) {
    const functions: { arn: string; role?: string }[] = [];
    for await (const page of paginateListFunctions({ client: lambda }, {}))
      for (const f of page.Functions ?? [])
        if (f.FunctionArn !== undefined)
          functions.push({ arn: f.FunctionArn, ...(f.Role === undefined ? {} : { role: f.Role }) });
    return functions;
  },
  async readOne({ arn, role }, { lambda }, ctx) {
    const policy = await ctx.optional(
      'lambda:GetPolicy',
      arn,
      async () => parsedOrText((await lambda.send(new GetPolicyCommand({ FunctionName: arn }))).Policy ?? ''),
      ['ResourceNotFoundException'],
    );
    const tags = await ctx.optional(
      'lambda:ListTags',
      arn,
      async () => (await lambda.send(new ListTagsCommand({ Resource: arn }))).Tags ?? {},
    );
    return resourceEntry(arn, { policy, settings: { roleArn: role }, tags });
  },
});
