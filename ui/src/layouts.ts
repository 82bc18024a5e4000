/** Layouts, as options: one per kind of view. */
import type { LayoutOptions, NodeSingular } from 'cytoscape';
import type { GraphResult } from './model.ts';

/** Paths read left to right: who starts on the left, what is reached on the right. */
export function pathLayout(nodeCount: number): LayoutOptions {
  return {
    name: 'dagre',
    rankDir: 'LR',
    nodeSep: nodeCount > 200 ? 8 : 26,
    // Labels are two or three lines under each node: dagre must leave room for them.
    nodeDimensionsIncludeLabels: true,
    rankSep: nodeCount > 200 ? 120 : 110,
    edgeSep: 8,
    ranker: 'network-simplex',
    fit: true,
    padding: 30,
    animate: false,
  } as LayoutOptions;
}

const ACCOUNT_W = 178;
const LEVEL_H = 96;
const OU_GAP = 22;
/** Top-level OUs wrap into a new band past this width, keeping the chart close to the screen's shape. */
const BAND_W = 760;
/** Sign-in providers in their row: labels are two short lines, so they sit closer than accounts. */
const PROVIDER_STEP = 124;
/** Between the sign-in providers and the outsiders above the chart. */
const GROUP_GAP = 170;

/**
 * The organization as an org chart: accounts in a row in tree order, each at the depth of its OU
 * (so nested OUs read as nested boxes); the organization's sign-in providers in a row above it,
 * and everything outside the organization above them.
 * Deterministic, so the same snapshot always looks the same in a report.
 */
export function orgChartLayout(r: GraphResult): LayoutOptions {
  const pos = new Map<string, { x: number; y: number }>();
  const children = new Map<string, string[]>();
  for (const n of r.nodes) if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n.id]);
  const byId = new Map(r.nodes.map((n) => [n.id, n]));
  let x = 0;
  const place = (id: string, depth: number) => {
    const kids = (children.get(id) ?? []).map((k) => byId.get(k)!).filter(Boolean);
    const accounts = kids.filter((k) => !k.compound).sort((a, b) => a.id.localeCompare(b.id));
    const ous = kids.filter((k) => k.compound === 'ou').sort((a, b) => a.name.localeCompare(b.name));
    for (const a of accounts) {
      pos.set(a.id, { x, y: depth * LEVEL_H });
      x += ACCOUNT_W;
    }
    for (const ou of ous) {
      x += OU_GAP;
      place(ou.id, depth + 1);
      x += OU_GAP;
    }
  };
  const depthOf = (id: string): number =>
    Math.max(
      0,
      ...(children.get(id) ?? []).filter((k) => byId.get(k)?.compound === 'ou').map((k) => 1 + depthOf(k)),
    );
  let bandY = 0;
  let widest = 0;
  const roots = r.nodes.filter((n) => n.compound === 'ou' && !n.parent);
  for (const root of roots) {
    // The root's own accounts first, then its OUs, wrapping into bands.
    const kids = (children.get(root.id) ?? []).map((k) => byId.get(k)!).filter(Boolean);
    for (const a of kids.filter((k) => !k.compound).sort((a, b) => a.id.localeCompare(b.id))) {
      pos.set(a.id, { x, y: 0 });
      x += ACCOUNT_W;
    }
    let bandDepth = 0;
    for (const ou of kids.filter((k) => k.compound === 'ou').sort((a, b) => a.name.localeCompare(b.name))) {
      if (x > BAND_W) {
        widest = Math.max(widest, x);
        x = 0;
        bandY += (bandDepth + 2) * LEVEL_H;
        bandDepth = 0;
      }
      x += OU_GAP;
      const before = pos.size;
      place(ou.id, 1);
      for (const [id, p] of [...pos.entries()].slice(before)) pos.set(id, { x: p.x, y: p.y + bandY });
      bandDepth = Math.max(bandDepth, depthOf(ou.id));
      x += OU_GAP;
    }
  }
  widest = Math.max(widest, x);
  // Accounts outside any OU (no organization.json): one row.
  for (const n of r.nodes)
    if (n.kind === 'account' && !n.compound && !pos.has(n.id) && !n.parent?.startsWith('outside')) {
      pos.set(n.id, { x, y: 0 });
      x += ACCOUNT_W;
    }
  const width = Math.max(widest - ACCOUNT_W, 0);
  // Above the chart, one row of the organization's sign-in providers, in the order of the
  // accounts they sign into (fewest crossings); above them, everything outside the organization.
  const targetOf = new Map<string, { x: number; y: number }>();
  for (const e of r.edges) {
    const at = pos.get(e.target);
    if (byId.get(e.source)?.parent === 'sign-in-providers' && at && !targetOf.has(e.source))
      targetOf.set(e.source, at);
  }
  const providers = r.nodes
    .filter((n) => n.parent === 'sign-in-providers')
    .sort((a, b) => {
      const pa = targetOf.get(a.id) ?? { x: 0, y: 0 };
      const pb = targetOf.get(b.id) ?? { x: 0, y: 0 };
      return pa.x - pb.x || pa.y - pb.y || a.id.localeCompare(b.id);
    });
  const outside = r.nodes
    .filter((n) => n.parent === 'outside-organization')
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  const step = 150;
  // One band: providers on the left, the outsiders on the right, centred over the chart.
  const providersW = providers.length ? (providers.length - 1) * PROVIDER_STEP + GROUP_GAP : 0;
  const bandW = providersW + Math.max(outside.length - 1, 0) * step;
  const start = width / 2 - bandW / 2;
  const top = -LEVEL_H * 1.6;
  providers.forEach((n, i) => pos.set(n.id, { x: start + i * PROVIDER_STEP, y: top }));
  outside.forEach((n, i) => pos.set(n.id, { x: start + providersW + i * step, y: top }));
  return {
    name: 'preset',
    positions: (n: NodeSingular) => pos.get(n.id()) ?? { x: 0, y: 0 },
    fit: true,
    padding: 28,
    animate: false,
  } as LayoutOptions;
}

/** An opened account: its principals in a compact grid inside the account box. */
export function gridLayout(): LayoutOptions {
  return { name: 'grid', avoidOverlap: true, condense: true, fit: true, padding: 30, animate: false };
}
