/**
 * The layout of a large organization's overview: every box (the root, an expanded OU, the
 * outsiders) flows what it holds left to right and wraps into rows no wider than the screen's
 * shape allows, so an OU of 60 accounts is a block, not a band. Outsiders sit above the root.
 * Deterministic: the same snapshot and expansion always look the same.
 */
import type { LayoutOptions, NodeSingular } from 'cytoscape';
import type { GNode, GraphResult } from '../model.ts';

const LEAF_W = 220;
const LEAF_H = 96;
/** Room a box takes around what it holds (its border and title). */
const PAD = 40;
const GAP = 60;

interface Box {
  w: number;
  h: number;
  /** Places the box with its top-left corner at (x, y). */
  place(x: number, y: number): void;
}

export function orgScaleLayout(r: GraphResult): LayoutOptions {
  const pos = new Map<string, { x: number; y: number }>();
  const children = new Map<string, GNode[]>();
  for (const n of r.nodes) if (n.parent) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);

  const leaf = (n: GNode): Box => ({
    w: LEAF_W,
    h: LEAF_H,
    place: (x, y) => pos.set(n.id, { x: x + LEAF_W / 2, y: y + LEAF_H / 2 }),
  });

  /** A row-wrapping flow of boxes, wrapping past `maxW`. */
  const flow = (items: Box[], maxW: number): Box => {
    const rows: Box[][] = [[]];
    let x = 0;
    for (const b of items) {
      if (x > 0 && x + b.w > maxW) {
        rows.push([]);
        x = 0;
      }
      rows.at(-1)!.push(b);
      x += b.w;
    }
    const widths = rows.map((row) => row.reduce((s, b) => s + b.w, 0));
    const heights = rows.map((row) => Math.max(0, ...row.map((b) => b.h)));
    return {
      w: Math.max(0, ...widths) + PAD,
      h: heights.reduce((s, h) => s + h, 0) + PAD,
      place: (x0, y0) => {
        let y = y0 + PAD / 2;
        rows.forEach((row, i) => {
          let x = x0 + PAD / 2;
          for (const b of row) {
            b.place(x, y);
            x += b.w;
          }
          y += heights[i]!;
        });
      },
    };
  };

  const box = (n: GNode): Box => {
    const kids = children.get(n.id) ?? [];
    if (!n.compound) return leaf(n);
    // Accounts and collapsed units first, then the boxes of expanded OUs, each in name order.
    const sorted = [...kids].sort(
      (a, b) => Number(!!a.compound) - Number(!!b.compound) || a.name.localeCompare(b.name),
    );
    const inner = sorted.map(box);
    // About as wide as tall for the leaves, never wider than six of them.
    const leaves = inner.filter((b) => b.w === LEAF_W).length;
    const cols = Math.max(3, Math.min(6, Math.ceil(Math.sqrt(leaves * 1.6))));
    const maxW = Math.max(cols * LEAF_W, ...inner.map((b) => b.w));
    const f = flow(inner, maxW);
    return { w: f.w + GAP / 2, h: f.h + GAP / 2, place: (x, y) => f.place(x + GAP / 4, y + GAP / 4) };
  };

  const tops = r.nodes.filter((n) => !n.parent);
  const outside = tops.filter((n) => n.compound === 'outside');
  const inside = tops.filter((n) => n.compound !== 'outside');
  let y = 0;
  for (const n of [...outside, ...inside]) {
    const b = box(n);
    b.place(0, y);
    y += b.h + GAP;
  }
  return {
    name: 'preset',
    positions: (n: NodeSingular) => pos.get(n.id()) ?? { x: 0, y: 0 },
    fit: true,
    padding: 28,
    animate: false,
  } as LayoutOptions;
}
