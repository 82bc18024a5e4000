/**
 * Reader for organization.json, IAM Atlas's own summary of AWS Organizations
 * (written by `iamatlas collect`; shape in docs/ARCHITECTURE.md). Besides the
 * shape, it checks that every reference inside the file resolves, because a
 * dangling parentId or SCP target would silently change which SCPs apply.
 */
import * as z from 'zod';
import type {
  Organization,
  OrganizationalUnit,
  OrganizationPolicy,
  OrganizationRoot,
} from '../../engine/model.ts';
import { isAccountId } from './arn.ts';
import { childPath, type InputProblem } from './problems.ts';
import { check, checkEach, formatted, optionalString, policyDocument, type Located } from './validate.ts';

export interface OrganizationAccount {
  id: string;
  name: string;
  parentId: string;
  status: string;
  email?: string;
}

export interface OrganizationRead {
  file: string;
  organization: Organization;
  accounts: OrganizationAccount[];
}

const ORG_ID = /^o-[a-z0-9]{10,32}$/;
const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
// AWS-managed policies have readable ids such as p-FullAWSAccess, hence letters and '_' too.
const POLICY_ID = /^p-[0-9a-zA-Z_]{1,128}$/;

const idOf = (pattern: RegExp, what: string, example: string) =>
  formatted((s) => pattern.test(s), `not ${what}`, `${what} like ${example}`);

const accountIdSchema = formatted(
  isAccountId,
  'not an AWS account id',
  'a 12-digit account id like 111111111111',
);
const rootId = idOf(ROOT_ID, 'a root id', 'r-ab12');
const ouId = idOf(OU_ID, 'an organizational unit id', 'ou-ab12-11111111');
const name = z.string().min(1);

const rootSchema = z.looseObject({ id: rootId, name });
const ouSchema = z.looseObject({ id: ouId, name, parentId: z.string() });
const accountSchema = z.looseObject({
  id: accountIdSchema,
  name,
  parentId: z.string(),
  status: z.string().min(1),
  email: optionalString,
});
const policySchema = z.looseObject({
  id: idOf(POLICY_ID, 'a policy id', 'p-FullAWSAccess or p-abcd1234'),
  name,
  type: z.enum(['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY']),
  description: optionalString,
  awsManaged: z.boolean().optional(),
  document: policyDocument,
  targets: z.array(z.string()),
});

const topSchema = z.looseObject({
  organizationId: idOf(ORG_ID, 'an organization id', 'o-exampleorgid'),
  managementAccountId: accountIdSchema,
  roots: z.array(z.unknown()).min(1),
  // An organization without OUs or without policies is real; collect writes [] but people may omit them.
  organizationalUnits: z.array(z.unknown()).optional(),
  accounts: z.array(z.unknown()),
  policies: z.array(z.unknown()).optional(),
});

