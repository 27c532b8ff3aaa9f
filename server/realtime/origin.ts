import type { IncomingMessage } from 'node:http';

/**
 * Browsers send `Origin` on every WebSocket and cross-site request; a page on another site must not
 * drive a delegate's session. Allowed: no Origin (non-browser clients, which carry a token anyway),
 * the server's own origin, and the configured list.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  const host = req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
