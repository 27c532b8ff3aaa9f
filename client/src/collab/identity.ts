import type { Meeting } from '../../../shared';
import { colorFor } from '../../../shared/collab/caretColor';

/** "Name (Delegation)", as carets, comments and revision marks name people. */
export function displayName(person: { name: string; delegation?: string }): string {
  return person.delegation && !person.name.includes(`(${person.delegation})`)
    ? `${person.name} (${person.delegation})`
    : person.name;
}

/** The signed-in participant as the editor names them, or null (projector, not yet loaded). */
export function editorUser(meeting: Meeting, participantId: string | null | undefined) {
  const me = meeting.participants.find((p) => p.id === participantId);
  if (!me) return null;
  return { participantId: me.id, name: me.name, delegation: me.delegation, color: colorFor(me.id) };
}
