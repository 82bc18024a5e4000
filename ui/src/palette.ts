/**
 * What colours and shapes mean, once for the whole page (graph, legend, lists, SVG export).
 * Accounts take Paul Tol's colour-blind-safe "light" scheme as node fills; severities and
 * diff states take saturated Okabe–Ito colours and are only ever drawn on edges, badges and
 * list markers, so a colour never means two things on the same element.
 */

export type Kind =
  | 'user'
  | 'role'
  | 'group'
  | 'service'
  | 'provider'
  | 'account'
  | 'anyone'
  | 'external'
  | 'person'
  | 'peopleGroup'
  | 'permissionSet'
  | 'resource';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type ConditionKind = 'mfa' | 'externalId' | 'network' | 'federation' | 'region' | 'other';
export type EdgeKind =
  | 'canAssume'
  | 'canEscalateTo'
  | 'canAccess'
  | 'trustSummary'
  | 'canSignIn'
  | 'assigned'
  | 'provisions'
  | 'memberOf';

export const KINDS: readonly Kind[] = [
  'user',
  'role',
  'group',
  'service',
  'provider',
  'account',
  'anyone',
  'external',
  'person',
  'peopleGroup',
  'permissionSet',
  'resource',
];
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const CONDITION_KINDS: readonly ConditionKind[] = [
  'mfa',
  'externalId',
  'network',
  'federation',
  'region',
  'other',
];
export const EDGE_KINDS: readonly EdgeKind[] = ['canAssume', 'canEscalateTo', 'canAccess'];

/** Cytoscape node shapes; the SVG exporter draws the same ones. */
export const KIND_SHAPE: Readonly<Record<Kind, string>> = {
  user: 'ellipse',
  role: 'round-rectangle',
  group: 'barrel',
  service: 'hexagon',
  provider: 'diamond',
  account: 'rectangle',
  anyone: 'star',
  external: 'octagon',
  person: 'pentagon',
  peopleGroup: 'concave-hexagon',
  permissionSet: 'tag',
  resource: 'cut-rectangle',
};

export const KIND_LABEL: Readonly<Record<Kind, string>> = {
  user: 'user',
  role: 'role',
  group: 'group',
  service: 'AWS service',
  provider: 'identity provider',
  account: 'account',
  anyone: 'anyone (*)',
  external: 'outside the organization',
  person: 'person (Identity Center)',
  peopleGroup: 'group of people (Identity Center)',
  permissionSet: 'permission set',
  resource: 'resource (bucket, key, queue, secret, ...)',
};

/** One name for one thing: the legend, the evidence panel and the filters say these. */
export const EDGE_LABEL: Readonly<Record<EdgeKind, string>> = {
  canAssume: 'can assume',
  canEscalateTo: 'can escalate to',
  canAccess: 'can access',
  trustSummary: 'cross-account trust',
  canSignIn: 'can sign in as',
  assigned: 'is assigned',
  provisions: 'is provisioned as',
  memberOf: 'is a member of',
};

/** Drawn under the name of an administrator (GraphNode.isAdmin), which also gets a double ring. */
export const ADMIN_BADGE = '⚑ admin';

/** Badge text drawn on a conditional edge. */
export const CONDITION_BADGE: Readonly<Record<ConditionKind, string>> = {
  mfa: 'MFA',
  externalId: 'ExternalId',
  network: 'IP',
  federation: 'Federation',
  region: 'Region',
  other: 'Other',
};

export const CONDITION_HELP: Readonly<Record<ConditionKind, string>> = {
  mfa: 'the caller signed in with MFA',
  externalId: 'the caller knows the ExternalId',
  network: 'the request comes from the allowed source IP / VPC',
  federation: 'the identity provider issues a token with the required claims',
  region: 'the request goes to an allowed region',
  other: 'any other request-time condition holds',
};

export const SEVERITY_COLOR: Readonly<Record<Severity | 'none', string>> = {
  critical: '#B2182B',
  high: '#D55E00',
  medium: '#E69F00',
  low: '#56B4E9',
  info: '#8C8C8C',
  none: '#4D5A66',
};

export const EDGE_COLOR: Readonly<Record<EdgeKind, string>> = {
  canAssume: '#3B4754',
  canEscalateTo: '#AA3377',
  canAccess: '#0072B2',
  trustSummary: '#4D5A66',
  canSignIn: '#117733',
  assigned: '#6C7A89',
  provisions: '#6C7A89',
  memberOf: '#9AA5B1',
};

export const DIFF_COLOR = { added: '#0072B2', removed: '#D55E00' } as const;

/** Paul Tol "light": nine fills that stay apart for every common colour-vision deficiency. */
const ACCOUNT_FILLS = [
  '#77AADD',
  '#EE8866',
  '#EEDD88',
  '#FFAABB',
  '#99DDFF',
  '#44BB99',
  '#BBCC33',
  '#AAAA00',
  '#DDDDDD',
];
export const OUTSIDE_FILL = '#FFFFFF';

/** A stable colour per account id: the order accounts were first seen, so the demo always looks the same. */
const accountOrder = new Map<string, number>();
export function registerAccounts(ids: readonly string[]): void {
  for (const id of [...ids].sort()) if (!accountOrder.has(id)) accountOrder.set(id, accountOrder.size);
}
export function accountColor(accountId: string | undefined): string {
  if (!accountId) return OUTSIDE_FILL;
  let i = accountOrder.get(accountId);
  if (i === undefined) {
    i = accountOrder.size;
    accountOrder.set(accountId, i);
  }
  return ACCOUNT_FILLS[i % ACCOUNT_FILLS.length]!;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  info: 0,
};

export function worstSeverity(list: readonly (Severity | undefined)[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const s of list) if (s && (!worst || SEVERITY_RANK[s] > SEVERITY_RANK[worst])) worst = s;
  return worst;
}
