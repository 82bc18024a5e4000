/** Type-ahead search over principals, roles, accounts, people and resources (an ARIA combobox). */
import type { SearchHit } from './data.ts';
import { search } from './data.ts';
import { byId, clear, h } from './dom.ts';
import { shapeIcon } from './legend.ts';
import { accountLine, kindOf } from './model.ts';
import { accountColor, KIND_LABEL } from './palette.ts';
import { ApiError } from './api.ts';
import { PEOPLE_HIT_KIND, peopleHitMeta, peopleHits } from './people/search.ts';
import { resourceHits } from './resources/search.ts';

export function setupSearch(onPick: (hit: SearchHit) => void): { focus: () => void } {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('search-results');
  let hits: SearchHit[] = [];
  let more = 0;
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const render = () => {
    clear(list);
    hits.forEach((hit, i) => {
      const person = PEOPLE_HIT_KIND[hit.kind];
      const kind = person ?? kindOf({ key: hit.key, kind: hit.kind });
      const li = h(
        'li',
        {
          id: `hit-${i}`,
          role: 'option',
          class: 'hit',
          'aria-selected': i === active ? 'true' : 'false',
          'data-key': hit.key,
        },
        shapeIcon(kind, accountColor(hit.accountId)),
        h('span', { class: 'hit-name' }, hit.name),
        h(
          'span',
          { class: 'hit-meta' },
          person || hit.kind === 'Resource'
            ? peopleHitMeta(hit)
            : `${KIND_LABEL[kind]}${hit.kind === 'Account' ? '' : ` · ${accountLine(hit.accountId)}`}`,
        ),
      );
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        pick(i);
      });
      list.append(li);
    });
    if (!hits.length) list.append(h('li', { class: 'hit empty' }, 'Nothing matches.'));
    if (more > 0)
      list.append(
        h('li', { class: 'hit more' }, `${more.toLocaleString('en')} more matches: type more to narrow.`),
      );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `hit-${active}`);
      document.getElementById(`hit-${active}`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    close();
    input.value = hit.name;
    onPick(hit);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return close();
    timer = setTimeout(async () => {
      const mine = ++seq;
      list.dataset.state = 'loading';
      try {
        const [found, people, resources] = await Promise.all([search(q), peopleHits(q), resourceHits(q)]);
        const res = [...found, ...people, ...resources];
        if (mine !== seq) return;
        hits = res;
        more = found.more;
        active = hits.length ? 0 : -1;
        render();
      } catch (err) {
        hits = [];
        clear(list);
        list.append(
          h('li', { class: 'hit empty' }, err instanceof ApiError ? err.message : 'Search failed.'),
        );
        list.hidden = false;
      } finally {
        if (mine === seq) list.dataset.state = 'ready';
      }
    }, 160);
  });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = Math.max(0, Math.min(hits.length - 1, active + (ev.key === 'ArrowDown' ? 1 : -1)));
      render();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      pick(Math.max(0, active));
    } else if (ev.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 120));
  return { focus: () => input.focus() };
}
