import { evolve, type ParticipantId } from '../../../shared';
import type { localRoom } from './localRoom';

/** Marks participants connected, as the server's presence events would (fixtures start offline). */
export function connect(local: ReturnType<typeof localRoom>, ...who: ParticipantId[]) {
  for (const participantId of who)
    local.room.meeting = evolve(local.room.meeting, { type: 'participant.online', participantId });
  local.set({ meeting: local.room.meeting });
}
