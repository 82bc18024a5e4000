/** M14: a console password for a user that has none. */
import { userCredentialMethod } from './credentials.ts';

export const createLoginProfile = userCredentialMethod({
  id: 'iam-create-login-profile',
  title: 'Create a console password for another user',
  action: 'iam:CreateLoginProfile',
  catalogIds: ['M14'],
  sources: ['Rhino #5', 'IAM Vulnerable privesc5', 'PMapper iam_edges', 'pathfinding.cloud iam-004'],
  caveat: () => 'the user has no console password yet (authorization details do not say)',
});
