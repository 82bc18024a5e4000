/**
 * `iamatlas snapshots diff FROM TO`: what changed from one snapshot to another
 * (query/diff.ts, as the API's snapshotDiff answers it): role assumptions,
 * escalations, findings, and Identity Center people, memberships, assignments
 * and sign-ins that appeared or disappeared.
 */
import type { Command } from 'commander';
import type { SnapshotInfo } from '../../ingest/load/snapshots.ts';
import type { Edge, NodeRef } from '../../query/graph.ts';
import type { DiffSide, PeopleEdgeOut } from '../../query/index.ts';
import { jsonText, snapshotLabel, text } from '../render.ts';
import { queries, type WithDriver } from './common.ts';

type Snap = Pick<SnapshotInfo, 'id' | 'name'>;

export interface SnapshotsDiffResult {
  from: Snap;
  to: Snap;
  added: DiffSide;
  removed: DiffSide;
}

const nodeName = (n: NodeRef): string => n.arn ?? n.name ?? n.key;

function edgeLine(sign: string, e: Edge): string {
  const how = e.type === 'CAN_ESCALATE_TO' ? ` by ${e.method ?? 'escalation'}` : '';
  const conditional = e.conditional ? ' (conditional)' : '';
  return `  ${sign} ${nodeName(e.from)} -> ${nodeName(e.to)}${how}${conditional}`;
}

function peopleLine(sign: string, e: PeopleEdgeOut): string {
  const who = e.from.name ?? e.from.key;
  if (e.type === 'MEMBER_OF') return `  ${sign} ${who} member of group ${e.to.name ?? e.to.key}`;
  if (e.type === 'ASSIGNED')
    return `  ${sign} ${who} assigned permission set ${e.to.name ?? e.to.key} in ${e.accountId ?? '?'}`;
  const through = [...(e.direct ? ['directly'] : []), ...e.groups.map((g) => `through group ${g}`)].join(
    ', ',
  );
  return `  ${sign} ${who} can sign in as ${nodeName(e.to)} (${e.permissionSets.join(', ')}${through ? `; ${through}` : ''})`;
}

function section<T>(
  title: string,
  added: readonly T[],
  removed: readonly T[],
  line: (sign: string, x: T) => string,
): string[] {
  if (added.length === 0 && removed.length === 0) return [];
  return [
    `${title}: ${added.length} added, ${removed.length} removed`,
    ...added.map((x) => line('+', x)),
    ...removed.map((x) => line('-', x)),
  ];
}

export function render(r: SnapshotsDiffResult, { json }: { json?: boolean }): string {
  if (json) return jsonText(r);
  const { added: a, removed: d } = r;
  const lines = [
    ...section('Role assumptions (CAN_ASSUME)', a.assume, d.assume, edgeLine),
    ...section('Escalations (CAN_ESCALATE_TO)', a.escalate, d.escalate, edgeLine),
    ...section('Findings', a.findings, d.findings, (sign, f) => {
      const x = f.finding;
      return `  ${sign} [${String(x.severity)}] ${String(x.kind)}: ${String(x.title ?? x.key)}`;
    }),
    ...section('People, groups and permission sets', a.peopleNodes, d.peopleNodes, (sign, n) => {
      return `  ${sign} ${n.kind} ${n.name ?? n.key}`;
    }),
    ...section(
      'Identity Center memberships, assignments and sign-ins',
      a.peopleEdges,
      d.peopleEdges,
      peopleLine,
    ),
  ];
  const head = `From snapshot ${snapshotLabel(r.from)} to ${snapshotLabel(r.to)}:`;
  return text(lines.length ? [head, ...lines] : [`${head} no differences.`]);
}

export function register(snapshots: Command, withDriver: WithDriver): void {
  snapshots
    .command('diff')
    .description(
      'What changed from one snapshot to another: trust, escalation, findings, and Identity Center people and their access',
    )
    .argument('<from>', 'the older snapshot: id or name')
    .argument('<to>', 'the newer snapshot: id or name')
    .option('--json', 'print as JSON')
    .action(async (fromRef: string, toRef: string, opts: { json?: boolean }) => {
      await withDriver(async (driver) => {
        const { resolveSnapshot } = await import('../../ingest/load/snapshots.ts');
        const from = await resolveSnapshot(driver, fromRef);
        const to = await resolveSnapshot(driver, toRef);
        const { added, removed } = await (await queries()).snapshotDiff(driver, from.id, to.id);
        const snap = (s: SnapshotInfo): Snap => ({ id: s.id, name: s.name });
        process.stdout.write(render({ from: snap(from), to: snap(to), added, removed }, opts));
      });
    });
}
