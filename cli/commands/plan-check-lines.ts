/** The pieces of text every plan-check report shares: short principal names, hops, paths, edges, the verdict. */
import type { AdminPathDelta, EdgeDelta, HopView } from '../../engine/plan/diff.ts';
import type { PlanCheckResult } from '../../query/index.ts';

export const short = (key: string): string => {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):(?:role|user|group)(\/.*)$/.exec(key);
  return m ? `${m[1]}:${m[2]?.slice(1)}` : key;
};

export function hopText(h: HopView, mark: (s: string) => string, esc: (s: string) => string): string {
  const label = esc(h.kind === 'IS_ADMIN' ? 'is admin' : `${h.kind}${h.method ? ` (${h.method})` : ''}`);
  return h.changed ? mark(label) : label;
}

/** `from -[hop]-> to ...`, changed hops passed through `mark`; `esc` escapes each piece of text. */
export function pathLine(
  p: AdminPathDelta,
  mark: (s: string) => string,
  esc: (s: string) => string = (s) => s,
): string {
  const parts = [esc(short(p.from))];
  for (const h of p.hops)
    parts.push(
      `-[${hopText(h, mark, esc)}]->`,
      esc(h.kind === 'IS_ADMIN' ? `admin of ${p.adminAccount}` : short(h.to)),
    );
  return parts.join(' ');
}

export const edgeLine = (e: EdgeDelta): string =>
  `${short(e.from)} -[${e.kind} ${e.method}]-> ${short(e.to)}${e.conditionKeys.length ? ` [needs ${e.conditionKeys.join(', ')}]` : ''}`;

export const by = (addresses: readonly string[]): string =>
  addresses.length ? `  (by ${addresses.join(', ')})` : '';

export function verdict(r: PlanCheckResult): string {
  return r.failures.length === 0
    ? `passes (${r.rules.join(', ') || 'no rules'})`
    : `FAILS: ${r.failures.map((f) => `${f.rule} (${f.count})`).join(', ')}`;
}
