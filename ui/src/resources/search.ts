/** Resources in the page's search, and where picking one goes: the resource's view. */
import { once } from '../answers.ts';
import type { SearchHit } from '../data.ts';
import type { ResourceSearchQuery, ResourceSearchQueryVariables } from '../generated/operations.ts';
import { accountLine } from '../model.ts';
import { update } from '../url-state.ts';
import * as Q from './queries.ts';

export async function resourceHits(q: string): Promise<(SearchHit & { detail: string })[]> {
  const d = await once<ResourceSearchQuery, Omit<ResourceSearchQueryVariables, 'snap'>>(Q.RESOURCE_SEARCH, {
    q,
  });
  return d.resources.nodes.map((r) => ({
    key: r.node.key,
    kind: 'Resource',
    name: r.node.name ?? r.node.key,
    ...(r.node.accountId ? { accountId: r.node.accountId } : {}),
    detail: `resource · ${r.type}${r.node.accountId ? ` · ${accountLine(r.node.accountId)}` : ''}`,
  }));
}

/** Opens the view of a resource hit; false for any other hit. */
export function openResourceHit(hit: SearchHit): boolean {
  if (hit.kind !== 'Resource') return false;
  update({ view: 'resource', node: hit.key, to: undefined, sel: undefined });
  return true;
}
