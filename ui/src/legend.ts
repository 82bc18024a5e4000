/** The legend: built from palette.ts, so it can never disagree with the graph. */
import { h } from './dom.ts';
import type { Kind } from './palette.ts';
import {
  ADMIN_BADGE,
  CONDITION_BADGE,
  CONDITION_KINDS,
  DIFF_COLOR,
  EDGE_COLOR,
  EDGE_LABEL,
  KIND_LABEL,
  KIND_SHAPE,
  KINDS,
  SEVERITIES,
  SEVERITY_COLOR,
} from './palette.ts';
import { shapePath } from './shapes.ts';

const NS = 'http://www.w3.org/2000/svg';

function svg(w: number, hgt: number, ...children: SVGElement[]): SVGSVGElement {
  const s = document.createElementNS(NS, 'svg');
  s.setAttribute('width', String(w));
  s.setAttribute('height', String(hgt));
  s.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
  s.setAttribute('aria-hidden', 'true');
  s.append(...children);
  return s;
}

function el(tag: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export function shapeIcon(kind: Kind, fill = '#FFFFFF'): SVGSVGElement {
  const dashed = kind === 'external';
  return svg(
    22,
    18,
    el('path', {
      d: shapePath(KIND_SHAPE[kind], 11, 9, kind === 'role' ? 19 : 15, kind === 'role' ? 13 : 15),
      fill,
      stroke: '#33404D',
      'stroke-width': 1.4,
      ...(dashed ? { 'stroke-dasharray': '3 2' } : {}),
    }),
  );
}

export function lineIcon(
  color: string,
  opts: { dash?: string; width?: number; arrow?: boolean } = {},
): SVGSVGElement {
  const line = el('line', { x1: 2, y1: 9, x2: 26, y2: 9, stroke: color, 'stroke-width': opts.width ?? 2 });
  if (opts.dash) line.setAttribute('stroke-dasharray', opts.dash);
  const parts: SVGElement[] = [line];
  if (opts.arrow !== false) parts.push(el('path', { d: 'M26,9 L20,5.5 L20,12.5 Z', fill: color }));
  return svg(30, 18, ...parts);
}

export function swatch(color: string): SVGSVGElement {
  return svg(
    12,
    12,
    el('rect', {
      x: 0.5,
      y: 0.5,
      width: 11,
      height: 11,
      rx: 2,
      fill: color,
      stroke: '#33404D',
      'stroke-width': 0.8,
    }),
  );
}

const row = (icon: Element, text: string) => h('li', {}, icon, h('span', {}, text));

const group = (title: string, ...children: Element[]) => h('section', {}, h('h3', {}, title), ...children);

/** Sections for what the current view draws: the overview shows aggregated trust, the diff its two states. */
export function buildLegend(container: HTMLElement, view = 'overview'): void {
  const sections: Element[] = [
    group(
      'Principals',
      h(
        'ul',
        { class: 'legend-list' },
        KINDS.filter(
          (k) =>
            view !== 'overview' || k === 'account' || k === 'external' || k === 'anyone' || k === 'provider',
        ).map((k) => row(shapeIcon(k), KIND_LABEL[k])),
      ),
    ),
  ];
  if (view === 'overview')
    sections.push(
      group(
        'Worst finding on the roles',
        h(
          'ul',
          { class: 'legend-list' },
          SEVERITIES.map((s) => row(lineIcon(SEVERITY_COLOR[s], { width: 3, arrow: false }), s)),
          row(lineIcon(SEVERITY_COLOR.none, { width: 3, arrow: false }), 'none'),
        ),
      ),
      group(
        '',
        h(
          'p',
          { class: 'legend-note' },
          'Thickness: roles that can be assumed. Dashed: only if a condition holds. Fill: the account.',
        ),
      ),
    );
  else if (view === 'diff' || view === 'plan')
    sections.push(
      group(
        view === 'plan'
          ? 'What the plan changes (label: the resource behind it)'
          : 'Since the earlier snapshot',
        h(
          'ul',
          { class: 'legend-list' },
          row(lineIcon(DIFF_COLOR.added, { width: 3 }), 'appeared'),
          row(lineIcon(DIFF_COLOR.removed, { width: 3, dash: '2 3' }), 'disappeared'),
        ),
      ),
    );
  else
    sections.push(
      group(
        'Edges',
        h(
          'ul',
          { class: 'legend-list' },
          row(lineIcon(EDGE_COLOR.canAssume), EDGE_LABEL.canAssume),
          row(lineIcon(EDGE_COLOR.canEscalateTo, { width: 3 }), EDGE_LABEL.canEscalateTo),
          ...(view === 'resource' || view === 'external-access'
            ? [
                row(
                  lineIcon(EDGE_COLOR.canAccess, { width: 2.6 }),
                  `${EDGE_LABEL.canAccess} (label: the level)`,
                ),
              ]
            : []),
          row(
            lineIcon(EDGE_COLOR.canSignIn, { width: 2.4 }),
            `${EDGE_LABEL.canSignIn} (IAM Identity Center)`,
          ),
          row(
            lineIcon(EDGE_COLOR.canAssume, { dash: '6 3' }),
            `only if a condition holds (${CONDITION_KINDS.map((k) => CONDITION_BADGE[k]).join(', ')})`,
          ),
        ),
      ),
      group(
        '',
        h(
          'p',
          { class: 'legend-note' },
          `Fill: the account. ▶ heavy ring: start. ◎ double ring: target or admin. ${ADMIN_BADGE}: an administrator of its account.`,
        ),
      ),
    );
  container.replaceChildren(h('h2', { class: 'legend-title' }, 'Legend'), ...sections);
}
