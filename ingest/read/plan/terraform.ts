/**
 * Terraform's JSON plan (format 1.x) → a ChangeSet of IAM changes. Pure: the
 * parsed JSON in, the change set out, or an InputError naming the file and
 * the JSON path of every problem.
 *
 * Sources: "JSON Output Format" (https://developer.hashicorp.com/terraform/internals/json-format)
 * for the envelope, actions and unknown values; the AWS provider's resource
 * pages (https://registry.terraform.io/providers/hashicorp/aws/latest/docs) for
 * each resource's attributes.
 *
 * Values known only after apply are read from `after_unknown`. When such a
 * value is an attribute of another resource in the same plan (a role policy's
 * `role = aws_iam_role.x.id`), the configuration's references lead to that
 * resource and its planned value is used; otherwise the value becomes a
 * placeholder that matches nothing, and the change set lists it.
 */
import type { PolicyDocumentJson } from '../../../engine/model.ts';
import {
  emptyChangeSet,
  unknownPlaceholder,
  type ChangeSet,
  type IamObject,
  type PlanAction,
  type PlanChange,
  type PrincipalRef,
  type UnknownValue,
} from '../../../engine/plan/change.ts';
import { documentShapeProblem } from '../document-shape.ts';
import { isPlainObject, parsePolicyDocument, POLICY_DOCUMENT_EXPECTED } from '../json.ts';
import { formatJsonPath, InputError, type InputProblem } from '../problems.ts';
import { issueToProblem } from '../validate.ts';
import { documentFromBlocks } from './policy-document-data.ts';
import {
  configAddress,
  configResources,
  modulePrefix,
  planSchema,
  stateResources,
  type ConfigResource,
  type PlanJson,
  type ResourceChange,
} from './plan-json.ts';

const SUPPORTED_MAJOR = '1';

/** Resource types read; the others of the IAM families are listed as skipped. */
const PRINCIPAL_ATTR: Record<string, { kind: PrincipalRef['kind']; attr: string }> = {
  aws_iam_role_policy: { kind: 'role', attr: 'role' },
  aws_iam_user_policy: { kind: 'user', attr: 'user' },
  aws_iam_group_policy: { kind: 'group', attr: 'group' },
  aws_iam_role_policy_attachment: { kind: 'role', attr: 'role' },
  aws_iam_user_policy_attachment: { kind: 'user', attr: 'user' },
  aws_iam_group_policy_attachment: { kind: 'group', attr: 'group' },
  aws_iam_role_policies_exclusive: { kind: 'role', attr: 'role_name' },
  aws_iam_user_policies_exclusive: { kind: 'user', attr: 'user_name' },
  aws_iam_group_policies_exclusive: { kind: 'group', attr: 'group_name' },
  aws_iam_role_policy_attachments_exclusive: { kind: 'role', attr: 'role_name' },
  aws_iam_user_policy_attachments_exclusive: { kind: 'user', attr: 'user_name' },
  aws_iam_group_policy_attachments_exclusive: { kind: 'group', attr: 'group_name' },
};
const NAMED_TYPE: Record<PrincipalRef['kind'], string> = {
  role: 'aws_iam_role',
  user: 'aws_iam_user',
  group: 'aws_iam_group',
};
const IAM_FAMILY = /^aws_(iam|organizations|ssoadmin)_/;

export interface PlanAccount {
  accountId: string;
  /** Where it was found, in words (`provider "aws" assume_role`, `ARNs in the plan`). */
  source: string;
}

/** Validates the envelope; throws InputError naming the file and the place. */
export function parseTerraformPlan(value: unknown, file: string): PlanJson {
  const parsed = planSchema.safeParse(value);
  if (!parsed.success)
    throw new InputError(parsed.error.issues.map((issue) => issueToProblem(file, '', issue)));
  const plan = parsed.data;
  const major = plan.format_version.split('.')[0];
  if (major !== SUPPORTED_MAJOR) {
    throw new InputError([
      {
        file,
        jsonPath: 'format_version',
        message: `plan format ${plan.format_version} is not supported`,
        expected: `format 1.x, as Terraform 1.0 and later write it (\`terraform show -json PLANFILE\`)`,
      },
    ]);
  }
  return plan;
}

