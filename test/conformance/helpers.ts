/**
 * Builders and a table runner for the AWS-conformance suite.
 *
 * Every case is a row: a name, a citation of the AWS documentation section it
 * rests on, an EvaluationInput and the expected outcome. The expected values
 * come from AWS's documentation, never from what the evaluator returns.
 */
import { describe, expect, it } from 'vitest';
import type {
  ContextValue,
  Decision,
  EvaluationInput,
  EvaluationRequest,
  EvaluationResult,
  PolicyInput,
  PolicyKind,
  RequestPrincipal,
  RequestResource,
} from '../../engine/types.ts';

// ---------------------------------------------------------------------------
// Loading the evaluator. The import is resolved at run time so that this suite
// typechecks before engine/evaluate/index.ts exists.
// ---------------------------------------------------------------------------

export type EvaluateFn = (input: EvaluationInput) => EvaluationResult | Promise<EvaluationResult>;

const EVALUATOR_URL = new URL('../../engine/evaluate/index.ts', import.meta.url).href;
let cached: EvaluateFn | undefined;

export async function loadEvaluate(): Promise<EvaluateFn> {
  if (cached) return cached;
  let mod: { evaluate?: unknown };
  try {
    mod = (await import(/* @vite-ignore */ EVALUATOR_URL)) as { evaluate?: unknown };
  } catch (err) {
    throw new Error(`engine/evaluate/index.ts could not be loaded: ${String(err)}`, { cause: err });
  }
  if (typeof mod.evaluate !== 'function') {
    throw new Error('engine/evaluate/index.ts does not export a function named evaluate');
  }
  cached = mod.evaluate as EvaluateFn;
  return cached;
}

export async function run(input: EvaluationInput): Promise<EvaluationResult> {
  const evaluate = await loadEvaluate();
  return await evaluate(input);
}

// ---------------------------------------------------------------------------
// Accounts and principals
// ---------------------------------------------------------------------------

/** The account most cases live in. */
export const A = '111111111111';
/** A second account (cross-account cases). */
export const B = '222222222222';
/** The organization's management account. */
export const MGMT = '999999999999';
/** An account in no known organization. */
export const EXT = '333333333333';

export const ORG = 'o-a1b2c3d4e5';
export const OTHER_ORG = 'o-zzzzzzzzzz';
export const ROOT_ID = 'r-ab12';
export const OU_ID = 'ou-ab12-11111111';
export const ORG_PATH = `${ORG}/${ROOT_ID}/${OU_ID}/`;

export function user(account: string, name: string, extra: Partial<RequestPrincipal> = {}): RequestPrincipal {
  return {
    type: 'User',
    arn: `arn:aws:iam::${account}:user/${name}`,
    accountId: account,
    name,
    uniqueId: `AIDA${account}${name.toUpperCase()}`.slice(0, 21),
    ...extra,
  };
}

/** A session of an IAM role (the request comes from `assumed-role/NAME/SESSION`). */
export function role(
  account: string,
  name: string,
  extra: Partial<RequestPrincipal> & { path?: string } = {},
): RequestPrincipal {
  const { path, ...rest } = extra;
  return {
    type: 'Role',
    arn: `arn:aws:iam::${account}:role${path ?? '/'}${name}`,
    accountId: account,
    name,
    sessionName: 'session1',
    uniqueId: `AROA${account}${name.toUpperCase()}`.slice(0, 21),
    ...rest,
  };
}

export function rootUser(account: string, extra: Partial<RequestPrincipal> = {}): RequestPrincipal {
  return { type: 'Root', arn: `arn:aws:iam::${account}:root`, accountId: account, ...extra };
}

export function servicePrincipal(name: string): RequestPrincipal {
  return { type: 'Service', arn: name };
}

/** Session ARN for a role session principal built with `role(...)`. */
export function sessionArn(p: RequestPrincipal): string {
  return `arn:aws:sts::${p.accountId}:assumed-role/${p.name}/${p.sessionName}`;
}

