/**
 * The view lives in the URL, so a link reopens the same view: which question, about which
 * node, with which assumptions and filters, in which snapshot. Everything else is derived.
 */
import type { ConditionKind, EdgeKind, Kind, Severity } from './palette.ts';
import { CONDITION_KINDS, EDGE_KINDS, KINDS, SEVERITIES } from './palette.ts';

export const VIEWS = [
  'overview',
  'account',
  'node',
  'reach-in',
  'reach-out',
  'admin',
  'paths',
  'finding',
  'review',
  'diff',
  'plan',
  'person',
  'person-reach',
  'permission-set',
  'people-group',
  'matrix',
  'resource',
  'external-access',
] as const;
export type View = (typeof VIEWS)[number];

export interface ViewState {
  view: View;
  snap?: string;
  /** Diff: the earlier snapshot. */
  base?: string;
  /** The node a question is about (or the account opened). */
  node?: string;
  /** paths: the target. */
  to?: string;
  hops: number;
  /** Analyst assumptions set to "cannot be satisfied". */
  off: ConditionKind[];
  /** Selected element (node key or edge id). */
  sel?: string;
  finding?: string;
  session?: string;
  item?: string;
  fAccount: string[];
  fKind: Kind[];
  fEdge: EdgeKind[];
  fCond?: 'conditional' | 'unconditional';
  fSeverity?: Severity;
  /** external-access: the resource type, access level and public-only filters. */
  rType?: string;
  rLevel?: string;
  rPublic?: boolean;
}

export const DEFAULT_HOPS = 4;
export const MAX_HOPS = 8;

function list<T extends string>(v: string | null, allowed: readonly T[]): T[] {
  if (!v) return [];
  return v.split(',').filter((x): x is T => (allowed as readonly string[]).includes(x));
}

export function parse(search: string): ViewState {
  const p = new URLSearchParams(search);
  const view = (VIEWS as readonly string[]).includes(p.get('view') ?? '')
    ? (p.get('view') as View)
    : 'overview';
  const hops = Math.min(MAX_HOPS, Math.max(1, Number(p.get('hops')) || DEFAULT_HOPS));
  const s: ViewState = {
    view,
    hops,
    off: list(p.get('off'), CONDITION_KINDS),
    fAccount: (p.get('fAccount') ?? '').split(',').filter((x) => /^\d{12}$/.test(x)),
    fKind: list(p.get('fKind'), KINDS),
    fEdge: list(p.get('fEdge'), EDGE_KINDS),
  };
  for (const k of [
    'snap',
    'base',
    'node',
    'to',
    'sel',
    'finding',
    'session',
    'item',
    'rType',
    'rLevel',
  ] as const) {
    const v = p.get(k);
    if (v) s[k] = v;
  }
  if (p.get('rPublic') === '1') s.rPublic = true;
  const c = p.get('fCond');
  if (c === 'conditional' || c === 'unconditional') s.fCond = c;
  const sev = p.get('fSeverity');
  if (sev && (SEVERITIES as readonly string[]).includes(sev)) s.fSeverity = sev as Severity;
  return s;
}

export function serialize(s: ViewState): string {
  const p = new URLSearchParams();
  p.set('view', s.view);
  for (const k of [
    'snap',
    'base',
    'node',
    'to',
    'finding',
    'session',
    'item',
    'sel',
    'rType',
    'rLevel',
  ] as const) {
    const v = s[k];
    if (v) p.set(k, v);
  }
  if (s.rPublic) p.set('rPublic', '1');
  if (s.hops !== DEFAULT_HOPS) p.set('hops', String(s.hops));
  if (s.off.length) p.set('off', s.off.join(','));
  if (s.fAccount.length) p.set('fAccount', s.fAccount.join(','));
  if (s.fKind.length) p.set('fKind', s.fKind.join(','));
  if (s.fEdge.length) p.set('fEdge', s.fEdge.join(','));
  if (s.fCond) p.set('fCond', s.fCond);
  if (s.fSeverity) p.set('fSeverity', s.fSeverity);
  return `?${p.toString()}`;
}

let current: ViewState = parse('');
const listeners: ((s: ViewState, prev: ViewState) => void)[] = [];

export function state(): ViewState {
  return current;
}

export function onChange(fn: (s: ViewState, prev: ViewState) => void): void {
  listeners.push(fn);
}

/** Reads the URL (dropping a one-time login token, which must not stay in history or in shared links). */
export function load(): ViewState {
  const p = new URLSearchParams(location.search);
  if (p.has('token')) {
    p.delete('token');
    history.replaceState(null, '', `${location.pathname}?${p.toString()}`);
  }
  current = parse(location.search);
  return current;
}

/** Changes the view: a new history entry when the question changes, a replaced one for selections and filters. */
export function update(patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push'): void {
  const prev = current;
  current = { ...current, ...patch };
  for (const [k, v] of Object.entries(patch))
    if (v === undefined) delete (current as unknown as Record<string, unknown>)[k];
  const url = `${location.pathname}${serialize(current)}`;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  for (const fn of listeners) fn(current, prev);
}

window.addEventListener('popstate', () => {
  const prev = current;
  current = parse(location.search);
  for (const fn of listeners) fn(current, prev);
});
