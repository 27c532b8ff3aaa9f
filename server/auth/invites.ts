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

  /** A link of the participant's current token version: good until it is reissued. */
  async for(
    meetingId: MeetingId,
    participant: Pick<Participant, 'id' | 'role' | 'tokenVersion'>,
  ): Promise<Invite> {
    const token = await this.tokens.sign({
      meetingId,
      participantId: participant.id,
      role: participant.role,
      tokenVersion: participant.tokenVersion,
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
