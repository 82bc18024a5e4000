/** People, groups of people and permission sets in the page's search, and where picking one goes. */
import type { SearchHit } from '../data.ts';
import type { Kind } from '../palette.ts';
import { update } from '../url-state.ts';
import { searchPeople } from './data.ts';
import { isPeopleKey, isPersonKey } from './graph.ts';

/** The page kind of each people hit (SearchHit.kind is the graph label). */
export const PEOPLE_HIT_KIND: Readonly<Record<string, Kind>> = {
  Person: 'person',
  PeopleGroup: 'peopleGroup',
  PermissionSet: 'permissionSet',
};

/** What the hit list says under a people hit's name. */
export const peopleHitMeta = (hit: SearchHit & { detail?: string }): string => hit.detail ?? '';

export async function peopleHits(q: string): Promise<(SearchHit & { detail: string })[]> {
  const d = await searchPeople(q);
  return [
    ...d.people.nodes.map((p) => ({
      key: p.key,
      kind: 'Person',
      name: p.displayName ?? p.name,
      detail: `person · ${p.userName ?? p.emails[0] ?? p.id}${p.status === 'DISABLED' ? ' · disabled' : ''}`,
    })),
    ...d.peopleGroups.nodes.map((g) => ({
      key: g.key,
      kind: 'PeopleGroup',
      name: g.name,
      detail: `group of people · ${g.memberCount} ${g.memberCount === 1 ? 'member' : 'members'}`,
    })),
    ...d.permissionSets.nodes.map((ps) => ({
      key: ps.key,
      kind: 'PermissionSet',
      name: ps.name,
      detail: 'permission set',
    })),
  ];
}

/**
 * The reachability shortcuts (r, w, a) on a person, group or permission set: "what can this reach"
 * and "paths to admin" draw what a person reaches; the others have no answer for them. False for
 * any other node, which the page's own questions handle.
 */
export function askAboutPeople(view: 'reach-in' | 'reach-out' | 'admin', key: string): boolean {
  if (!isPeopleKey(key)) return false;
  if (isPersonKey(key) && view !== 'reach-in')
    update({ view: 'person-reach', node: key, to: undefined, sel: key });
  return true;
}

/** Opens the view of a people hit; false for any other hit. */
export function openPeopleHit(hit: SearchHit): boolean {
  const view =
    hit.kind === 'Person'
      ? 'person'
      : hit.kind === 'PeopleGroup'
        ? 'people-group'
        : hit.kind === 'PermissionSet'
          ? 'permission-set'
          : undefined;
  if (!view) return false;
  update({ view, node: hit.key, to: undefined, sel: hit.key });
  return true;
}
