import type { Meeting } from '../../../shared';
import { colorFor } from '../../../shared/collab/caretColor';
import { writerName } from '../../../shared/collab/limits';

/**
 * "Name (Delegation)", as carets, comments and revision marks name people. The server checks that
 * comments and the bracket log carry exactly this name of their writer (shared/collab/limits.ts).
 */
export const displayName = writerName;

/** The signed-in participant as the editor names them, or null (projector, not yet loaded). */
export function editorUser(meeting: Meeting, participantId: string | null | undefined) {
  const me = meeting.participants.find((p) => p.id === participantId);
  if (!me) return null;
  return { participantId: me.id, name: me.name, delegation: me.delegation, color: colorFor(me.id) };
}
