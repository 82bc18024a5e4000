/**
 * The Host header allow-list. A browser page of another site can point its own
 * name at 127.0.0.1 (DNS rebinding) and then talk to this server as "its"
 * origin; it still sends its own name as Host, so answering only the names this
 * server is meant to have stops it. Loopback names are always allowed; others
 * come from configuration (`*` allows any, for use behind a proxy that checks).
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** The name of a Host header without its port, lower-cased; undefined when it is not a host name. */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/.exec(h);
  return m?.[1];
}

export function isLoopbackName(name: string): boolean {
  return LOOPBACK.has(name) || name.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(name);
}

export function hostAllowed(header: string | undefined, allowed: readonly string[]): boolean {
  const name = hostName(header);
  if (!name) return false;
  if (isLoopbackName(name)) return true;
  return allowed.some((a) => a === '*' || a.toLowerCase() === name);
}
