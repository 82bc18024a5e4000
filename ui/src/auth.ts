/**
 * Sign-in: the server trades `/?token=` itself and redirects. Should the page still see a token
 * (a link opened through another path), it trades it with POST auth/session and drops it from
 * the address bar, so it never lands in history or a shared link.
 */
export async function signInFromUrl(): Promise<void> {
  const p = new URLSearchParams(location.search);
  const token = p.get('token');
  if (!token) return;
  p.delete('token');
  history.replaceState(null, '', `${location.pathname}${p.size ? `?${p.toString()}` : ''}`);
  await fetch('auth/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
}
