/** The plan view: the last plan checked, drawn over nothing else, in the snapshot-diff colours. */
import { pathLayout } from '../layouts.ts';
import type { PeopleDrawn } from '../people/views.ts';
import { currentPlan } from './data.ts';
import { planGraph } from './graph.ts';

/** What main.ts draws, in the shape the people views give it. */
export type PlanDrawn = PeopleDrawn;

export function planView(): PlanDrawn {
  const check = currentPlan();
  const crumbs: [string, string][] = [['Overview', '?view=overview']];
  if (!check)
    return {
      result: { nodes: [], edges: [] },
      layout: pathLayout(0),
      title: 'Plan check',
      summary: '',
      crumbs,
      empty: [
        'No plan checked yet',
        'Upload a Terraform plan or a CloudFormation template in the Plan panel.',
      ],
    };
  const r = check.report;
  const result = planGraph(r).result();
  const gate = r.passed ? 'gate passes' : `gate fails: ${r.failures.map((f) => f.rule).join(', ')}`;
  return {
    result,
    layout: pathLayout(result.nodes.length),
    title: `Plan ${check.fileName}`,
    summary:
      `${gate} · ${r.newAdminPathCount} new paths to admin · ${r.addedEdges.length} edges added · ` +
      `${r.removedEdges.length} removed · findings +${r.newFindings.length} −${r.resolvedFindings.length} (against ${r.snapshot.name})`,
    crumbs,
    empty: ['No change', 'The plan adds and removes no "can assume" or "can escalate to" edge.'],
  };
}
