/**
 * Who can reach a role, with the people at the start of the paths: each person who can sign in as
 * a role on the way (or as the role itself) is drawn with a "can sign in as" edge; when many people
 * come in, they are drawn one node per group (the group their assignment comes through).
 */
import type { GraphResult } from '../model.ts';
import { ApiError } from '../api.ts';
import { loadPeopleReaching, type PeopleReaching } from './data.ts';
import { Builder, groupNode, link, personNode, roleNode } from './graph.ts';

/** Above this many people, they are drawn by group. */
export const GROUP_PEOPLE_ABOVE = 8;

/** The graph key of a group drawn from its name (the API's byGroup names groups). */
export const groupByNameKey = (name: string): string => `people-group/by-name/${name}`;

type Way = PeopleReaching['people'][number]['way'];

function addWay(r: GraphResult, b: Builder, way: Way): void {
  const have = new Set(r.nodes.map((n) => n.id));
  if (!have.has(way.signIn.role.key)) b.node(roleNode(way.signIn.role));
  way.path.forEach((key, i) => {
    if (i > 0 && !r.edges.some((e) => e.source === way.path[i - 1] && e.target === key))
      b.edge(link('canAssume', way.path[i - 1]!, key));
  });
}

/**
 * Adds the people who can reach `role` within `hops` to a who-can-reach result; answers the words
 * the summary adds ("· 13 people sign in on the way").
 */
export async function withPeople(r: GraphResult, role: string, hops: number): Promise<string> {
  let d: PeopleReaching;
  try {
    d = (await loadPeopleReaching(role, hops)).peopleWhoCanReach;
  } catch (err) {
    return ` · people could not be listed (${err instanceof ApiError ? err.message : String(err)})`;
  }
  if (!d.people.length) return '';
  const b = new Builder();
  const byName = new Map(d.people.map((p) => [p.person.name, p]));
  const grouped = d.people.length > GROUP_PEOPLE_ABOVE;
  for (const g of d.byGroup) {
    const members = g.people.map((n) => byName.get(n)).filter((p) => p !== undefined);
    if (grouped && g.group !== '(direct)') {
      const node = groupNode({ key: groupByNameKey(g.group), name: g.group }, members.length);
      b.node(node);
      for (const p of members) {
        addWay(r, b, p.way);
        b.edge(link('canSignIn', node.id, p.way.signIn.role.key, p.way.signIn.permissionSets.join(' · ')));
      }
      continue;
    }
    for (const p of members) {
      b.node(personNode(p.person));
      addWay(r, b, p.way);
      b.edge(link('canSignIn', p.person.key, p.way.signIn.role.key, p.way.signIn.permissionSets.join(' · ')));
    }
  }
  const extra = b.result();
  r.nodes.push(...extra.nodes.filter((n) => !r.nodes.some((m) => m.id === n.id)));
  r.edges.push(...extra.edges);
  const n = d.people.length;
  return ` · ${n} ${n === 1 ? 'person signs' : 'people sign'} in on the way${grouped ? ' (drawn by group)' : ''}`;
}
