/** Resources and the paths that reach them as the page's graph (GNode, GEdge): CAN_ACCESS is a path's last edge. */
import type { ApiNode, GraphResult } from '../model.ts';
import { toGEdge, toGNode } from '../model.ts';
import { Builder, link, personNode } from '../people/graph.ts';
import type { AccessItem, ResourceView } from './data.ts';

type Path = ResourceView['whoCanAccess']['direct'][number]['path'];

/** A resource node: its type on the second line. */
export function resourceNode(n: ApiNode, type?: string) {
  const g = toGNode({ ...n, kind: 'Resource' });
  const name = n.name ?? n.key.split(/[:/]/).pop() ?? n.key;
  return { ...g, name, label: type ? `${name}\n${type}` : name };
}

function addPath(b: Builder, p: Path): void {
  for (const n of p.nodes) b.node(n.kind === 'Resource' ? resourceNode(n) : toGNode(n));
  for (const e of p.edges) {
    const g = toGEdge(e);
    // One edge per level: the level is its label (and part of its id).
    if (g.kind === 'canAccess') {
      g.id = `${g.id}:${e.level ?? ''}`;
      g.badge = [e.level ?? '', g.badge].filter(Boolean).join(' · ');
    }
    b.edge(g);
  }
}

/** Everyone who can reach the resource, each by its shortest path, and people by the role they sign in as. */
export function whoCanAccessGraph(v: ResourceView): GraphResult {
  const b = new Builder();
  const r = v.resource;
  if (!r) return b.result();
  b.node({
    ...resourceNode({ key: r.key, kind: 'Resource', name: r.name, accountId: r.accountId }, r.type),
    mark: 'target',
  });
  const w = v.whoCanAccess;
  for (const e of [...w.direct, ...w.viaPaths]) addPath(b, e.path);
  for (const p of w.people) {
    b.node(personNode(p.person));
    b.edge(link('canSignIn', p.person.key, p.signIn.role.key, p.signIn.permissionSets.join(' · ')));
    addPath(b, p.path);
  }
  const result = b.result();
  result.target = r.key;
  return result;
}

/** Each public or external access: the caller, the resource, and the access between them. */
export function externalAccessGraph(items: readonly AccessItem[]): GraphResult {
  const b = new Builder();
  for (const x of items) {
    b.node(toGNode(x.caller));
    b.node(resourceNode(x.resource, x.resourceType));
    const conditional = x.conditions.length > 0;
    b.edge({
      ...link(
        'canAccess',
        x.caller.key,
        x.resource.key,
        x.public ? `${x.level} · public` : x.level,
        conditional,
      ),
      id: `canAccess:${x.caller.key}->${x.resource.key}:${x.level}`,
      crossAccount: true,
      severity: x.finding.severity as 'critical' | 'high' | 'medium' | 'low' | 'info',
    });
  }
  return b.result();
}
