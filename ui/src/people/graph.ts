/** People, groups and permission sets as the page's graph nodes and edges (GNode, GEdge). */
import type { ApiNode, GEdge, GNode, GraphResult } from '../model.ts';
import { accountLine, toGNode } from '../model.ts';
import type { EdgeKind } from '../palette.ts';

const PERMISSION_SET_ARN = /^arn:aws[\w-]*:sso:::permissionSet\//;

export const isPersonKey = (key: string): boolean => key.startsWith('person/');
export const isGroupKey = (key: string): boolean => key.startsWith('people-group/');
export const isPermissionSetKey = (key: string): boolean => PERMISSION_SET_ARN.test(key);
/** A node of Identity Center: a person, a group of people or a permission set. */
export const isPeopleKey = (key: string): boolean =>
  isPersonKey(key) || isGroupKey(key) || isPermissionSetKey(key);

export function personNode(p: { key: string; name: string; displayName?: string | null }): GNode {
  const name = p.displayName ?? p.name.replace(/@.*$/, '');
  return { id: p.key, kind: 'person', name, label: name };
}

export function groupNode(
  g: { key: string; name: string; memberCount?: number | null },
  shown?: number,
): GNode {
  const count = shown ?? g.memberCount;
  const second =
    count === undefined || count === null ? '' : `\n${count} ${count === 1 ? 'person' : 'people'}`;
  return { id: g.key, kind: 'peopleGroup', name: g.name, label: `${g.name}${second}` };
}

export function permissionSetNode(ps: { key: string; name: string }): GNode {
  return { id: ps.key, kind: 'permissionSet', name: ps.name, label: `${ps.name}\npermission set` };
}

export function roleNode(r: ApiNode): GNode {
  return toGNode(r);
}

export function accountNode(id: string): GNode {
  return toGNode({ key: id, kind: 'Account' });
}

/** An edge the page draws but the API has no evidence for: sign-in, assignment, or a step of a way. */
export function link(kind: EdgeKind, source: string, target: string, badge = '', conditional = false): GEdge {
  return {
    id: `${kind}:${source}->${target}`,
    source,
    target,
    kind,
    conditional,
    conditionKinds: [],
    badge,
    crossAccount: false,
  };
}

/** Collects nodes and edges once each. */
export class Builder {
  private readonly nodes = new Map<string, GNode>();
  private readonly edges = new Map<string, GEdge>();

  node(n: GNode): this {
    if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
    return this;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  edge(e: GEdge): this {
    const old = this.edges.get(e.id);
    if (!old) this.edges.set(e.id, e);
    else if (e.badge && !old.badge.split(' · ').includes(e.badge))
      old.badge = old.badge ? `${old.badge} · ${e.badge}` : e.badge;
    return this;
  }

  result(): GraphResult {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

export const accountLabel = (id: string, name?: string | null): string =>
  name ? `${name} · ${id}` : accountLine(id);
