/**
 * Estimates how far the server's clock is ahead of ours from `clock` round trips (NTP-style: the
 * sample with the shortest round trip wins), so every participant sees the same countdown.
 */
export function bestOffset(
  samples: ReadonlyArray<{ sentAt: number; receivedAt: number; serverTime: number }>,
): number {
  let best: { rtt: number; offset: number } | null = null;
  for (const s of samples) {
    const rtt = s.receivedAt - s.sentAt;
    const offset = s.serverTime - (s.sentAt + s.receivedAt) / 2;
    if (!best || rtt < best.rtt) best = { rtt, offset };
  }
  return best?.offset ?? 0;
}
