import { timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { ROLES, type Role } from '../../shared';

/**
 * What a token says: which meeting, who, and in which role. A `view` token (the projector link)
 * names no participant: it may read the meeting and receive its events, never send a command.
 */
export interface ParticipantClaims {
  meetingId: string;
  participantId: string;
  role: Role;
  view?: true;
}

/** The participant id that view tokens carry; no participant ever has it. */
export const VIEWER_ID = 'viewer';

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

  sign(claims: ParticipantClaims, ttlSeconds = this.ttlSeconds): Promise<string> {
    return new SignJWT({
      mid: claims.meetingId,
      role: claims.role,
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
      const role = payload.role as Role;
      if (typeof payload.mid !== 'string' || typeof payload.sub !== 'string' || !ROLES.includes(role))
        return null;
      if (payload.scope === 'view') {
        return payload.sub === VIEWER_ID
          ? { meetingId: payload.mid, participantId: VIEWER_ID, role: 'observer', view: true }
          : null;
      }
      if (payload.sub === VIEWER_ID) return null;
      return { meetingId: payload.mid, participantId: payload.sub, role };
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
