import {
  type Actor,
  ADMIN,
  addParticipant,
  addParticipantSchema,
  type Decision,
  evolve,
  type ImportResult,
  type InvitationsResult,
  type Meeting,
  markInvited,
  type ParticipantId,
  reissueLink,
  removeParticipant,
  updateParticipant,
  updateParticipantSchema,
  withoutContacts,
} from '../../../../shared';
import { demoMeeting, testContext } from '../../../../shared/domain/fixtures';
import { json, refusal } from '../test/responses';

interface FakeApiOptions {
  /** Whose token the tab holds: the administrator, or a participant of the demo meeting. */
  as?: 'admin' | ParticipantId;
  /** The meeting; the demo meeting (IRM-1, Europe/Zurich) by default. */
  meeting?: Meeting;
  /** The import's answer to a CSV: the test plays the server's CSV reading. */
  importAnswer?: (csv: string, dryRun: boolean) => { status: number; body: unknown };
  /** The invitations' answer; by default every participant with an address is sent. */
  sendAnswer?: (ids: ParticipantId[] | undefined) => { status: number; body: unknown };
}

/**
 * The secretariat's HTTP API in memory, for the tab's component tests: the routes of
 * docs/protocol.md decided by the real domain (shared/domain/secretariat.ts) on the demo meeting,
 * with bodies checked by the real schemas. The test stubs `fetch` with `fake.fetch`.
 */