// ---------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------

export function res(arn: string, extra: Partial<RequestResource> = {}): RequestResource {
  return { arn, ...extra };
}

export function roleRes(
  account: string,
  name: string,
  extra: Partial<RequestResource> = {},
): RequestResource {
  return { arn: `arn:aws:iam::${account}:role/${name}`, accountId: account, ...extra };
}

export function bucketObj(
  bucket: string,
  key: string,
  extra: Partial<RequestResource> = {},
): RequestResource {
  return { arn: `arn:aws:s3:::${bucket}/${key}`, ...extra };
}

// ---------------------------------------------------------------------------
// Policy documents
// ---------------------------------------------------------------------------

export type Stmt = Record<string, unknown>;
type OneOrMany = string | string[];

export function allow(action: OneOrMany, resource: OneOrMany = '*', extra: Stmt = {}): Stmt {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

export function deny(action: OneOrMany, resource: OneOrMany = '*', extra: Stmt = {}): Stmt {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra };
}

/** A resource-policy / trust statement: Principal, Action and (for non-trust) Resource. */
export function grant(principal: unknown, action: OneOrMany, extra: Stmt = {}): Stmt {
  return { Effect: 'Allow', Principal: principal, Action: action, ...extra };
}

export function refuse(principal: unknown, action: OneOrMany, extra: Stmt = {}): Stmt {
  return { Effect: 'Deny', Principal: principal, Action: action, ...extra };
}

