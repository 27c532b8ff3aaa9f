import {
  type Actor,
  ADMIN,
  addParticipant,
  asId,
  can,
  cloneMeeting,
  cloneMeetingSchema,
  createMeeting,
  createMeetingSchema,
  type Decision,
  evolve,
  type ItemId,
  type Meeting,
  type MeetingEvent,
  type MeetingId,
  type MeetingSummary,
  type ParticipantId,
  setDocuments,
  setDocumentsSchema,
  updateMeeting,
  updateMeetingSchema,
  withoutContacts,
} from '../../../../shared';
import { demoMeeting, type TestContext, testContext } from '../../../../shared/domain/fixtures';
import { json, refusal } from './responses';

/** One call the workspace made. */
export interface Call {
  method: string;
  path: string;
  body: unknown;
}

/**
 * The secretariat's API in memory, for the workspace's component tests: the routes the workspace
 * calls, with the same bodies, checks and answers as server/http/routes.ts, over the real pure
 * domain (the zod schemas, `createMeeting`, `updateMeeting`, `setDocuments`, `cloneMeeting`), so a
 * test sees the refusals the server would give. Install with `vi.stubGlobal('fetch', api.fetch)`.
 */
export class FakeApi {
  readonly adminToken = 'admin-token-for-tests';
  readonly calls: Call[] = [];
  readonly ctx: TestContext = testContext(Date.UTC(2026, 0, 10, 9, 0));
  private readonly meetings = new Map<string, Meeting>();
  /** Join tokens of participants, as `/manage` uses them. */
  private readonly participantTokens = new Map<
    string,
    { meetingId: MeetingId; participantId: ParticipantId }
  >();

  constructor() {
    const demo = demoMeeting();
    this.meetings.set(demo.id, demo);
  }

  /** The demo meeting (IRM-1, Europe/Zurich, with an agenda and the demo's participants). */
  get demo(): Meeting {
    return [...this.meetings.values()][0]!;
  }

  meeting(id: string): Meeting {
    const meeting = this.meetings.get(id);
    if (!meeting) throw new Error(`no meeting ${id}`);
    return meeting;
  }

