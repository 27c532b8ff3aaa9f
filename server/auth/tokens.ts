import { timingSafeEqual } from 'node:crypto';
import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import {
  asId,
  type MeetingId,
  meetingIdSchema,
  type ParticipantId,
  participantIdSchema,
  ROLES,
  type Role,
} from '../../shared';

/**
 * What a token says: which meeting, who, and in which role. A `view` token (the projector link)
 * names no participant: it may read the meeting and receive its events, never send a command.
 */
export interface ParticipantClaims {
  meetingId: MeetingId;
  participantId: ParticipantId;
  role: Role;
  /**
   * The participant's token version when it was signed (`Participant.tokenVersion`): the token is
   * refused once the link is reissued (./current.ts). 0 for view tokens and tokens signed before
   * versions.
   */
  tokenVersion: number;
  view?: true;
}

/** Claims as a token carries them: the same, with plain-string ids (and version 0 when unsaid). */
export type WireClaims = Omit<ParticipantClaims, 'meetingId' | 'participantId' | 'tokenVersion'> & {
  meetingId: string;
  participantId: string;
  tokenVersion?: number;
};

/** The participant id that view tokens carry; no participant ever has it. */
export const VIEWER_ID = asId<ParticipantId>('viewer');

/**
 * The claims a verified token must carry. Signed by us, but still wire input: its shape is checked
 * (and its ids branded) here, once; an unknown scope is not a view token.
 */
const claimsSchema = z.object({
  mid: meetingIdSchema,
  sub: participantIdSchema,
  role: z.enum(ROLES),
  tv: z.number().int().min(0).max(1_000_000).optional(),
  scope: z.unknown().optional(),
});

const ISSUER = 'irm-room';
const AUDIENCE = 'irm-room:participant';

/** Signs and checks participant tokens (HS256 JWT) and the admin bearer token. */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly adminToken: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /**
   * A token carrying `claims` in their wire form: its ids are plain strings (tests forge tokens for
   * ids that do not exist); `verify` parses and brands them again.
   */
  sign(claims: WireClaims, ttlSeconds = this.ttlSeconds): Promise<string> {
    return new SignJWT({
      mid: claims.meetingId,
      role: claims.role,
      ...(claims.tokenVersion ? { tv: claims.tokenVersion } : {}),
      ...(claims.view ? { scope: 'view' } : {}),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.participantId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  async verify(token: unknown): Promise<ParticipantClaims | null> {
    if (typeof token !== 'string' || token.length > 2048) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return claimsOf(payload);
    } catch {
      return null;
    }
  }

  isAdmin(token: string): boolean {
    const a = Buffer.from(token);
    const b = Buffer.from(this.adminToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** The claims of a verified payload; null when it lacks one or names the viewer wrongly. */
function claimsOf(payload: JWTPayload): ParticipantClaims | null {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const { mid, sub, role, tv, scope } = parsed.data;
  if (scope === 'view') {
    return sub === VIEWER_ID
      ? { meetingId: mid, participantId: VIEWER_ID, role: 'observer', tokenVersion: 0, view: true }
      : null;
  }
  if (sub === VIEWER_ID) return null;
  return { meetingId: mid, participantId: sub, role, tokenVersion: tv ?? 0 };
}