const ACCOUNT_IN_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/;

/**
 * The account the plan applies to: the AWS provider's `assume_role.role_arn`
 * or `allowed_account_ids` (constants, or variables with their values), else
 * the account most of the plan's known IAM ARNs name.
 */
/** The accounts the AWS provider configurations name, each with the first provider naming it. */
function providerAccounts(plan: PlanJson): PlanAccount[] {
  const varValue = (ref: string): unknown => plan.variables?.[ref.replace(/^var\./, '')]?.value;
  const exprValue = (e: unknown): unknown => {
    if (!isPlainObject(e)) return undefined;
    if ('constant_value' in e) return e.constant_value;
    const refs = Array.isArray(e.references) ? e.references : [];
    const v = refs.find((r): r is string => typeof r === 'string' && r.startsWith('var.'));
    return v === undefined ? undefined : varValue(v);
  };
  const out: PlanAccount[] = [];
  for (const [key, p] of Object.entries(plan.configuration?.provider_config ?? {})) {
    if ((p.name ?? key.split('.')[0]) !== 'aws') continue;
    const ex = p.expressions ?? {};
    const assume = Array.isArray(ex.assume_role) ? ex.assume_role[0] : undefined;
    const roleArn = isPlainObject(assume) ? exprValue(assume.role_arn) : undefined;
    const m = typeof roleArn === 'string' ? ACCOUNT_IN_ARN.exec(roleArn) : null;
    const allowed = exprValue(ex.allowed_account_ids);
    const found = m?.[1]
      ? { accountId: m[1], source: `provider "${key}" assume_role.role_arn` }
      : Array.isArray(allowed) && allowed.length === 1 && /^\d{12}$/.test(String(allowed[0]))
        ? { accountId: String(allowed[0]), source: `provider "${key}" allowed_account_ids` }
        : undefined;
    if (found && !out.some((a) => a.accountId === found.accountId)) out.push(found);
  }
  return out;
}

