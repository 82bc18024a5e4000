// Node loads, one statement per label (labels cannot be parameters).
// The rows come as columns (ingest/load/columns.ts): $key and one list per property the statement
// names, the i-th entries making the i-th row (a null entry sets nothing); $more[i] holds the
// row's other properties, laid over the node. Column lists keep property names out of every row,
// which Neo4j would otherwise decode once per row. $snapshotId: the snapshot being loaded. A
// snapshot's nodes are new by construction and the loader sends each key once, so CREATE (the
// (snapshotId, key) uniqueness constraint still guards against a second node). Each statement
// returns the keys it created with their element ids, aligned, which the loader uses to find
// relationship ends.

// name: node-Organization
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:Organization {
  snapshotId: $snapshotId,
  key: $key[i],
  id: $id[i],
  managementAccountId: $managementAccountId[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-OrganizationalUnit
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:OrganizationalUnit {
  snapshotId: $snapshotId,
  key: $key[i],
  id: $id[i],
  name: $name[i],
  isRoot: $isRoot[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-Account
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:Account {
  snapshotId: $snapshotId,
  key: $key[i],
  id: $id[i],
  name: $name[i],
  email: $email[i],
  status: $status[i],
  inOrganization: $inOrganization[i],
  hasIamData: $hasIamData[i],
  external: $external[i],
  isManagement: $isManagement[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-User
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:User:Principal {
  snapshotId: $snapshotId,
  key: $key[i],
  arn: $arn[i],
  name: $name[i],
  userId: $userId[i],
  path: $path[i],
  accountId: $accountId[i],
  createDate: $createDate[i],
  tags: $tags[i],
  permissionsBoundaryArn: $permissionsBoundaryArn[i],
  passwordEnabled: $passwordEnabled[i],
  passwordLastUsed: $passwordLastUsed[i],
  passwordLastChanged: $passwordLastChanged[i],
  mfaActive: $mfaActive[i],
  activeAccessKeys: $activeAccessKeys[i],
  accessKeysLastUsed: $accessKeysLastUsed[i],
  accessKeys: $accessKeys[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-Group
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:Group {
  snapshotId: $snapshotId,
  key: $key[i],
  arn: $arn[i],
  name: $name[i],
  groupId: $groupId[i],
  path: $path[i],
  accountId: $accountId[i],
  createDate: $createDate[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-Role
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:Role:Principal {
  snapshotId: $snapshotId,
  key: $key[i],
  arn: $arn[i],
  name: $name[i],
  roleId: $roleId[i],
  path: $path[i],
  accountId: $accountId[i],
  createDate: $createDate[i],
  description: $description[i],
  maxSessionDuration: $maxSessionDuration[i],
  trustPolicy: $trustPolicy[i],
  tags: $tags[i],
  lastUsedDate: $lastUsedDate[i],
  lastUsedRegion: $lastUsedRegion[i],
  serviceLinked: $serviceLinked[i],
  permissionsBoundaryArn: $permissionsBoundaryArn[i],
  instanceProfileCount: $instanceProfileCount[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-Policy
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:Policy {
  snapshotId: $snapshotId,
  key: $key[i],
  id: $id[i],
  arn: $arn[i],
  name: $name[i],
  kind: $kind[i],
  description: $description[i],
  awsManaged: $awsManaged[i],
  document: $document[i],
  policyId: $policyId[i],
  path: $path[i],
  accountId: $accountId[i],
  ownerArn: $ownerArn[i],
  defaultVersionId: $defaultVersionId[i],
  allowActionKeys: $allowActionKeys[i],
  versions: $versions[i],
  versionCount: $versionCount[i],
  attachmentCount: $attachmentCount[i],
  permissionsBoundaryUsageCount: $permissionsBoundaryUsageCount[i],
  isAttachable: $isAttachable[i],
  createDate: $createDate[i],
  updateDate: $updateDate[i],
  documentSource: $documentSource[i],
  documentMissing: $documentMissing[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-InstanceProfile
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:InstanceProfile {
  snapshotId: $snapshotId,
  key: $key[i],
  arn: $arn[i],
  name: $name[i],
  instanceProfileId: $instanceProfileId[i],
  path: $path[i],
  accountId: $accountId[i],
  createDate: $createDate[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-IdentityProvider
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:IdentityProvider {
  snapshotId: $snapshotId,
  key: $key[i],
  arn: $arn[i],
  type: $type[i],
  name: $name[i],
  accountId: $accountId[i],
  createDate: $createDate[i],
  validUntil: $validUntil[i],
  clientIds: $clientIds[i],
  thumbprints: $thumbprints[i],
  tags: $tags[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-ServicePrincipal
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:ServicePrincipal {
  snapshotId: $snapshotId,
  key: $key[i],
  name: $name[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-Anyone
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:Anyone {
  snapshotId: $snapshotId,
  key: $key[i],
  name: $name[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-ExternalPrincipal
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:ExternalPrincipal {
  snapshotId: $snapshotId,
  key: $key[i],
  kind: $kind[i],
  name: $name[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-Person
// An Identity Center user (a person); not a Principal: people reach roles through CAN_SIGN_IN_AS.
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:Person {
  snapshotId: $snapshotId,
  key: $key[i],
  id: $id[i],
  identityStoreId: $identityStoreId[i],
  instanceArn: $instanceArn[i],
  name: $name[i],
  userName: $userName[i],
  displayName: $displayName[i],
  emails: $emails[i],
  externalIds: $externalIds[i],
  status: $status[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-PeopleGroup
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:PeopleGroup {
  snapshotId: $snapshotId,
  key: $key[i],
  id: $id[i],
  identityStoreId: $identityStoreId[i],
  instanceArn: $instanceArn[i],
  name: $name[i],
  description: $description[i],
  memberCount: $memberCount[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-PermissionSet
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:PermissionSet {
  snapshotId: $snapshotId,
  key: $key[i],
  arn: $arn[i],
  name: $name[i],
  instanceArn: $instanceArn[i],
  description: $description[i],
  sessionDuration: $sessionDuration[i],
  awsManagedPolicyArns: $awsManagedPolicyArns[i],
  customerManagedPolicies: $customerManagedPolicies[i],
  provisionedAccountIds: $provisionedAccountIds[i],
  relayState: $relayState[i],
  permissionsBoundary: $permissionsBoundary[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;

// name: node-Resource
// A resource from ACCOUNT.resources.json (S3 bucket, KMS key, SQS queue, ...), keyed by its ARN.
UNWIND range(0, size($key) - 1) AS i
CREATE (n:AtlasNode:Resource {
  snapshotId: $snapshotId,
  key: $key[i],
  arn: $arn[i],
  type: $type[i],
  accountId: $accountId[i],
  region: $region[i],
  name: $name[i],
  policy: $policy[i],
  settings: $settings[i],
  tags: $tags[i],
  sensitive: $sensitive[i],
  sourceFile: $sourceFile[i],
  sourceJsonPath: $sourceJsonPath[i],
  public: $public[i],
  externalAccess: $externalAccess[i]
})
SET n += $more[i]
RETURN collect($key[i]) AS keys, collect(elementId(n)) AS ids;