  /** A join token for a participant of a meeting (for `/manage`). */
  tokenFor(meetingId: string, participantId: string): string {
    const token = `join-${participantId}`;
    this.participantTokens.set(token, { meetingId: asId(meetingId), participantId: asId(participantId) });
    return token;
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://irm.test');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    this.calls.push({ method, path: url.pathname, body });
    const auth = new Headers(init.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';
    const caller = auth === this.adminToken ? ('admin' as const) : this.participantTokens.get(auth);
    if (!caller) return refusal('unauthorized', 'a valid bearer token is required');
    return this.route(
      method,
      url.pathname
        .replace(/^\/api/, '')
        .split('/')
        .filter(Boolean),
      body,
      caller,
    );
  };

  private route(
    method: string,
    path: string[],
    body: unknown,
    caller: 'admin' | { meetingId: MeetingId; participantId: ParticipantId },
  ): Response {
    const actorIn = (meeting: Meeting): Actor | null =>
      caller === 'admin'
        ? ADMIN
        : caller.meetingId === meeting.id
          ? (meeting.participants.find((p) => p.id === caller.participantId) ?? null)
          : null;
    const [first, id, sub, itemId, last] = path;
    if (first === 'me' && method === 'GET') {
      if (caller === 'admin') return json(200, { caller: 'admin', mail: false });
      const meeting = this.meeting(caller.meetingId);
      const actor = actorIn(meeting)!;
      return json(200, {
        caller: 'participant',
        meetingId: meeting.id,
        participantId: caller.participantId,
        role: actor.role,
        view: false,
        mail: false,
        may: {
          configure: can(meeting, actor, 'meeting.configure'),
          read: can(meeting, actor, 'participant.read'),
          manage: can(meeting, actor, 'participant.manage'),
          archive: can(meeting, actor, 'meeting.archive'),
        },
      });
    }
    if (first !== 'meetings') return refusal('not_found', 'no such route');
    if (id === undefined) {
      if (caller !== 'admin') return refusal('forbidden', 'only the administrator lists meetings');
      if (method === 'GET') return json(200, { meetings: [...this.meetings.values()].map(summary) });
      if (method === 'POST') return this.create(body);
    }
    const meeting = id ? this.meetings.get(id) : undefined;
    if (!meeting) return refusal('not_found', 'no such meeting');
    const actor = actorIn(meeting);
    if (!actor) return refusal('forbidden', 'this token belongs to another meeting');
    if (sub === undefined && method === 'GET')
      return json(200, { seq: 1, meeting: withoutContacts(meeting) });
    if (sub === undefined && method === 'PATCH') {
      const parsed = updateMeetingSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error.issues);
      return this.apply(meeting, updateMeeting(meeting, actor, parsed.data, this.ctx), (m) => ({
        meeting: withoutContacts(m),
      }));
    }
    if (sub === 'clone' && method === 'POST') {
      if (caller !== 'admin') return refusal('forbidden', 'only the administrator clones meetings');
      const parsed = cloneMeetingSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error.issues);
      const events = cloneMeeting(meeting, this.ctx.ids.meeting(), parsed.data, this.ctx);
      const clone = this.store(events);
      const chair = clone.participants.find((p) => p.role === 'chair');
      return json(201, { meeting: withoutContacts(clone), chair: chair ? this.link(clone, chair.id) : null });
    }
    if (sub === 'agenda' && last === 'documents' && method === 'PUT') {
      const parsed = setDocumentsSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error.issues);
      return this.apply(
        meeting,
        setDocuments(meeting, actor, asId<ItemId>(itemId ?? ''), parsed.data.documents),
        (m) => ({
          item: m.agenda.find((i) => i.id === itemId),
        }),
      );
    }
    return refusal('not_found', 'no such route');
  }

  private create(body: unknown): Response {
    const parsed = createMeetingSchema.safeParse(body ?? {});
    if (!parsed.success) return invalid(parsed.error.issues);
    const id = this.ctx.ids.meeting();
    const created = createMeeting(id, parsed.data, this.ctx);
    const initial = created.reduce<Meeting | null>(evolve, null)!;
    const chair = addParticipant(
      initial,
      {
        name: parsed.data.chairName ?? 'Chair',
        delegation: parsed.data.chairDelegation ?? 'Chair',
        role: 'chair',
        category: 'member-state',
      },
      this.ctx,
    );
    if (!chair.ok) return refusal(chair.error.code, chair.error.message);
    const meeting = this.store([...created, ...chair.events]);
    return json(201, {
      meeting: withoutContacts(meeting),
      chair: this.link(meeting, meeting.participants[0]!.id),
    });
  }

  private store(events: MeetingEvent[]): Meeting {
    const meeting = events.reduce<Meeting | null>(evolve, null)!;
    this.meetings.set(meeting.id, meeting);
    return meeting;
  }

  private apply(meeting: Meeting, decision: Decision, answer: (m: Meeting) => unknown): Response {
    if (!decision.ok) return refusal(decision.error.code, decision.error.message);
    const next = decision.events.reduce<Meeting>((m, e) => evolve(m, e) as Meeting, meeting);
    this.meetings.set(next.id, next);
    return json(200, answer(next));
  }

  private link(meeting: Meeting, participantId: ParticipantId) {
    const token = this.tokenFor(meeting.id, participantId);
    return { participantId, token, joinUrl: `http://irm.test/join#token=${token}` };
  }
}

function summary(m: Meeting): MeetingSummary {
  return {
    id: m.id,
    title: m.title,
    status: m.status,
    archived: m.archived,
    timezone: m.timezone,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    createdAt: m.createdAt,
    participants: m.participants.length,
    online: m.participants.filter((p) => p.online).length,
  };
}

/** Refused bodies worded as the server words them (`path: message; …`). */
const invalid = (issues: { path: PropertyKey[]; message: string }[]) =>
  refusal(
    'invalid',
    issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`).join('; '),
  );