export function planAccount(plan: PlanJson): PlanAccount | undefined {
  const named = providerAccounts(plan)[0];
  if (named) return named;
  const counts = new Map<string, number>();
  for (const rc of plan.resource_changes ?? []) {
    if (!IAM_FAMILY.test(rc.type)) continue;
    for (const v of [rc.change.before, rc.change.after]) {
      if (!isPlainObject(v)) continue;
      for (const attr of ['arn', 'policy_arn']) {
        const m = typeof v[attr] === 'string' ? ACCOUNT_IN_ARN.exec(v[attr]) : null;
        if (m?.[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
      }
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? { accountId: best[0], source: 'the IAM ARNs the plan holds' } : undefined;
}

function toAction(actions: readonly string[]): PlanAction | undefined {
  const has = (a: string) => actions.includes(a);
  if (has('create') && (has('delete') || has('forget'))) return 'update';
  if (has('create')) return 'create';
  if (has('delete')) return 'delete';
  if (has('update')) return 'update';
  return undefined;
}

/** Reads one plan in the context of the account it applies to. */
export function readTerraformPlan(plan: PlanJson, file: string, accountId: string): ChangeSet {
  const config = configResources(plan);
  const changes = plan.resource_changes ?? [];
  const byConfig = new Map<string, { rc: ResourceChange; index: number }[]>();
  changes.forEach((rc, index) => {
    const key = configAddress(rc.address);
    const list = byConfig.get(key) ?? [];
    list.push({ rc, index });
    byConfig.set(key, list);
  });
  // Policy documents Terraform rendered during plan: prior_state holds them; planned_values those read at apply.
  const dataValues = new Map<string, Record<string, unknown>>();
  for (const r of [
    ...stateResources(plan.prior_state?.values?.root_module),
    ...stateResources(plan.planned_values?.root_module),
  ]) {
    if (r.mode === 'data' && r.values && !dataValues.has(r.address)) dataValues.set(r.address, r.values);
  }

  const out = emptyChangeSet(file, 'terraform-plan', accountId);
  const providers = providerAccounts(plan);
  if (providers.length > 1)
    out.warnings.push(
      `the AWS providers name ${providers.length} accounts (${providers.map((a) => a.accountId).join(', ')}); every change is read in account ${accountId}: check each account's resources with --account`,
    );
  const problems: InputProblem[] = [];

  changes.forEach((rc, i) => {
    if (rc.mode !== 'managed') return;
    const action = toAction(rc.change.actions);
    if (!IAM_FAMILY.test(rc.type)) return;
    const reader = new ResourceReader(rc, i, file, accountId, {
      config,
      byConfig,
      dataValues,
      unknowns: out.unknowns,
      problems,
    });
    const existing =
      reader.supported() && isPlainObject(rc.change.before) ? reader.object('before') : undefined;
    if (existing)
      out.existing.push({ address: rc.address, resourceType: rc.type, action: 'create', after: existing });
    if (action === undefined) {
      if (rc.change.actions.includes('forget'))
        out.warnings.push(
          `${rc.address}: removed from Terraform's state but not destroyed; its IAM effect stays`,
        );
      return;
    }
    if (!reader.supported()) {
      out.skipped.push({
        address: rc.address,
        resourceType: rc.type,
        reason: rc.type.startsWith('aws_ssoadmin_')
          ? 'IAM Identity Center changes are not analysed by plan-check yet'
          : 'no effect on who can assume or escalate to what',
      });
      return;
    }
    const change: PlanChange = { address: rc.address, resourceType: rc.type, action };
    if (action !== 'create' && existing) change.before = existing;
    if (action !== 'delete' && isPlainObject(rc.change.after)) change.after = reader.object('after');
    out.changes.push(change);
  });
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

interface ReaderContext {
  config: Map<string, ConfigResource>;
  byConfig: Map<string, { rc: ResourceChange; index: number }[]>;
  dataValues: Map<string, Record<string, unknown>>;
  unknowns: UnknownValue[];
  problems: InputProblem[];
}

type Side = 'before' | 'after';

class ResourceReader {
  constructor(
    private readonly rc: ResourceChange,
    private readonly i: number,
    private readonly file: string,
    private readonly accountId: string,
    private readonly ctx: ReaderContext,
  ) {}

  supported(): boolean {
    return (
      this.rc.type in PRINCIPAL_ATTR ||
      [
        'aws_iam_role',
        'aws_iam_user',
        'aws_iam_group',
        'aws_iam_policy',
        'aws_iam_group_membership',
        'aws_iam_user_group_membership',
        'aws_iam_policy_attachment',
        'aws_iam_instance_profile',
        'aws_iam_openid_connect_provider',
        'aws_iam_saml_provider',
        'aws_organizations_policy',
        'aws_organizations_policy_attachment',
      ].includes(this.rc.type)
    );
  }

  private values(side: Side): Record<string, unknown> {
    const v = this.rc.change[side];
    return isPlainObject(v) ? v : {};
  }

  private isUnknown(side: Side, attr: string): boolean {
    if (side === 'before') return false;
    const u = this.rc.change.after_unknown;
    return isPlainObject(u) && u[attr] === true;
  }

  private placeholder(attr: string): string {
    const placeholder = unknownPlaceholder(this.rc.address, attr);
    if (!this.ctx.unknowns.some((u) => u.placeholder === placeholder))
      this.ctx.unknowns.push({ address: this.rc.address, attribute: attr, placeholder });
    return placeholder;
  }

  private where(side: Side, attr: string): string {
    return formatJsonPath(['resource_changes', this.i, 'change', side, attr]);
  }

  /** The configuration's references of an attribute, module-qualified. */
  private references(attr: string): string[] {
    const cfg = this.ctx.config.get(configAddress(this.rc.address));
    const e = cfg?.expressions[attr];
    if (!isPlainObject(e) || !Array.isArray(e.references)) return [];
    const prefix = modulePrefix(this.rc.address);
    return e.references.filter((r): r is string => typeof r === 'string').map((r) => prefix + r);
  }

  /** The planned change of the resource a reference names, the same instance key preferred. */
  private referenced(ref: string, types: readonly string[]): ResourceChange | undefined {
    for (const [key, list] of this.ctx.byConfig) {
      if (!ref.startsWith(`${key}.`) && ref !== key) continue;
      const matches = list.filter((x) => types.includes(x.rc.type));
      if (matches.length === 0) continue;
      const same = matches.find((x) => x.rc.index !== undefined && x.rc.index === this.rc.index);
      if (same) return same.rc;
      if (matches.length === 1) return matches[0]?.rc;
    }
    return undefined;
  }

  /** A non-empty string value; undefined when unset, empty or known only after apply. */
  private str(side: Side, attr: string): string | undefined {
    const v = this.values(side)[attr];
    return typeof v === 'string' && v !== '' ? v : undefined;
  }

  /** A name attribute; when unknown, the name of the resource it references. */
  private nameOf(side: Side, attr: string, kind: PrincipalRef['kind']): string {
    const known = this.str(side, attr);
    if (known !== undefined) return known;
    for (const ref of this.references(attr)) {
      const target = this.referenced(ref, [NAMED_TYPE[kind]]);
      if (target) return new ResourceReader(target, -1, this.file, this.accountId, this.ctx).ownName();
    }
    return this.placeholder(attr);
  }

  private nameList(side: Side, attr: string, types: readonly string[]): string[] {
    const v = this.values(side)[attr];
    const known = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    const unknownCount = Array.isArray(v) ? v.length - known.length : this.isUnknown(side, attr) ? 1 : 0;
    if (unknownCount === 0 || side === 'before') return known;
    const resolved: string[] = [];
    for (const ref of this.references(attr)) {
      const target = this.referenced(ref, types);
      if (target)
        resolved.push(new ResourceReader(target, -1, this.file, this.accountId, this.ctx).ownName());
    }
    if (resolved.length > 0) return [...new Set([...known, ...resolved])];
    return [...known, this.placeholder(attr)];
  }

  /** This resource's own name (after apply), a placeholder when only known then. */
  ownName(): string {
    return this.str('after', 'name') ?? this.str('before', 'name') ?? this.placeholder('name');
  }

  private path(side: Side): string {
    return this.str(side, 'path') ?? '/';
  }

  /** The ARN of a managed policy this resource creates. */
  private policyArn(): string {
    const known = this.str('after', 'arn');
    if (known) return known;
    const name = this.ownName();
    if (name.startsWith('(')) return this.placeholder('arn');
    return `arn:aws:iam::${this.accountId}:policy${this.path('after')}${name}`;
  }

  private arnOf(side: Side, attr: string): string {
    const known = this.str(side, attr);
    if (known !== undefined) return known;
    for (const ref of this.references(attr)) {
      const target = this.referenced(ref, ['aws_iam_policy']);
      if (target) return new ResourceReader(target, -1, this.file, this.accountId, this.ctx).policyArn();
    }
    return this.placeholder(attr);
  }

  private arnList(side: Side, attr: string): string[] {
    const v = this.values(side)[attr];
    const known = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    if (side === 'before' || (Array.isArray(v) && known.length === v.length && !this.isUnknown(side, attr)))
      return known;
    const resolved = this.references(attr).flatMap((ref) => {
      const target = this.referenced(ref, ['aws_iam_policy']);
      return target ? [new ResourceReader(target, -1, this.file, this.accountId, this.ctx).policyArn()] : [];
    });
    return resolved.length > 0 ? [...new Set([...known, ...resolved])] : [...known, this.placeholder(attr)];
  }

  private orgPolicyId(): string {
    return this.str('after', 'id') ?? this.str('before', 'id') ?? this.placeholder('id');
  }

  /** A policy document attribute: the string in the plan, or the data source it references. */
  private document(side: Side, attr: string, jsonPath = this.where(side, attr)): PolicyDocumentJson {
    const raw = this.values(side)[attr];
    if (typeof raw === 'string' && raw.trim() !== '') return this.parseDocument(raw, jsonPath);
    if (side === 'after' && this.isUnknown(side, attr)) {
      for (const ref of this.references(attr)) {
        const m = /^(.*data\.aws_iam_policy_document\.[^.]+)/.exec(ref);
        if (!m?.[1]) continue;
        const values = this.dataValuesFor(m[1]);
        if (!values) continue;
        if (typeof values.json === 'string' && values.json !== '')
          return this.parseDocument(values.json, jsonPath);
        const rebuilt = documentFromBlocks(values, this.placeholder(`${attr} (from ${m[1]})`));
        if (rebuilt) return rebuilt;
      }
      this.placeholder(attr);
    }
    return { Version: '2012-10-17', Statement: [] };
  }

  private dataValuesFor(address: string): Record<string, unknown> | undefined {
    const direct = this.ctx.dataValues.get(address);
    if (direct) return direct;
    for (const [key, list] of this.ctx.byConfig) {
      if (key !== configAddress(address)) continue;
      const same = list.find((x) => x.rc.index === this.rc.index) ?? list[0];
      const after = same?.rc.change.after;
      if (isPlainObject(after)) return after;
    }
    return undefined;
  }

  private parseDocument(raw: string, jsonPath: string): PolicyDocumentJson {
    const parsed = parsePolicyDocument(raw);
    if (!parsed.ok) {
      this.ctx.problems.push({
        file: this.file,
        jsonPath,
        message: `${this.rc.address}: ${parsed.message}`,
        expected: POLICY_DOCUMENT_EXPECTED,
      });
      return { Version: '2012-10-17', Statement: [] };
    }
    const shape = documentShapeProblem(parsed.document);
    if (shape) {
      this.ctx.problems.push({
        file: this.file,
        jsonPath: formatJsonPath(shape.path, jsonPath),
        message: `${this.rc.address}: ${shape.message}`,
        expected: shape.expected,
      });
      return { Version: '2012-10-17', Statement: [] };
    }
    return parsed.document;
  }

  private boundary(side: Side): string | undefined {
    const b = this.str(side, 'permissions_boundary');
    if (b !== undefined) return b;
    return this.isUnknown(side, 'permissions_boundary')
      ? this.arnOf(side, 'permissions_boundary')
      : undefined;
  }

  /** Whether the configuration sets an attribute (an empty `inline_policy {}` block still counts). */
  private configured(attr: string): boolean {
    return this.ctx.config.get(configAddress(this.rc.address))?.expressions[attr] !== undefined;
  }

  object(side: Side): IamObject | undefined {
    const t = this.rc.type;
    const v = this.values(side);
    const principal = PRINCIPAL_ATTR[t];
    if (principal) {
      const owner: PrincipalRef = {
        kind: principal.kind,
        name: this.nameOf(side, principal.attr, principal.kind),
      };
      if (t.endsWith('_policies_exclusive'))
        return {
          type: 'inline-policies-exclusive',
          owner,
          names: this.nameList(side, 'policy_names', [
            'aws_iam_role_policy',
            'aws_iam_user_policy',
            'aws_iam_group_policy',
          ]),
        };
      if (t.endsWith('_attachments_exclusive'))
        return { type: 'attachments-exclusive', owner, policyArns: this.arnList(side, 'policy_arns') };
      if (t.endsWith('_attachment'))
        return { type: 'attachment', owner, policyArn: this.arnOf(side, 'policy_arn') };
      const name = this.str(side, 'name') ?? this.placeholder('name');
      return { type: 'inline-policy', owner, name, document: this.document(side, 'policy') };
    }
    switch (t) {
      case 'aws_iam_role': {
        const role: IamObject = {
          type: 'role',
          name: side === 'after' ? this.ownName() : (this.str(side, 'name') ?? this.placeholder('name')),
          path: this.path(side),
          trustPolicy: this.document(side, 'assume_role_policy'),
        };
        const boundary = this.boundary(side);
        if (boundary !== undefined) role.permissionsBoundaryArn = boundary;
        const inline = v.inline_policy;
        if (Array.isArray(inline) && (inline.length > 0 || this.configured('inline_policy'))) {
          role.inlinePolicies = inline.flatMap((p, k) => {
            if (!isPlainObject(p) || typeof p.name !== 'string' || p.name === '') return [];
            const path = formatJsonPath([
              'resource_changes',
              this.i,
              'change',
              side,
              'inline_policy',
              k,
              'policy',
            ]);
            const raw = p.policy;
            const document =
              typeof raw === 'string' && raw.trim() !== ''
                ? this.parseDocument(raw, path)
                : (this.placeholder(`inline_policy[${k}].policy`), { Version: '2012-10-17', Statement: [] });
            return [{ name: p.name, document }];
          });
        }
        const managed = v.managed_policy_arns;
        if (Array.isArray(managed) && (managed.length > 0 || this.configured('managed_policy_arns')))
          role.managedPolicyArns = this.arnList(side, 'managed_policy_arns');
        return role;
      }
      case 'aws_iam_user': {
        const user: IamObject = {
          type: 'user',
          name: this.str(side, 'name') ?? this.placeholder('name'),
          path: this.path(side),
        };
        const boundary = this.boundary(side);
        if (boundary !== undefined) user.permissionsBoundaryArn = boundary;
        return user;
      }
      case 'aws_iam_group':
        return {
          type: 'group',
          name: this.str(side, 'name') ?? this.placeholder('name'),
          path: this.path(side),
        };
      case 'aws_iam_policy':
        return {
          type: 'policy',
          arn: side === 'after' ? this.policyArn() : (this.str(side, 'arn') ?? this.policyArn()),
          name: this.str(side, 'name') ?? this.placeholder('name'),
          path: this.path(side),
          document: this.document(side, 'policy'),
        };
      case 'aws_iam_group_membership':
        return {
          type: 'group-members',
          group: this.nameOf(side, 'group', 'group'),
          users: this.nameList(side, 'users', [NAMED_TYPE.user]),
        };
      case 'aws_iam_user_group_membership':
        return {
          type: 'user-groups',
          user: this.nameOf(side, 'user', 'user'),
          groups: this.nameList(side, 'groups', [NAMED_TYPE.group]),
        };
      case 'aws_iam_policy_attachment':
        return {
          type: 'policy-holders',
          policyArn: this.arnOf(side, 'policy_arn'),
          users: this.nameList(side, 'users', [NAMED_TYPE.user]),
          roles: this.nameList(side, 'roles', [NAMED_TYPE.role]),
          groups: this.nameList(side, 'groups', [NAMED_TYPE.group]),
        };
      case 'aws_iam_instance_profile': {
        const ip: IamObject = {
          type: 'instance-profile',
          name: this.str(side, 'name') ?? this.placeholder('name'),
          path: this.path(side),
        };
        if (v.role !== null && (typeof v.role === 'string' || this.isUnknown(side, 'role')))
          ip.roleName = this.nameOf(side, 'role', 'role');
        return ip;
      }
      case 'aws_iam_openid_connect_provider':
        return {
          type: 'oidc-provider',
          url: this.str(side, 'url') ?? this.placeholder('url'),
          clientIds: Array.isArray(v.client_id_list)
            ? v.client_id_list.filter((x): x is string => typeof x === 'string')
            : [],
          thumbprints: Array.isArray(v.thumbprint_list)
            ? v.thumbprint_list.filter((x): x is string => typeof x === 'string')
            : [],
        };
      case 'aws_iam_saml_provider':
        return { type: 'saml-provider', name: this.str(side, 'name') ?? this.placeholder('name') };
      case 'aws_organizations_policy': {
        const type = this.str(side, 'type') ?? 'SERVICE_CONTROL_POLICY';
        if (type !== 'SERVICE_CONTROL_POLICY' && type !== 'RESOURCE_CONTROL_POLICY') return undefined;
        return {
          type: 'org-policy',
          id: this.orgPolicyId(),
          name: this.str(side, 'name') ?? this.placeholder('name'),
          policyType: type,
          document: this.document(side, 'content'),
        };
      }
      case 'aws_organizations_policy_attachment': {
        let policyId = this.str(side, 'policy_id');
        if (policyId === undefined) {
          for (const ref of this.references('policy_id')) {
            const target = this.referenced(ref, ['aws_organizations_policy']);
            if (target)
              policyId = new ResourceReader(target, -1, this.file, this.accountId, this.ctx).orgPolicyId();
            if (policyId) break;
          }
        }
        return {
          type: 'org-policy-attachment',
          policyId: policyId ?? this.placeholder('policy_id'),
          targetId: this.str(side, 'target_id') ?? this.placeholder('target_id'),
        };
      }
      default:
        return undefined;
    }
  }
}
