/** The Plan tab's review part: the check added to a review session of its snapshot, an existing one or a new one. */
import { ApiError, request } from '../api.ts';
import { clear, h } from '../dom.ts';
import { section } from '../panel-parts.ts';
import { showError, track } from '../status.ts';
import { addPlanToReview, type PlanCheck } from './data.ts';

/** Add the check to a review session of the snapshot: an existing one, or a new one. */
export function reviewForm(check: PlanCheck): HTMLElement {
  const canWrite = document.body.dataset.role === 'reviewer';
  const select = h('select', { id: 'plan-session', 'aria-label': 'Review session', disabled: !canWrite });
  select.append(h('option', { value: '' }, 'New session…'));
  const name = h('input', {
    type: 'text',
    id: 'plan-session-name',
    'aria-label': 'Name of the new session',
    value: `Plan ${check.fileName}`,
    disabled: !canWrite,
  });
  const note = h('input', {
    type: 'text',
    id: 'plan-note',
    'aria-label': 'Note',
    placeholder: 'note (e.g. the pull request)',
    disabled: !canWrite,
  });
  const add = h(
    'button',
    { type: 'button', class: 'btn primary', id: 'plan-add-review', disabled: !canWrite },
    'Add to review',
  );
  const done = h('p', { id: 'plan-review-done', class: 'muted', 'aria-live': 'polite' });
  select.addEventListener('change', () => (name.hidden = select.value !== ''));
  void request('REVIEW_SESSIONS', { snap: check.report.snapshot.id })
    .then((d) => {
      for (const s of d.reviewSessions.nodes) select.append(h('option', { value: s.id }, s.name));
    })
    .catch(() => undefined);
  add.addEventListener('click', () => {
    add.disabled = true;
    void (async () => {
      try {
        let sessionId = select.value;
        if (!sessionId) {
          const created = await request('CREATE_SESSION', {
            input: {
              name: name.value.trim() || `Plan ${check.fileName}`,
              snapshot: check.report.snapshot.id,
            },
          });
          sessionId = created.createReviewSession.id;
        }
        const r = await track('review', () => addPlanToReview(check, sessionId, note.value));
        clear(done);
        done.append(
          `Added ${r.items.length} item${r.items.length === 1 ? '' : 's'} to the session. `,
          h(
            'a',
            { href: `?view=review&session=${encodeURIComponent(sessionId)}`, id: 'plan-open-session' },
            'Open it',
          ),
        );
        done.dataset.sessionId = sessionId;
        done.dataset.items = String(r.items.length);
      } catch (err) {
        showError(err instanceof ApiError ? err.message : String(err));
      } finally {
        add.disabled = !canWrite;
      }
    })();
  });
  return section(
    'Review',
    canWrite ? null : h('p', { class: 'muted' }, 'Adding to a review session needs a reviewer token.'),
    h('div', { class: 'field' }, h('label', { for: 'plan-session' }, 'Session'), select),
    name,
    note,
    h('div', { class: 'row' }, add),
    done,
  );
}