export function readOrganization(file: string, json: unknown, problems: InputProblem[]): OrganizationRead {
  const top = check(topSchema, json, file, '', problems);
  const raw = (json ?? {}) as Record<string, unknown>;
  const list = (key: string): unknown[] | undefined => {
    const value = raw[key];
    return Array.isArray(value) ? value : undefined;
  };

  const roots = unique(checkEach(rootSchema, list('roots'), file, 'roots', problems), 'root', problems);
  const ous = unique(
    checkEach(ouSchema, list('organizationalUnits'), file, 'organizationalUnits', problems),
    'organizational unit',
    problems,
  );
  const accounts = unique(
    checkEach(accountSchema, list('accounts'), file, 'accounts', problems),
    'account',
    problems,
  );
  const policies = unique(
    checkEach(policySchema, list('policies'), file, 'policies', problems),
    'policy',
    problems,
  );

  const containers = new Set<string>([...roots.map((r) => r.value.id), ...ous.map((o) => o.value.id)]);
  const containerExpected = 'the id of a root or organizational unit listed in this file';
  for (const at of [...ous, ...accounts]) {
    if (!containers.has(at.value.parentId)) {
      problems.push({
        file,
        jsonPath: childPath(at.jsonPath, 'parentId'),
        message: `${JSON.stringify(at.value.parentId)} is not a root or organizational unit of this organization`,
        expected: containerExpected,
      });
    }
  }
  reportCycles(ous, problems);

  const accountIds = new Set(accounts.map((a) => a.value.id));
  for (const at of policies) {
    at.value.targets.forEach((target, index) => {
      if (!containers.has(target) && !accountIds.has(target)) {
        problems.push({
          file,
          jsonPath: `${at.jsonPath}.targets[${index}]`,
          message: `${JSON.stringify(target)} is not a root, organizational unit or account of this organization`,
          expected: 'the id of a root, OU or account listed in this file',
        });
      }
    });
  }
  // list-accounts always includes the management account; without it SCP exemption cannot be placed.
  if (top !== undefined && accounts.length > 0 && !accountIds.has(top.managementAccountId)) {
    problems.push({
      file,
      jsonPath: 'managementAccountId',
      message: `${top.managementAccountId} is not in accounts`,
      expected: 'the id of an account listed in accounts',
    });
  }

  const organization: Organization = {
    id: top?.organizationId ?? '',
    managementAccountId: top?.managementAccountId ?? '',
    roots: roots.map((r): OrganizationRoot => ({ id: r.value.id, name: r.value.name })),
    organizationalUnits: ous.map((o): OrganizationalUnit => ({
      id: o.value.id,
      name: o.value.name,
      parentId: o.value.parentId,
    })),
    policies: policies.map((p): OrganizationPolicy => {
      const v = p.value;
      return {
        id: v.id,
        name: v.name,
        type: v.type,
        ...(v.description === undefined ? {} : { description: v.description }),
        ...(v.awsManaged === undefined ? {} : { awsManaged: v.awsManaged }),
        document: v.document,
        targets: v.targets,
      };
    }),
  };
  return {
    file,
    organization,
    accounts: accounts.map((a) => ({
      id: a.value.id,
      name: a.value.name,
      parentId: a.value.parentId,
      status: a.value.status,
      ...(a.value.email === undefined ? {} : { email: a.value.email }),
    })),
  };
}

/** Keeps the first of each id and reports the others: two entries with one id cannot both be right. */
function unique<T extends { id: string }>(
  items: Located<T>[],
  what: string,
  problems: InputProblem[],
): Located<T>[] {
  const seen = new Map<string, Located<T>>();
  for (const at of items) {
    const first = seen.get(at.value.id);
    if (first === undefined) seen.set(at.value.id, at);
    else
      problems.push({
        file: at.file,
        jsonPath: childPath(at.jsonPath, 'id'),
        message: `${what} ${at.value.id} is listed twice (first at ${first.jsonPath})`,
        expected: 'each id once',
      });
  }
  return [...seen.values()];
}

/** OUs form a tree; a cycle would make "all SCPs from the root down" loop forever. */
function reportCycles(ous: Located<{ id: string; parentId: string }>[], problems: InputProblem[]): void {
  const byId = new Map(ous.map((o) => [o.value.id, o]));
  const state = new Map<string, 'visiting' | 'done'>();
  for (const start of ous) {
    const chain: string[] = [];
    let id: string | undefined = start.value.id;
    while (id !== undefined && byId.has(id) && state.get(id) !== 'done') {
      if (state.get(id) === 'visiting') {
        const loop = chain.slice(chain.indexOf(id));
        const at = byId.get(id);
        problems.push({
          file: at?.file ?? '',
          jsonPath: `${at?.jsonPath ?? ''}.parentId`,
          message: `organizational units form a cycle: ${[...loop, id].join(' → ')}`,
          expected: 'a tree: every OU leads up to a root',
        });
        break;
      }
      state.set(id, 'visiting');
      chain.push(id);
      id = byId.get(id)?.value.parentId;
    }
    for (const visited of chain) state.set(visited, 'done');
  }
}
