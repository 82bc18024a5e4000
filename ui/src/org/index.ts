/**
 * The page at organization scale, as the hooks main.ts calls: whether the overview starts from
 * the OUs, the overview and matrix views, the ranked lists, and clicks that expand a unit.
 */
import type { Core } from 'cytoscape';
import { gridLayout } from '../layouts.ts';
import { orgScaleLayout } from './layout.ts';
import { knownAccounts } from '../model.ts';
import { SEVERITY_COLOR } from '../palette.ts';
import { renderLists, hideLists } from './lists.ts';
import { hideMatrix, showMatrix } from './matrix.ts';
import { loadOrgOverview, ORG_SCALE_ACCOUNTS, orgScaleForced, toggleUnit } from './overview.ts';

export { collapseAll, onExpandChange, prefetchOrgOverview } from './overview.ts';

export { FIRST_SCREEN_BUDGET } from './budget.ts';

/** Does the overview start from the OUs? Past ORG_SCALE_ACCOUNTS accounts it does. */
export function isOrgScale(): boolean {
  return knownAccounts.size > ORG_SCALE_ACCOUNTS || orgScaleForced();
}

/** Leaving a view: the matrix and the lists belong to theirs. */
export function leaveOrgViews(view: string): void {
  if (view !== 'matrix') hideMatrix();
  if (view !== 'overview' || !isOrgScale()) hideLists();
}

export async function orgOverviewView() {
  const r = await loadOrgOverview();
  const ous = r.units.filter((u) => u.kind === 'OU' && u.parentId).length;
  const outside = r.units.filter((u) => u.kind === 'OUTSIDE_GROUP').reduce((n, u) => n + u.memberCount, 0);
  void renderLists(r).catch(() => undefined);
  return {
    result: r,
    layout: orgScaleLayout(r),
    title: `Organization ${r.organizationId ?? ''}`.trim(),
    summary: `${r.accountCount} accounts in ${ous} OUs · ${outside} callers outside the organization · ${r.edges.length} aggregated trust edges shown. Click an OU or a group to expand it; double-click an account to open it.`,
    empty: ['No snapshot loaded', 'Load one with `iamatlas demo` or `iamatlas ingest PATH`.'] as [
      string,
      string,
    ],
  };
}

export async function matrixView() {
  const m = await showMatrix();
  return {
    result: { nodes: [], edges: [] },
    layout: gridLayout(),
    title: 'Trust between accounts',
    summary: `${m.accounts} accounts · ${m.cells} caller–target pairs with a role to assume`,
    crumbs: [['Overview', '?view=overview']] as [string, string][],
  };
}

/** Clicks on an OU or an outside group expand or collapse it; OUs look like boxes of accounts. */
export function wireOrg(c: Core): void {
  c.on('tap', 'node[orgUnit = "OU"][parent], node[orgUnit = "OUTSIDE_GROUP"]', (ev) =>
    toggleUnit(ev.target.id()),
  );
  c.style()
    .selector('node[orgUnit = "OU"][!compound]')
    .style({
      shape: 'round-rectangle',
      width: 168,
      height: 62,
      'font-size': 11.5,
      'background-color': '#E4E7EB',
      'border-width': 2,
      'border-style': 'double',
      'border-color': '#52606D',
    })
    .selector('node[orgUnit = "OUTSIDE_GROUP"][!compound]')
    .style({ width: 60, height: 60, 'font-size': 11 })
    .selector('node[orgUnit][worst = "critical"][!compound], node[orgUnit][worst = "high"][!compound]')
    .style({ 'border-color': SEVERITY_COLOR.high })
    .update();
}
