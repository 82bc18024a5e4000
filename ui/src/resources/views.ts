/**
 * The resource views of the page: a resource with everyone who can reach it (`?view=resource&node=ARN`),
 * and the public and external access findings (`?view=external-access`, filters rType, rLevel, rPublic).
 * Each answers what main.ts draws: a graph, a title, a summary.
 */
import { pathLayout } from '../layouts.ts';
import type { PeopleDrawn } from '../people/views.ts';
import type { ViewState } from '../url-state.ts';
import { loadExternalAccess, loadResource } from './data.ts';
import { externalAccessGraph, whoCanAccessGraph } from './graph.ts';
import { showExternalAccessList, showResourceDetails } from './panel.ts';

const crumbs: [string, string][] = [['Overview', '?view=overview']];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

async function resourceView(arn: string, hops: number): Promise<PeopleDrawn> {
  const v = await loadResource(arn, hops);
  const result = whoCanAccessGraph(v);
  const w = v.whoCanAccess;
  const people = new Set(w.people.map((p) => p.person.key)).size;
  const principals = new Set([...w.direct, ...w.viaPaths].map((e) => e.node.key)).size;
  return {
    result,
    layout: pathLayout(result.nodes.length),
    title: v.resource ? `Who can access ${v.resource.name ?? arn}` : 'Resource not in this snapshot',
    summary: v.resource
      ? `${v.resource.type} · ${plural(w.direct.length, 'direct access edge')} · ${plural(principals, 'principal')} within ${hops} hops · ${plural(people, 'person', 'people')}${w.truncated ? ' · cut at the size limit' : ''}`
      : '',
    crumbs: [...crumbs, ['External access', '?view=external-access']],
    empty: ['Nobody', 'Nothing in this snapshot can access this resource.'],
  };
}

async function externalAccessView(s: ViewState): Promise<PeopleDrawn> {
  const r = (await loadExternalAccess({ type: s.rType, level: s.rLevel, publicOnly: s.rPublic }))
    .externalAccess;
  const result = externalAccessGraph(r.nodes);
  const publicCount = r.nodes.filter((x) => x.public).length;
  return {
    result,
    layout: pathLayout(result.nodes.length),
    title: 'Public and external access',
    summary: `${plural(r.totalCount, 'finding')} · ${publicCount} public · the list and its filters are in the panel on the right`,
    crumbs,
    empty: ['No public or external access', 'No finding matches these filters.'],
  };
}

export function computeResourceView(s: ViewState): Promise<PeopleDrawn> | undefined {
  if (s.view === 'resource') return resourceView(s.node ?? '', s.hops);
  if (s.view === 'external-access') return externalAccessView(s);
  return undefined;
}

/** The panel a resource view opens with when nothing is selected. */
export function showResourcePanel(s: ViewState): Promise<void> {
  return s.view === 'resource' ? showResourceDetails(s.node ?? '') : showExternalAccessList(s);
}
