import { asId, type Command, type CommandInput, type Meeting, type MeetingId } from '../../shared';
import type { Invites } from '../auth/invites';
import { newId } from '../ids';
import type { MeetingService } from '../meeting/service';
import { IRM1 } from './irm1';

/**
 * The demo meeting's id, the same in every process and on every start: start-up prints join links
 * for this meeting only (server/main.ts), never for meetings created through the API, whose ids are
 * random.
 */
export const DEMO_MEETING_ID = asId<MeetingId>('m_demo_irm1');

/** Creates the IRM-1 demo meeting when the store has no meeting at all. Returns its id. */
export async function seedDemoIfEmpty(service: MeetingService): Promise<MeetingId | null> {
  if (service.meetingIds().length > 0) return null;
  const { meeting, chair } = await service.createMeeting(
    {
      title: IRM1.title,
      timezone: IRM1.timezone,
      defaultSpeakingSeconds: IRM1.defaultSpeakingSeconds,
      startsAt: IRM1.startsAt,
      endsAt: IRM1.endsAt,
      chairName: IRM1.chair.name,
      chairDelegation: IRM1.chair.delegation,
    },
    { id: DEMO_MEETING_ID },
  );
  for (const body of IRM1.participants) {
    const added = await service.addParticipant(meeting.id, body);
    if ('error' in added) throw new Error(`seeding participant failed: ${JSON.stringify(added.error)}`);
  }
  const asChair = async (command: CommandInput) => {
    const ack = await service.submitCommand(meeting.id, chair.id, {
      ...command,
      id: newId('seed'),
    } as Command);
    if (!ack.ok) throw new Error(`seeding ${command.type} failed: ${ack.error.message}`);
  };
  for (const item of IRM1.agenda) await asChair({ type: 'agenda.add', ...item });
  const agenda = service.room(meeting.id)!.state.agenda;
  for (const { agendaNumber, ...proposal } of IRM1.proposals) {
    const itemId = agenda.find((i) => i.number === agendaNumber)?.id;
    await asChair({ type: 'proposal.create', ...proposal, itemId });
  }
  return meeting.id;
}

/** One line per participant: who, and the personal link that signs them in. */
export async function joinLinks(meeting: Meeting, invites: Invites): Promise<string[]> {
  const lines: string[] = [];
  for (const p of meeting.participants) {
    const { joinUrl } = await invites.for(meeting.id, p);
    lines.push(`  ${`${p.role} · ${p.delegation}`.padEnd(58)} ${joinUrl}`);
  }
  lines.push(
    `  ${'projector (read-only, for screen sharing)'.padEnd(58)} ${await invites.projector(meeting.id)}`,
  );
  return lines;
}
