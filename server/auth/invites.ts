import type { MeetingId, Participant, ParticipantId } from '../../shared';
import { type TokenService, VIEWER_ID } from './tokens';

/** A participant's way in: a signed token and the link that carries it. */
export interface Invite {
  participantId: ParticipantId;
  token: string;
  joinUrl: string;
}

/**
 * Mints invites. The token travels in the link's fragment (`#token=`), which browsers never send to
 * the server, so it stays out of access logs and Referer headers.
 */
export class Invites {
  constructor(
    private readonly tokens: TokenService,
    private readonly publicUrl: () => string,
  ) {}

  async for(meetingId: MeetingId, participant: Pick<Participant, 'id' | 'role'>): Promise<Invite> {
    const token = await this.tokens.sign({
      meetingId,
      participantId: participant.id,
      role: participant.role,
    });
    return { participantId: participant.id, token, joinUrl: `${this.publicUrl()}/join#token=${token}` };
  }

  /** The read-only projector link of a meeting: a view token, good for no command. */
  async projector(meetingId: MeetingId): Promise<string> {
    const token = await this.tokens.sign({
      meetingId,
      participantId: VIEWER_ID,
      role: 'observer',
      view: true,
    });
    return `${this.publicUrl()}/projector#token=${token}`;
  }
}
