import {
  type Actor,
  can,
  draftChairSummary,
  evolve,
  LANGUAGES,
  type Language,
  type MeetingEvent,
  type MeetingRecord,
  type ParticipantId,
} from '../../../../shared';
import type { Room } from '../../../../shared/domain/fixtures';
import { json, refusal } from '../../admin/test/responses';
import type { RoomState } from '../../room/roomClient';
import { isCsvFile, RECORD_FILES, type RecordFile } from '../api';
import { recordFixture } from './recordFixture';

/** One call the view made. */
export interface RecordCall {
  method: string;
  path: string;
  lang: string | null;
  /** `?delimiter=` of a CSV download. */
  delimiter: string | null;
  body: unknown;
}

/**
 * The record's routes in memory, for the view's component tests: the same paths, bearer tokens,
 * permission (`meeting.record`, `summary.create` of the one table) and answers as the server's
 * contract, over the room's real domain. A draft of the summary is decided by the real
 * `draftChairSummary` and its `proposal.created` reaches the room just after the HTTP answer, as the
 * socket's broadcast does. Install with `vi.stubGlobal('fetch', api.fetch)`.
 */
export class FakeRecordApi {
  readonly calls: RecordCall[] = [];
  /** What `GET …/record` answers; a test changes it to see the view follow. */
  record: MeetingRecord = recordFixture();
  /** While set, record loads wait until `release()`: a test sees what is asked while one is under way. */
  holdLoads = false;
  private held: (() => void)[] = [];
  private readonly tokens = new Map<string, ParticipantId>();

  constructor(
    private readonly room: Room,
    private readonly publish: (patch: Partial<RoomState>) => void,
  ) {}

  /** A bearer token that signs in as `participantId`. */
  tokenFor(participantId: ParticipantId): string {
    const token = `token-${participantId}`;
    this.tokens.set(token, participantId);
    return token;
  }

  /** Record loads asked for so far. */
  get loads(): number {
    return this.calls.filter((c) => c.path.endsWith('/record')).length;
  }

  /** Lets the held loads answer. */
  release(): void {
    const held = this.held;
    this.held = [];
    for (const answer of held) answer();
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://irm.test');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const { searchParams } = url;
    this.calls.push({
      method,
      path: url.pathname,
      lang: searchParams.get('lang'),
      delimiter: searchParams.get('delimiter'),
      body,
    });
    const token = new Headers(init.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';
    const meeting = this.room.meeting;
    const actor: Actor | undefined = meeting.participants.find((p) => p.id === this.tokens.get(token));
    if (!actor) return refusal('unauthorized', 'a valid bearer token is required');
    const match = /^\/api\/meetings\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!match || match[1] !== meeting.id) return refusal('not_found', 'no such meeting');
    const route = match[2]!;
    if (route === 'summary' && method === 'POST') return this.draft(actor, body);
    if (method !== 'GET') return refusal('not_found', 'no such route');
    if (!can(meeting, actor, 'meeting.record'))
      return refusal('forbidden', 'only the chair, the vice-chairs and the secretariat read the record');
    if (route === 'record') return this.load();
    if (isRecordFile(route)) {
      // As the server: a delimiter on a CSV only, comma or semicolon.
      const delimiter = searchParams.get('delimiter');
      if (delimiter !== null && (!isCsvFile(route) || !['comma', 'semicolon'].includes(delimiter)))
        return refusal('invalid', `delimiter: not taken by ${route} as ${delimiter}`);
      return file(route, searchParams.get('lang') ?? 'en');
    }
    return refusal('not_found', 'no such route');
  };

  private async load(): Promise<Response> {
    if (this.holdLoads) await new Promise<void>((resolve) => this.held.push(resolve));
    return json(200, this.record);
  }

  /** Drafts `count` summaries as `by` at once, as if made earlier (for the quota). */
  draftEarlier(count: number, by: ParticipantId): void {
    const actor = this.room.participant(by);
    for (let i = 0; i < count; i++) {
      const decision = this.decideDraft(actor);
      if (!decision.ok) throw new Error(decision.error.message);
      this.apply(decision.events);
    }
  }

  private draft(actor: Actor, body: unknown): Response {
    const lang = (body as { lang?: string } | undefined)?.lang;
    if (!LANGUAGES.includes(lang as Language))
      return refusal('invalid', 'lang: not one of the six languages');
    const decision = this.decideDraft(actor);
    if (!decision.ok) return refusal(decision.error.code, decision.error.message);
    const created = decision.events.find((e) => e.type === 'proposal.created');
    // The room hears of it over the socket, just after the HTTP answer.
    setTimeout(() => this.apply(decision.events), 0);
    return json(201, { proposal: created?.type === 'proposal.created' ? created.proposal : null });
  }

  private decideDraft(actor: Actor) {
    const draft = {
      title: 'Chair’s summary of IRM-1',
      submittedBy: 'Chair',
      text: '# Chair’s summary\n\nItem 1.',
    };
    return draftChairSummary(this.room.meeting, actor, draft, this.room.ctx);
  }

  private apply(events: MeetingEvent[]): void {
    for (const event of events) {
      this.room.meeting = evolve(this.room.meeting, event)!;
      this.room.events.push(event);
    }
    this.publish({ meeting: this.room.meeting, seq: this.room.events.length });
  }
}

const isRecordFile = (route: string): route is RecordFile =>
  (RECORD_FILES as readonly string[]).includes(route);

/** A file as the server sends it: its name in `Content-Disposition`, the language in the name. */
function file(name: RecordFile, lang: string): Response {
  const [base, ext] = name.split('.');
  return new Response(`${name} in ${lang}`, {
    status: 200,
    headers: {
      'content-type': 'application/octet-stream',
      'content-disposition': `attachment; filename="IRM-1-${base}-${lang}.${ext}"`,
    },
  });
}
