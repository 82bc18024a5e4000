/**
 * M57: Make the role the unauthenticated role of an identity pool, then get its credentials.
 * The pool's roles trust cognito-identity.amazonaws.com through web identity federation:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/role-trust-and-permissions.html
 */
import { passRoleMethod, R } from '../shared.ts';

export const cognitoIdentityPool = passRoleMethod({
  id: 'passrole-cognito-identity-pool',
  title: 'Make the role the unauthenticated role of an identity pool, then get its credentials',
  catalogIds: ['M57'],
  sources: ['pathfinding.cloud cognitoidentity-001'],
  service: 'cognito-identity.amazonaws.com',
  steps: [{ anyOf: ['cognito-identity:SetIdentityPoolRoles'], resource: R.identityPool }],
  needsRuntime: 'a Cognito identity pool that allows unauthenticated identities',
});
