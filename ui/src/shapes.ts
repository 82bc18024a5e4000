/** The node shapes as SVG path data, for the legend and the SVG export (same shapes as Cytoscape draws). */

const poly = (pts: [number, number][], cx: number, cy: number, w: number, h: number): string =>
  pts
    .map(([x, y], i) => `${i ? 'L' : 'M'}${(cx + (x * w) / 2).toFixed(1)},${(cy + (y * h) / 2).toFixed(1)}`)
    .join('') + 'Z';

const regular = (n: number, rot = 0): [number, number][] =>
  Array.from({ length: n }, (_, i) => {
    const a = rot + (2 * Math.PI * i) / n;
    return [Math.cos(a), Math.sin(a)];
  });

const STAR: [number, number][] = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 ? 0.42 : 1;
  const a = -Math.PI / 2 + (Math.PI * i) / 5;
  return [r * Math.cos(a), r * Math.sin(a)];
});

export function shapePath(shape: string, cx: number, cy: number, w: number, h: number): string {
  const x0 = cx - w / 2;
  const y0 = cy - h / 2;
  switch (shape) {
    case 'ellipse':
      return `M${cx - w / 2},${cy}a${w / 2},${h / 2} 0 1,0 ${w},0a${w / 2},${h / 2} 0 1,0 ${-w},0Z`;
    case 'round-rectangle': {
      const r = Math.min(w, h) * 0.25;
      return `M${x0 + r},${y0}h${w - 2 * r}a${r},${r} 0 0 1 ${r},${r}v${h - 2 * r}a${r},${r} 0 0 1 ${-r},${r}h${-(w - 2 * r)}a${r},${r} 0 0 1 ${-r},${-r}v${-(h - 2 * r)}a${r},${r} 0 0 1 ${r},${-r}Z`;
    }
    case 'barrel': {
      const k = w * 0.12;
      return `M${x0 + k},${y0}h${w - 2 * k}q${k},${h / 2} 0,${h}h${-(w - 2 * k)}q${-k},${-h / 2} 0,${-h}Z`;
    }
    case 'hexagon':
      return poly(regular(6), cx, cy, w, h);
    case 'octagon':
      return poly(regular(8, Math.PI / 8), cx, cy, w, h);
    case 'diamond':
      return poly(
        [
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
        ],
        cx,
        cy,
        w,
        h,
      );
    case 'star':
      return poly(STAR, cx, cy, w, h);
    case 'pentagon':
      return poly(regular(5, -Math.PI / 2), cx, cy, w, h);
    case 'concave-hexagon':
      return poly(
        [
          [-1, -1],
          [1, -1],
          [0.6, 0],
          [1, 1],
          [-1, 1],
          [-0.6, 0],
        ],
        cx,
        cy,
        w,
        h,
      );
    case 'tag':
      return poly(
        [
          [-1, -1],
          [0.5, -1],
          [1, 0],
          [0.5, 1],
          [-1, 1],
        ],
        cx,
        cy,
        w,
        h,
      );
    default:
      return `M${x0},${y0}h${w}v${h}h${-w}Z`;
  }
}
