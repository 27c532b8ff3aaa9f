import type { RoomPort } from '../room/roomClient';

/**
 * Resolves once the room's state has proposal `id` (its `proposal.created` event comes over the
 * socket, just after the HTTP answer that created it), or after `timeoutMs`: the editor shows a text
 * the room knows, so it is opened only then.
 */
export function whenProposalArrives(room: RoomPort, id: string, timeoutMs = 5_000): Promise<void> {
  const known = () => !!room.getState().meeting?.proposals.some((p) => p.id === id);
  if (known()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const stop = room.subscribe(() => {
      if (known()) done();
    });
  });
}
