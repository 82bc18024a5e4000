/** The snapshot picker and the "diff since" picker in the top bar. */
import type { Snapshot } from './data.ts';
import { byId, clear, h } from './dom.ts';
import { state, update } from './url-state.ts';

let snapshots: Snapshot[] = [];

export function setSnapshots(list: Snapshot[]): void {
  snapshots = list.filter((s) => s.status === 'complete');
  renderPickers();
}

export function snapshotName(id: string | undefined): string {
  const s = id ? snapshots.find((x) => x.id === id || x.name === id) : snapshots[0];
  return s ? `${s.name} (${s.createdAt.slice(0, 16).replace('T', ' ')})` : (id ?? '');
}

/** The id the API treats as current: the URL's, else the newest. */
export function currentSnapshotId(): string | undefined {
  const s = state();
  const found = snapshots.find((x) => x.id === s.snap || x.name === s.snap);
  return found?.id ?? snapshots[0]?.id;
}

export function renderPickers(): void {
  const s = state();
  const pick = byId<HTMLSelectElement>('snapshot');
  const cmp = byId<HTMLSelectElement>('compare');
  clear(pick);
  clear(cmp);
  for (const x of snapshots)
    pick.append(h('option', { value: x.id }, `${x.name} · ${x.createdAt.slice(0, 10)}`));
  pick.value = currentSnapshotId() ?? '';
  const cur = currentSnapshotId();
  const curAt = snapshots.find((x) => x.id === cur)?.createdAt ?? '';
  cmp.append(h('option', { value: '' }, '—'));
  for (const x of snapshots)
    if (x.id !== cur && x.createdAt <= curAt)
      cmp.append(h('option', { value: x.id }, `${x.name} · ${x.createdAt.slice(0, 10)}`));
  cmp.value = s.view === 'diff' && s.base ? s.base : '';
  cmp.disabled = cmp.options.length <= 1;
}

export function setupPickers(): void {
  const pick = byId<HTMLSelectElement>('snapshot');
  const cmp = byId<HTMLSelectElement>('compare');
  pick.addEventListener('change', () => {
    const s = state();
    update({
      snap: pick.value,
      ...(s.view === 'diff' ? { view: 'overview' as const, base: undefined } : {}),
      sel: undefined,
    });
  });
  cmp.addEventListener('change', () => {
    if (cmp.value) update({ view: 'diff', base: cmp.value, snap: currentSnapshotId(), sel: undefined });
    else update({ view: 'overview', base: undefined, sel: undefined });
  });
}
