import type { Meeting } from '../../../shared';

/** The caret colours the server also uses (server/collab/awareness.ts), so one's own matches. */
const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#ff7f0e',
  '#005f73',
  '#ae2012',
  '#3a5a40',
];

/** A participant's caret colour, stable across sessions. */
export function colorFor(participantId: string): string {
  let hash = 0;
  for (let i = 0; i < participantId.length; i++) hash = (hash * 31 + participantId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

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
