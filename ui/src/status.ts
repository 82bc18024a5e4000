/**
 * Loading and error state, shown in one place and mirrored in `data-state` on <body>
 * ("loading" | "ready" | "error"), which the browser tests wait for instead of sleeping.
 */
const inflight = new Set<string>();
let lastError: string | undefined;

function render(): void {
  const state = inflight.size ? 'loading' : lastError ? 'error' : 'ready';
  document.body.dataset.state = state;
  const bar = document.getElementById('status');
  if (!bar) return;
  bar.dataset.state = state;
  bar.textContent =
    state === 'loading' ? `Loading ${[...inflight].join(', ')}…` : state === 'error' ? (lastError ?? '') : '';
  bar.hidden = state === 'ready';
}

export async function track<T>(what: string, work: () => Promise<T>): Promise<T> {
  inflight.add(what);
  lastError = undefined;
  render();
  try {
    return await work();
  } catch (err) {
    lastError = (err as Error).message;
    throw err;
  } finally {
    inflight.delete(what);
    render();
  }
}

export function showError(message: string): void {
  lastError = message;
  render();
}

export function clearError(): void {
  lastError = undefined;
  render();
}
