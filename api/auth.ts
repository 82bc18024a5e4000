/**
 * Who is calling. Scripts send `Authorization: Bearer TOKEN`. The page signs in
 * the way notebook servers do: `serve` prints a URL with a one-time token; the
 * page (or the browser following the URL) trades it for an HttpOnly,
 * SameSite=Strict session cookie, and the token is spent.
 *
 * Sessions and one-time tokens live in this object, one per app: nothing global.
 */
import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import type { ApiConfig } from './config.ts';
import type { Role } from './tokens.ts';

export const SESSION_COOKIE = 'iamatlas_session';

export interface Caller {
  role: Role;
  via: 'bearer' | 'cookie';
  /** Who is calling, as the credentials say (the token's name, or the sign-in's): recorded as the reviewer. */
  name: string;
}

interface Session {
  role: Role;
  name: string;
  expires: number;
}

export class AuthError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 403,
  ) {
    super(message);
  }
}

/** Cookies of a request; a value that is not valid percent-encoding is left out (it is no session of ours). */
function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    try {
      out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
    } catch {
      // URIError: malformed percent-encoding.
    }
  }
  return out;
}

/** host[:port] of an Origin header; undefined for `null` (opaque origins) and anything that is not a URL. */
function originHost(origin: string): string | undefined {
  try {
    const u = new URL(origin);
    return u.host || undefined;
  } catch {
    return undefined;
  }
}

export class Auth {
  private readonly sessions = new Map<string, Session>();
  private readonly loginTokens = new Map<string, { role: Role; name: string; expires: number }>();

  constructor(private readonly config: ApiConfig) {}

  /**
   * A token that signs one browser in once, within `ttlMs` (default the config's signInTtlMs,
   * minutes), with the given role (default reader: reviewer rights only when asked for).
   */
  issueLoginToken(role: Role = 'reader', ttlMs = this.config.signInTtlMs): string {
    const token = crypto.randomBytes(24).toString('base64url');
    const id = crypto.createHash('sha256').update(token).digest('hex').slice(0, 8);
    this.loginTokens.set(token, { role, name: `${role} sign-in ${id}`, expires: Date.now() + ttlMs });
    return token;
  }

  /** Spends a one-time token; returns the new session cookie value, or undefined when the token is not valid. */
  exchange(loginToken: string): { sessionId: string; role: Role } | undefined {
    const t = this.loginTokens.get(loginToken);
    if (!t) return undefined;
    this.loginTokens.delete(loginToken);
    if (t.expires < Date.now()) return undefined;
    const sessionId = crypto.randomBytes(32).toString('base64url');
    this.sessions.set(sessionId, {
      role: t.role,
      name: t.name,
      expires: Date.now() + this.config.sessionTtlMs,
    });
    return { sessionId, role: t.role };
  }

  setSessionCookie(res: Response, sessionId: string): void {
    res.cookie(SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      path: '/',
      maxAge: this.config.sessionTtlMs,
    });
  }

  endSession(req: Request, res: Response): void {
    const id = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (id) this.sessions.delete(id);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  /** The caller of a request; throws AuthError (401) when it brings no valid credentials. */
  authenticate(req: Request): Caller {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m) throw new AuthError('The Authorization header must be "Bearer TOKEN".', 401);
      const who = this.config.tokens.identify(m[1]!);
      if (!who) throw new AuthError('The bearer token is not valid.', 401);
      return { role: who.role, via: 'bearer', name: who.name };
    }
    const id = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (id) {
      const s = this.sessions.get(id);
      if (s && s.expires > Date.now()) {
        // A cookie is sent by the browser on its own: refuse cross-site writes even if SameSite were ignored.
        const origin = req.headers.origin;
        if (origin && req.method !== 'GET') {
          const host = originHost(origin);
          if (host === undefined)
            throw new AuthError(
              `A request from the origin "${origin.slice(0, 100)}" (a sandboxed frame or a local file) cannot use the session cookie; send "Authorization: Bearer TOKEN" instead.`,
              401,
            );
          if (host !== req.headers.host)
            throw new AuthError('Cross-origin requests cannot use the session cookie.', 403);
        }
        return { role: s.role, via: 'cookie', name: s.name };
      }
      if (s) this.sessions.delete(id);
    }
    throw new AuthError(
      'Authentication required: send "Authorization: Bearer TOKEN" (tokens are printed by `iamatlas serve` on first start), or open the sign-in URL it prints.',
      401,
    );
  }
}