export function doc(...statements: Stmt[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

let policyCounter = 0;
export function pol(document: Record<string, unknown> | string, id?: string): PolicyInput {
  policyCounter += 1;
  return { id: id ?? `arn:aws:iam::${A}:policy/conformance-${policyCounter}`, document };
}

/** One identity policy made of these statements. */
export function identity(...statements: Stmt[]): PolicyInput[] {
  return [pol(doc(...statements))];
}

/** FullAWSAccess, as AWS Organizations attaches it by default. */
export const FULL_ACCESS = doc({ Effect: 'Allow', Action: '*', Resource: '*' });

export function scpLevel(...statements: Stmt[]): PolicyInput[] {
  return [pol(doc(...statements), `p-${(policyCounter + 1).toString().padStart(8, '0')}`)];
}

export function fullAccessLevel(): PolicyInput[] {
  return [pol(FULL_ACCESS, 'p-FullAWSAccess')];
}

// ---------------------------------------------------------------------------
// Requests and inputs
// ---------------------------------------------------------------------------

export function req(
  principal: RequestPrincipal,
  action: string,
  resource: RequestResource,
  context?: Record<string, ContextValue>,
  absentKeys?: string[],
): EvaluationRequest {
  const r: EvaluationRequest = { principal, action, resource };
  if (context) r.context = context;
  if (absentKeys) r.absentKeys = absentKeys;
  return r;
}

/** The same input with its request changed (contextComplete, notBefore, ...). */
export function withRequest(input: EvaluationInput, more: Partial<EvaluationRequest>): EvaluationInput {
  return { ...input, request: { ...input.request, ...more } };
}

/** An input with just identity policies. */
export function idOnly(request: EvaluationRequest, ...statements: Stmt[]): EvaluationInput {
  return { request, identityPolicies: statements.length ? identity(...statements) : [] };
}

/** sts:AssumeRole on `target` with the given trust statements and identity statements. */
export function assume(
  principal: RequestPrincipal,
  target: RequestResource,
  trust: Stmt[],
  identityStatements: Stmt[] = [],
  more: Partial<EvaluationInput> = {},
  context?: Record<string, ContextValue>,
): EvaluationInput {
  return {
    request: req(principal, 'sts:AssumeRole', target, context),
    identityPolicies: identityStatements.length ? identity(...identityStatements) : [],
    resourcePolicy: pol(doc(...trust), `${target.arn}#trust`),
    resourcePolicyKind: 'trust',
    ...more,
  };
}

// ---------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------

export interface ExpectedCondition {
  key: string;
  mustHold: boolean;
}

export interface ExpectedEvidence {
  policyKind: PolicyKind;
  sid?: string;
  statementIndex?: number;
}

export interface Case {
  name: string;
  /** 'AWS doc page title § section (URL)'. */
  cite: string;
  input: EvaluationInput;
  expect: {
    /** One decision, or (where AWS names the outcome only as "denied") the acceptable ones. */
    decision: Decision | Decision[];
    /** Subset that must be present. `[]` means: the result must carry no conditions. */
    conditions?: ExpectedCondition[];
    /** Subset that must be present in `evidence`. */
    evidence?: ExpectedEvidence[];
  };
  /** A reading chosen where AWS's text is ambiguous; kept for reviewers. */
  note?: string;
  /** Skip with this reason (ambiguous in AWS's text; see README). */
  skip?: string;
}

export function checkResult(c: Case, result: EvaluationResult): void {
  const where = `${c.name}\n  rests on: ${c.cite}\n  reasons: ${JSON.stringify(result.reasons)}`;
  const allowedDecisions = Array.isArray(c.expect.decision) ? c.expect.decision : [c.expect.decision];
  expect(allowedDecisions, `decision ${result.decision} — ${where}`).toContain(result.decision);
  const conds = c.expect.conditions;
  if (conds) {
    if (conds.length === 0) {
      expect(
        result.conditions.map((x) => `${x.key}:${x.mustHold}`),
        `expected no unresolved conditions — ${where}`,
      ).toEqual([]);
    }
    for (const want of conds) {
      const found = result.conditions.some(
        (got) => got.key.toLowerCase() === want.key.toLowerCase() && got.mustHold === want.mustHold,
      );
      expect(
        found,
        `condition ${want.key} mustHold=${want.mustHold} in ${JSON.stringify(
          result.conditions.map((x) => ({ key: x.key, mustHold: x.mustHold })),
        )} — ${where}`,
      ).toBe(true);
    }
  }
  for (const want of c.expect.evidence ?? []) {
    const found = result.evidence.some(
      (got) =>
        got.policyKind === want.policyKind &&
        (want.sid === undefined || got.sid === want.sid) &&
        (want.statementIndex === undefined || got.statementIndex === want.statementIndex),
    );
    expect(
      found,
      `evidence ${JSON.stringify(want)} in ${JSON.stringify(
        result.evidence.map((x) => ({
          policyKind: x.policyKind,
          sid: x.sid,
          statementIndex: x.statementIndex,
        })),
      )} — ${where}`,
    ).toBe(true);
  }
}

/** Runs a table of cases as one `describe` block. */
export function runCases(title: string, cases: Case[]): void {
  describe(title, () => {
    const names = new Set<string>();
    for (const c of cases) {
      if (names.has(c.name)) throw new Error(`duplicate case name: ${c.name}`);
      names.add(c.name);
    }
    const live = cases.filter((c) => !c.skip);
    const skipped = cases.filter((c) => c.skip);
    if (live.length) {
      it.each(live.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        checkResult(c, await run(c.input));
      });
    }
    for (const c of skipped) it.skip(`${c.name} (skipped: ${c.skip})`, () => {});
  });
}

// ---------------------------------------------------------------------------
// Citations. Page titles and section names as they appear in the AWS docs.
// ---------------------------------------------------------------------------

const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const ORGS = 'https://docs.aws.amazon.com/organizations/latest/userguide';

export const CITE = {
  grammar: `IAM JSON policy language grammar § Notes on the policy grammar: single values may omit the array brackets (${IAM}/reference_policies_grammar.html)`,
  statement: `IAM JSON policy elements: Statement § Statement is a single statement object or an array of them (${IAM}/reference_policies_elements_statement.html)`,
  version: `IAM JSON policy elements: Version § 2012-10-17 vs 2008-10-17: variables are literal strings in the older version (${IAM}/reference_policies_elements_version.html)`,
  urlEncoded: `GetAccountAuthorizationDetails (IAM API Reference) § "Policies returned by this operation are URL-encoded compliant with RFC 3986" (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html)`,
  action: `IAM JSON policy elements: Action § prefix and action name are case insensitive; * and ? wildcards (${IAM}/reference_policies_elements_action.html)`,
  notAction: `IAM JSON policy elements: NotAction § NotAction with Allow / with Deny (${IAM}/reference_policies_elements_notaction.html)`,
  resource: `IAM JSON policy elements: Resource § Including wildcards in resource ARNs; ARNs are case sensitive (${IAM}/reference_policies_elements_resource.html)`,
  notResource: `IAM JSON policy elements: NotResource § NotResource with Allow / with Deny (${IAM}/reference_policies_elements_notresource.html)`,
  principalAccounts: `IAM JSON policy elements: Principal § AWS account principals (${IAM}/reference_policies_elements_principal.html#principal-accounts)`,
  principalUsers: `IAM JSON policy elements: Principal § IAM user principals (${IAM}/reference_policies_elements_principal.html#principal-users)`,
  principalRoles: `IAM JSON policy elements: Principal § IAM role principals (unique principal IDs; deleted roles) (${IAM}/reference_policies_elements_principal.html#principal-roles)`,
  principalSessions: `IAM JSON policy elements: Principal § Role session principals (${IAM}/reference_policies_elements_principal.html#principal-role-session)`,
  principalServices: `IAM JSON policy elements: Principal § AWS service principals (${IAM}/reference_policies_elements_principal.html#principal-services)`,
  principalFederated: `IAM JSON policy elements: Principal § OIDC / SAML session principals (${IAM}/reference_policies_elements_principal.html#principal-federated-web-identity)`,
  principalAnon: `IAM JSON policy elements: Principal § All principals ("*" and {"AWS":"*"}) (${IAM}/reference_policies_elements_principal.html#principal-anonymous)`,
  notPrincipal: `IAM JSON policy elements: NotPrincipal § NotPrincipal with Deny (list the account ARN too; the Bob example) (${IAM}/reference_policies_elements_notprincipal.html#specifying-notprincipal)`,
  notPrincipalBoundary: `Permissions boundaries for IAM entities § Evaluating effective permissions with boundaries — a resource-based Deny with NotPrincipal always denies a principal that has a boundary (${IAM}/access_policies_boundaries.html#access_policies_boundaries-eval-logic)`,
  uniqueIds: `IAM identifiers § Unique identifiers (${IAM}/reference_identifiers.html#identifiers-unique-ids)`,
  vars: `IAM policy elements: Variables and tags § Using variables in policies (${IAM}/reference_policies_variables.html#policy-vars-using-variables)`,
  varsResource: `IAM policy elements: Variables and tags § Where you can use policy variables — Resource element (${IAM}/reference_policies_variables.html#policy-vars-resourceelement)`,
  varsCondition: `IAM policy elements: Variables and tags § Where you can use policy variables — Condition element (${IAM}/reference_policies_variables.html#policy-vars-conditionelement)`,
  varsNoValue: `IAM policy elements: Variables and tags § Policy variables with no value (${IAM}/reference_policies_variables.html#policy-vars-no-value)`,
  varsSpecial: `IAM policy elements: Variables and tags § Special characters \${*} \${?} \${$} (${IAM}/reference_policies_variables.html#policy-vars-specialchars)`,
  varsDefault: `IAM policy elements: Variables and tags § Specifying default values (${IAM}/reference_policies_variables.html#policy-vars-default-values)`,
  varsPrincipalTable: `IAM policy elements: Variables and tags § Principal key values (aws:username, aws:userid, aws:PrincipalType) (${IAM}/reference_policies_variables.html#principaltable)`,
  condOps: `IAM JSON policy elements: Condition operators § (Important) a key missing from the request context makes the condition false; negated operators true (${IAM}/reference_policies_elements_condition_operators.html)`,
  condString: `IAM JSON policy elements: Condition operators § String condition operators (${IAM}/reference_policies_elements_condition_operators.html#Conditions_String)`,
  condNumeric: `IAM JSON policy elements: Condition operators § Numeric condition operators (${IAM}/reference_policies_elements_condition_operators.html#Conditions_Numeric)`,
  condDate: `IAM JSON policy elements: Condition operators § Date condition operators (${IAM}/reference_policies_elements_condition_operators.html#Conditions_Date)`,
  condBool: `IAM JSON policy elements: Condition operators § Boolean condition operators (${IAM}/reference_policies_elements_condition_operators.html#Conditions_Boolean)`,
  condBinary: `IAM JSON policy elements: Condition operators § Binary condition operators (${IAM}/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals)`,
  condIp: `IAM JSON policy elements: Condition operators § IP address condition operators (IPv4 and IPv6 CIDR) (${IAM}/reference_policies_elements_condition_operators.html#Conditions_IPAddress)`,
  condArn: `IAM JSON policy elements: Condition operators § Amazon Resource Name (ARN) condition operators (${IAM}/reference_policies_elements_condition_operators.html#Conditions_ARN)`,
  condIfExists: `IAM JSON policy elements: Condition operators § ...IfExists condition operators (${IAM}/reference_policies_elements_condition_operators.html#Conditions_IfExists)`,
  condNull: `IAM JSON policy elements: Condition operators § Condition operator to check existence of condition keys (Null) (${IAM}/reference_policies_elements_condition_operators.html#Conditions_Null)`,
  condMulti: `Conditions with multiple context keys or values § Evaluation logic for multiple context keys or values (AND across keys/operators, OR across values, NOR for negated) (${IAM}/reference_policies_condition-logic-multiple-context-keys-or-values.html)`,
  condSets: `Single-valued vs. multivalued context keys § Set operators for multivalued context keys: ForAllValues / ForAnyValue (${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html)`,
  condKeyCase: `IAM JSON policy elements: Condition § The condition block: condition key names are not case-sensitive (${IAM}/reference_policies_elements_condition.html)`,
  globalKeys: `AWS global condition context keys (${IAM}/reference_policies_condition-keys.html)`,
  keyPrincipalOrgId: `AWS global condition context keys § aws:PrincipalOrgID (${IAM}/reference_policies_condition-keys.html#condition-keys-principalorgid)`,
  keyPrincipalOrgPaths: `AWS global condition context keys § aws:PrincipalOrgPaths (${IAM}/reference_policies_condition-keys.html#condition-keys-principalorgpaths)`,
  keyPrincipalArn: `AWS global condition context keys § aws:PrincipalArn (${IAM}/reference_policies_condition-keys.html#condition-keys-principalarn)`,
  keyPrincipalAccount: `AWS global condition context keys § aws:PrincipalAccount (${IAM}/reference_policies_condition-keys.html#condition-keys-principalaccount)`,
  keyPrincipalTag: `AWS global condition context keys § aws:PrincipalTag/tag-key (${IAM}/reference_policies_condition-keys.html#condition-keys-principaltag)`,
  keyPrincipalType: `AWS global condition context keys § aws:PrincipalType (values Account, User, FederatedUser, AssumedRole, Anonymous) (${IAM}/reference_policies_condition-keys.html#condition-keys-principaltype)`,
  keyResourceTag: `AWS global condition context keys § aws:ResourceTag/tag-key (${IAM}/reference_policies_condition-keys.html#condition-keys-resourcetag)`,
  keyIamResourceTag: `Controlling access to and for IAM users and roles using tags § Controlling access to IAM resources (iam:ResourceTag) (${IAM}/access_iam-tags.html#access_iam-tags_control-resources)`,
  keyMfa: `AWS global condition context keys § aws:MultiFactorAuthPresent (${IAM}/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent)`,
  keySourceIp: `AWS global condition context keys § aws:SourceIp (${IAM}/reference_policies_condition-keys.html#condition-keys-sourceip)`,
  keyCurrentTime: `AWS global condition context keys § aws:CurrentTime (${IAM}/reference_policies_condition-keys.html#condition-keys-currenttime)`,
  keyRequestTag: `AWS global condition context keys § aws:RequestTag/tag-key (${IAM}/reference_policies_condition-keys.html#condition-keys-requesttag)`,
  keySourceIdentity: `AWS global condition context keys § aws:SourceIdentity (${IAM}/reference_policies_condition-keys.html#condition-keys-sourceidentity)`,
  externalId: `Access to AWS accounts owned by third parties § sts:ExternalId in the trust policy (${IAM}/id_roles_common-scenarios_third-party.html)`,
  mfaApi: `Configure MFA-protected API access § scenarios (${IAM}/id_credentials_mfa_configure-api-require.html)`,
  oidcKeys: `Available keys for AWS OIDC federation § GitHub token.actions.githubusercontent.com:sub (${IAM}/reference_policies_iam-condition-keys.html#condition-keys-wif)`,
  samlKeys: `Available keys for SAML-based AWS STS federation § saml:aud (${IAM}/reference_policies_iam-condition-keys.html#condition-keys-saml)`,
  denyAllow: `Policy evaluation logic § How AWS enforcement code logic evaluates requests to allow or deny access (${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html)`,
  evalBasics: `Policy evaluation logic § Evaluating identity-based and resource-based policies in a single account (${IAM}/reference_policies_evaluation-logic_policy-eval-basics.html)`,
  crossAccount: `Cross-account policy evaluation logic (${IAM}/reference_policies_evaluation-logic-cross-account.html)`,
  boundaries: `Permissions boundaries for IAM entities § Evaluating effective permissions with boundaries (${IAM}/access_policies_boundaries.html#access_policies_boundaries-eval-logic)`,
  sessionPolicies: `Policies and permissions in IAM § Session policies (${IAM}/access_policies.html#policies_session)`,
  scps: `Service control policies (SCPs) § Tasks and entities not restricted by SCPs (management account, service-linked roles) (${ORGS}/orgs_manage_policies_scps.html)`,
  scpEval: `SCP evaluation § Allow at every level: root, OU and account must each allow (${ORGS}/orgs_manage_policies_scps_evaluation.html)`,
  rcps: `Resource control policies (RCPs) § RCPs don't affect resources in the management account (${ORGS}/orgs_manage_policies_rcps.html)`,
  rcpEval: `RCP evaluation (${ORGS}/orgs_manage_policies_rcps_evaluation.html)`,
  assumeRoleApi: `AssumeRole (AWS STS API Reference) § trust policy, same-account users named as principal, root user cannot call AssumeRole (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html)`,
  simulator: `SimulatePrincipalPolicy (IAM API Reference) § ContextEntries: the context keys and values the simulation uses; a key the policies test that is not given is reported in MissingContextValues, so the request carries only what is given (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html)`,
  keyTokenIssueTime: `AWS global condition context keys § aws:TokenIssueTime (present only in requests signed with temporary credentials) (${IAM}/reference_policies_condition-keys.html#condition-keys-tokenissuetime)`,
  keyEpochTime: `AWS global condition context keys § aws:EpochTime (${IAM}/reference_policies_condition-keys.html#condition-keys-epochtime)`,
  getSessionToken: `GetSessionToken (AWS STS API Reference) § DurationSeconds: at most 129,600 seconds (36 hours) (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html)`,
  rootUser: `AWS account root user § the root user has complete access to all AWS services and resources in the account; SCPs limit it in member accounts (${IAM}/id_root-user.html)`,
  trustRole: `Update a role trust policy § (the trust policy must allow the caller; an identity-policy Allow is not enough) (${IAM}/id_roles_update-role-trust-policy.html)`,
} as const;
