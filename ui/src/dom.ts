/** A small element builder. Text always goes in as text nodes: nothing from the API is parsed as HTML. */
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

export function clear(el: Element): void {
  el.replaceChildren();
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

/** Arrow keys move between the items of a list; Enter or Space activates one. */
export function keyboardList(
  list: HTMLElement,
  itemSelector: string,
  activate: (el: HTMLElement) => void,
): void {
  list.addEventListener('keydown', (ev) => {
    const items = [...list.querySelectorAll<HTMLElement>(itemSelector)];
    const i = items.indexOf(document.activeElement as HTMLElement);
    let next: number;
    if (ev.key === 'ArrowDown') next = Math.min(items.length - 1, i + 1);
    else if (ev.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = items.length - 1;
    else if ((ev.key === 'Enter' || ev.key === ' ') && i >= 0) {
      ev.preventDefault();
      activate(items[i]!);
      return;
    } else return;
    ev.preventDefault();
    items[next]?.focus();
  });
}
