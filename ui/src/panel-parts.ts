/** The parts of the right-hand panel every kind of details shares: opening it, facts, sections, buttons. */
import { byId, clear, h } from './dom.ts';

const panel = () => byId('details');
const body = () => byId('details-body');

export function closeDetails(): void {
  panel().hidden = true;
  panel().dataset.state = 'closed';
}

export function open(title: string, kind: string): HTMLElement {
  const p = panel();
  p.hidden = false;
  p.dataset.state = 'loading';
  p.dataset.kind = kind;
  byId('details-title').textContent = title;
  const b = body();
  clear(b);
  return b;
}

export const dl = (rows: [string, Node | string | undefined | null][]) =>
  h(
    'dl',
    { class: 'facts' },
    rows
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );

export const section = (title: string, ...children: (Node | string | null | undefined | false)[]) =>
  h('section', { class: 'detail-section' }, h('h3', {}, title), ...children);

export function button(
  label: string,
  onClick: () => void,
  attrs: Record<string, string> = {},
): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'btn', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}
