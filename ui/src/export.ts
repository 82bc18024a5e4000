/**
 * Exports of the current view: PNG (Cytoscape's renderer), JSON of its elements, and SVG from a
 * small serializer of what is on screen (shapes, labels, edges with their dashes and badges).
 * Cytoscape has no SVG export of its own; this one draws straight or simply curved edges.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { shapePath } from './shapes.ts';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5_000);
}

export function exportPng(cy: Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#FFFFFF', maxWidth: 8000, maxHeight: 8000 });
}

export function exportJson(cy: Core, meta: Record<string, unknown>): Blob {
  const visible = cy.elements().filter((e) => !e.hasClass('hidden'));
  const elements = visible.map((e) => ({ group: e.group(), data: e.data() as unknown }));
  return new Blob([JSON.stringify({ ...meta, elements }, null, 2)], { type: 'application/json' });
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: string | number | undefined) => (typeof v === 'number' ? v : parseFloat(v ?? '0') || 0);
const FONT = 'Inter, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

function dash(style: string, width: number): string {
  if (style === 'dashed') return ` stroke-dasharray="${(width * 3.5).toFixed(1)} ${(width * 2).toFixed(1)}"`;
  if (style === 'dotted') return ` stroke-dasharray="${width.toFixed(1)} ${(width * 2).toFixed(1)}"`;
  return '';
}

function textBlock(
  lines: string[],
  x: number,
  y: number,
  size: number,
  weight: string,
  anchorTop: boolean,
): string {
  const lh = size * 1.25;
  const top = anchorTop ? y : y - ((lines.length - 1) * lh) / 2;
  const w = Math.max(...lines.map((l) => l.length)) * size * 0.56 + 6;
  const bg = anchorTop
    ? `<rect x="${(x - w / 2).toFixed(1)}" y="${(top - size).toFixed(1)}" width="${w.toFixed(1)}" height="${(lines.length * lh + 3).toFixed(1)}" rx="3" fill="#FFFFFF" fill-opacity="0.85"/>`
    : '';
  const spans = lines
    .map((l, i) => `<tspan x="${x.toFixed(1)}" y="${(top + i * lh).toFixed(1)}">${esc(l)}</tspan>`)
    .join('');
  return `${bg}<text font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="#1F2933" text-anchor="middle" dominant-baseline="middle">${spans}</text>`;
}

function nodeSvg(n: NodeSingular): string {
  const p = n.position();
  const w = n.width();
  const hgt = n.height();
  const bw = num(n.style('border-width'));
  const fill = n.style('background-color') as string;
  const stroke = n.style('border-color') as string;
  const op = num(n.style('opacity'));
  const shape = n.style('shape') as string;
  const d = shapePath(shape, p.x, p.y, w, hgt);
  const double = n.style('border-style') === 'double';
  // A double border is two thin rings, as Cytoscape draws it.
  const ring = double ? Math.max(1, bw / 3) : bw;
  let out = `<path d="${d}" fill="${fill}" stroke="${stroke}" stroke-width="${ring}"${dash(n.style('border-style') as string, Math.max(bw, 1))}${op < 1 ? ` opacity="${op}"` : ''}/>`;
  if (double)
    out += `<path d="${shapePath(shape, p.x, p.y, w - bw * 1.3, hgt - bw * 1.3)}" fill="none" stroke="${stroke}" stroke-width="${ring}"/>`;
  const label = String(n.style('label') ?? '');
  if (label) {
    const size = num(n.style('font-size'));
    const weight = String(n.style('font-weight'));
    const lines = label.split('\n');
    const center = n.style('text-valign') === 'center';
    out += center
      ? textBlock(lines, p.x, p.y, size, weight, false)
      : textBlock(lines, p.x, p.y + hgt / 2 + 5 + size, size, weight, true);
  }
  return out;
}

function parentSvg(n: NodeSingular): string {
  const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
  const fill = n.style('background-color') as string;
  const fop = num(n.style('background-opacity'));
  const stroke = n.style('border-color') as string;
  const bw = num(n.style('border-width'));
  const size = num(n.style('font-size'));
  return (
    `<rect x="${bb.x1.toFixed(1)}" y="${bb.y1.toFixed(1)}" width="${bb.w.toFixed(1)}" height="${bb.h.toFixed(1)}" rx="6" fill="${fill}" fill-opacity="${fop}" stroke="${stroke}" stroke-width="${bw}"${dash(n.style('border-style') as string, Math.max(bw, 1))}/>` +
    `<text x="${((bb.x1 + bb.x2) / 2).toFixed(1)}" y="${(bb.y1 - 6).toFixed(1)}" font-family="${FONT}" font-size="${size}" font-weight="bold" fill="#52606D" text-anchor="middle">${esc(String(n.style('label') ?? ''))}</text>`
  );
}

function edgeSvg(e: EdgeSingular): string {
  const s = e.sourceEndpoint();
  const t = e.targetEndpoint();
  const color = e.style('line-color') as string;
  const width = num(e.style('width'));
  const cps = e.controlPoints() ?? [];
  let d = `M${s.x.toFixed(1)},${s.y.toFixed(1)}`;
  let from = s;
  if (cps.length === 1) {
    d += `Q${cps[0]!.x.toFixed(1)},${cps[0]!.y.toFixed(1)} ${t.x.toFixed(1)},${t.y.toFixed(1)}`;
    from = cps[0]!;
  } else if (cps.length >= 2) {
    d += `C${cps[0]!.x.toFixed(1)},${cps[0]!.y.toFixed(1)} ${cps[1]!.x.toFixed(1)},${cps[1]!.y.toFixed(1)} ${t.x.toFixed(1)},${t.y.toFixed(1)}`;
    from = cps[1]!;
  } else d += `L${t.x.toFixed(1)},${t.y.toFixed(1)}`;
  const op = num(e.style('opacity'));
  let out = `<path d="${d}" fill="none" stroke="${color}" stroke-width="${width}"${dash(e.style('line-style') as string, width)}${op < 1 ? ` opacity="${op}"` : ''}/>`;
  // Arrow head at the target, along the last segment.
  const ang = Math.atan2(t.y - from.y, t.x - from.x);
  const len = 6 + width * 2;
  const a1 = ang + Math.PI - 0.45;
  const a2 = ang + Math.PI + 0.45;
  out += `<path d="M${t.x.toFixed(1)},${t.y.toFixed(1)}L${(t.x + len * Math.cos(a1)).toFixed(1)},${(t.y + len * Math.sin(a1)).toFixed(1)}L${(t.x + len * Math.cos(a2)).toFixed(1)},${(t.y + len * Math.sin(a2)).toFixed(1)}Z" fill="${color}"/>`;
  const label = String(e.style('label') ?? '');
  if (label && num(e.style('text-opacity')) > 0) {
    const m = e.midpoint();
    const size = num(e.style('font-size'));
    const w = label.length * size * 0.58 + 6;
    out += `<rect x="${(m.x - w / 2).toFixed(1)}" y="${(m.y - size * 0.8).toFixed(1)}" width="${w.toFixed(1)}" height="${(size * 1.6).toFixed(1)}" rx="3" fill="${e.style('text-background-color')}" stroke="${e.style('text-border-color')}" stroke-width="0.8"/>`;
    out += `<text x="${m.x.toFixed(1)}" y="${m.y.toFixed(1)}" font-family="${FONT}" font-size="${size}" fill="#1F2933" text-anchor="middle" dominant-baseline="middle">${esc(label)}</text>`;
  }
  return out;
}

export function exportSvg(cy: Core, title: string): Blob {
  const visible = cy.elements().filter((e) => !e.hasClass('hidden') && e.visible());
  const bb = visible.boundingBox({ includeLabels: true });
  const pad = 24;
  const x = bb.x1 - pad;
  const y = bb.y1 - pad - 24;
  const w = bb.w + 2 * pad;
  const hgt = bb.h + 2 * pad + 24;
  // Parents outermost first, then edges, then nodes: the order Cytoscape paints them.
  const parents = visible
    .nodes()
    .filter((n) => n.isParent())
    .toArray()
    .map((n) => n as NodeSingular)
    .sort((a, b) => a.ancestors().length - b.ancestors().length);
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x.toFixed(1)} ${y.toFixed(1)} ${w.toFixed(1)} ${hgt.toFixed(1)}" width="${w.toFixed(0)}" height="${hgt.toFixed(0)}">`,
    `<title>${esc(title)}</title>`,
    `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${hgt.toFixed(1)}" fill="#FFFFFF"/>`,
    `<text x="${(x + pad).toFixed(1)}" y="${(y + 20).toFixed(1)}" font-family="${FONT}" font-size="14" font-weight="bold" fill="#1F2933">${esc(title)}</text>`,
    ...parents.map((n) => parentSvg(n)),
    ...visible.edges().map((e) => edgeSvg(e as EdgeSingular)),
    ...visible
      .nodes()
      .filter((n) => !n.isParent())
      .map((n) => nodeSvg(n as NodeSingular)),
    `</svg>`,
  ];
  return new Blob([parts.join('\n')], { type: 'image/svg+xml' });
}
