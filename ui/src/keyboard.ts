/** Keyboard shortcuts, listed once: the help dialog is built from this table. */
import { byId, clear, h } from './dom.ts';

export interface Shortcut {
  keys: string;
  what: string;
  run: () => void;
}

export function setupKeyboard(shortcuts: Shortcut[]): void {
  const dl = byId('help-keys');
  clear(dl);
  for (const s of shortcuts) dl.append(h('dt', {}, h('kbd', {}, s.keys)), h('dd', {}, s.what));
  document.addEventListener('keydown', (ev) => {
    const t = ev.target as HTMLElement;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const typing = t.closest('input, textarea, select, [contenteditable]');
    if (typing && ev.key !== 'Escape') return;
    const s = shortcuts.find((x) => x.keys.split(' / ').includes(ev.key));
    if (!s) return;
    ev.preventDefault();
    s.run();
  });
}