export function fakeApi(options: FakeApiOptions = {}) {
  const ctx = testContext(Date.UTC(2025, 6, 14, 9, 0, 0));
  let meeting = options.meeting ?? demoMeeting();
  const requests: { method: string; path: string; body: string | null }[] = [];
  /** While set, list reads wait for `release()`: how a test sees what is in flight. */
  let held: Array<() => void> | null = null;
  const actor = (): Actor =>
    options.as === undefined || options.as === 'admin'
      ? ADMIN
      : meeting.participants.find((p) => p.id === options.as)!;

  const apply = (decision: Decision) => {
    if (!decision.ok) return decision.error;
    for (const event of decision.events) meeting = evolve(meeting, event);
    return null;
  };
  const link = (id: string) => {
    const p = meeting.participants.find((x) => x.id === id)!;
    const token = `tok-${p.id}-v${p.tokenVersion}`;
    return { participantId: p.id, token, joinUrl: `http://irm.test/join#token=${token}` };
  };

  async function route(method: string, path: string, body: string | null): Promise<Response> {
    const url = new URL(path, 'http://irm.test');
    const parts = url.pathname.replace(/^\/api\//, '').split('/');
    const [root, , sub, pid, action] = parts;
    if (root === 'me')
      return json(200, options.as && options.as !== 'admin' ? meResponse() : { caller: 'admin', mail: true });
    if (root !== 'meetings' || parts[1] !== meeting.id) return refusal('not_found', 'no such meeting');
    if (!sub) return json(200, { seq: 1, meeting: withoutContacts(meeting) });
    if (sub === 'participants' && !pid && method === 'GET') {
      if (held) await new Promise<void>((resolve) => held!.push(resolve));
      return json(200, { participants: meeting.participants, formerParticipants: [] });
    }
    if (sub === 'participants' && !pid && method === 'POST') {
      const parsed = addParticipantSchema.safeParse(JSON.parse(body ?? '{}'));
      if (!parsed.success) return refusal('invalid', parsed.error.issues.map((i) => i.message).join('; '));
      const before = new Set(meeting.participants.map((p) => p.id));
      const error = apply(addParticipant(meeting, parsed.data, ctx, actor()));
      if (error) return refusal(error.code, error.message);
      const participant = meeting.participants.find((p) => !before.has(p.id))!;
      return json(201, { participant, ...link(participant.id) });
    }
    if (sub === 'participants' && pid === 'import') {
      const answer = options.importAnswer?.(body ?? '', url.searchParams.get('dryRun') === '1');
      return answer ? json(answer.status, answer.body) : refusal('internal', 'no import answer in this test');
    }
    if (sub === 'participants' && pid) {
      const id = pid as ParticipantId;
      if (method === 'PATCH') {
        const parsed = updateParticipantSchema.safeParse(JSON.parse(body ?? '{}'));
        if (!parsed.success) return refusal('invalid', parsed.error.issues.map((i) => i.message).join('; '));
        const error = apply(updateParticipant(meeting, actor(), id, parsed.data));
        if (error) return refusal(error.code, error.message);
        return json(200, { participant: meeting.participants.find((p) => p.id === id) });
      }
      if (method === 'DELETE') {
        const error = apply(removeParticipant(meeting, actor(), id, ctx));
        return error ? refusal(error.code, error.message) : json(200, { removed: id });
      }
      if (action === 'invite') return json(200, link(id));
      if (action === 'reissue') {
        const error = apply(reissueLink(meeting, actor(), id, ctx));
        if (error) return refusal(error.code, error.message);
        return json(200, { participant: meeting.participants.find((p) => p.id === id), ...link(id) });
      }
    }
    if (sub === 'invitations.csv') {
      // The names and delegations of those asked for (everyone by default), as the server separates them.
      const cut = url.searchParams.get('delimiter') === 'semicolon' ? ';' : ',';
      const named = url.searchParams.get('participantIds')?.split(',');
      const lines = meeting.participants
        .filter((p) => !named || named.includes(p.id))
        .map((p) =>
          [p.name, p.delegation, p.email ?? '', p.role, p.lang ?? '', link(p.id).joinUrl].join(cut),
        );
      const header = ['name', 'delegation', 'email', 'role', 'lang', 'joinUrl'].join(cut);
      return new Response(`\uFEFF${[header, ...lines].map((l) => `${l}\r\n`).join('')}`, {
        status: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="IRM-1-invitations.csv"; filename*=UTF-8''IRM-1%20%C3%A9-invitations.csv`,
        },
      });
    }
    if (sub === 'invitations' && method === 'POST') {
      const ids = (JSON.parse(body ?? '{}') as { participantIds?: ParticipantId[] }).participantIds;
      const answer = options.sendAnswer?.(ids) ?? defaultSend(ids);
      if (answer.status === 200) {
        const sent = (answer.body as InvitationsResult).sent;
        apply(markInvited(meeting, actor(), sent, ctx));
      }
      return json(answer.status, answer.body);
    }
    return refusal('not_found', `no route ${method} ${path}`);
  }

  const meResponse = () => {
    const me = actor() as { id: string; role: string };
    return {
      caller: 'participant',
      meetingId: meeting.id,
      participantId: me.id,
      role: me.role,
      view: false,
      mail: true,
    };
  };

  const defaultSend = (ids: ParticipantId[] | undefined) => {
    const chosen = meeting.participants.filter((p) => (ids ? ids.includes(p.id) : p.email !== null));
    const result: InvitationsResult = {
      sent: chosen.filter((p) => p.email).map((p) => p.id),
      failed: chosen
        .filter((p) => !p.email)
        .map((p) => ({ participantId: p.id, message: 'no e-mail address' })),
    };
    return { status: 200, body: result };
  };

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path =
      typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url;
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? init.body : null;
    requests.push({ method, path, body });
    return route(method, path, body);
  };

  return {
    fetch,
    requests,
    get meeting() {
      return meeting;
    },
    /** Changes the meeting as someone else would (another secretariat member, presence). */
    change(decide: (m: Meeting) => Meeting) {
      meeting = decide(meeting);
    },
    /** From now on list reads wait until `release`. */
    hold() {
      held = [];
    },
    /** Answers every held read, and stops holding. */
    release() {
      const waiting = held ?? [];
      held = null;
      for (const resolve of waiting) resolve();
    },
    /** An import answer with these errors and nothing else, as the server words a refusal. */
    emptyPlan: (errors: ImportResult['errors']): ImportResult => ({
      created: [],
      updated: [],
      unchanged: 0,
      errors,
    }),
  };
}
