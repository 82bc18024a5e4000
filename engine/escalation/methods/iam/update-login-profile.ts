/** M15: reset the console password of a user that has one. */
import { userCredentialMethod } from './credentials.ts';

export const updateLoginProfile = userCredentialMethod({
  id: 'iam-update-login-profile',
  title: "Reset another user's console password",
  action: 'iam:UpdateLoginProfile',
  catalogIds: ['M15'],
  sources: ['Rhino #6', 'IAM Vulnerable privesc6', 'PMapper iam_edges', 'pathfinding.cloud iam-006'],
  caveat: () => 'the user already has a console password (authorization details do not say)',
});
