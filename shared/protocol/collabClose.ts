/**
 * WebSocket close codes of the live text channel, `/collab` (docs/collab.md), with the reason the
 * server sends. The stock y-websocket provider stops reconnecting on 4400–4499 (permanent) and
 * reconnects on anything else, so "try again" reasons use 4500–4599 or the standard 1001. The server
 * closes with these and the browser client tells its participant which one it was.
 */
export const COLLAB_CLOSE = {
  /** The server is shutting down; the provider reconnects. */
  goingAway: { code: 1001, reason: 'server shutting down' },
  /** A message could not be decoded, or an update failed validation: reconnecting would repeat it. */
  invalid: { code: 4400, reason: 'invalid message' },
  /**
   * A newer connection of the same participant (token) took over: over the per-participant cap, the
   * oldest goes. Permanent, so the provider does not reconnect and take the place back in turn.
   */
  replaced: { code: 4409, reason: 'replaced by a newer connection' },
  /**
   * The participant's link was reissued: the token this connection opened with no longer signs anyone
   * in (a new upgrade with it is refused 401). Permanent; the room says to open the new link.
   */
  linkReplaced: { code: 4401, reason: 'link replaced' },
  /** The participant was removed from the meeting: their token signs nobody in. Permanent. */
  removed: { code: 4403, reason: 'removed from the meeting' },
  /**
   * An update over a limit an honest user can reach (document size, comment quotas, a huge paste):
   * permanent, since reconnecting would send it again; the editor tells the user (docs/collab.md).
   */
  overLimit: { code: 4413, reason: 'over limit' },
  /** An update that could not be judged (validation timed out twice): the provider reconnects. */
  unjudged: { code: 4513, reason: 'update not validated' },
  /** The document could not be stored or loaded; the provider reconnects and resyncs. */
  unavailable: { code: 4503, reason: 'document unavailable' },
  /** Over the message or byte budget; reconnecting resyncs whatever was dropped. */
  rateLimited: { code: 4529, reason: 'rate limited' },
  /** The client reads too slowly (too much buffered); it reconnects and resyncs. */
  slowConsumer: { code: 4508, reason: 'too much unsent data' },
} as const;
