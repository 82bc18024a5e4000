/** M12/M13: an access key for another user is that user's credentials. */
import { resourceOf } from '../shared.ts';
import { userCredentialMethod } from './credentials.ts';

export const createAccessKey = userCredentialMethod({
  id: 'iam-create-access-key',
  title: 'Create an access key for another user',
  action: 'iam:CreateAccessKey',
  catalogIds: ['M12', 'M13'],
  sources: ['Rhino #4', 'IAM Vulnerable privesc4', 'PMapper iam_edges', 'pathfinding.cloud iam-002, iam-003'],
  caveat: (ctx, source, target) =>
    ctx.mayAllow(source, 'iam:DeleteAccessKey') &&
    ctx.check(source, 'iam:DeleteAccessKey', resourceOf(ctx, target))
      ? undefined
      : 'the user has fewer than two access keys (a user may have two; authorization details do not list keys)',
});
