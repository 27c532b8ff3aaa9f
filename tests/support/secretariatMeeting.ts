import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../server/config';
import type { Meeting } from '../../shared';
import { connect, type TestClient } from './client';
import {
  type Added,
  type Answer,
  addAs,
  type Created,
  call,
  createAs,
  type Invite,
  type Method,
  type ParticipantsTable,
} from './secretariatApi';
import { startTestServer } from './server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** What a suite of the secretariat's API starts with. */
export interface SecretariatMeetingOptions<K extends string> {
  /** Settings beyond the test server's, read when the suite starts (after the suite's own earlier hooks). */
  config?: () => Partial<Config>;
  /** The body of `POST /api/meetings`. */
  meeting: Record<string, unknown>;
  /** Participants the administrator adds in this order, each by the body of `POST …/participants`. */
  people: Record<K, Record<string, unknown>>;
}

/** A server with one meeting the administrator created over HTTP, and calls bound to them. */
export interface SecretariatMeeting<K extends string> {
  readonly server: TestServer;
  /** The administrator's token. */
  readonly admin: string;
  /** The meeting as `POST /api/meetings` answered it. */
  readonly meeting: Meeting;
  readonly meetingId: string;
  readonly chair: Invite;
  /**
   * The added participants by their keys in the options: one object, filled when the suite starts, so
   * it may be taken out of the handle in the `describe` itself.
   */
  readonly people: Record<K, Added>;
  /** `/api/meetings/<the meeting's id><rest>`. */
  route(rest?: string): string;
  /** `call` against this server. */
  request<T = Record<string, unknown>>(
    method: Method,
    route: string,
    token: string | undefined,
    body?: unknown,
    options?: { contentType?: string },
  ): Promise<Answer<T>>;
  /** Another meeting on this server, created as the administrator; throws unless created. */
  create(body: Record<string, unknown>): Promise<Created>;
  /** Adds a participant as the administrator (to this meeting unless told); throws unless added. */
  add(body: Record<string, unknown>, meetingId?: string): Promise<Added>;
  /** `GET …/participants` of this meeting (or the one named), as the administrator unless told. */
  table(options?: { token?: string; meetingId?: string }): Promise<Answer<ParticipantsTable>>;
  /** A Socket.IO client of this server, closed when the suite ends. */
  join(token: string): Promise<TestClient>;
}

/**
 * Starts a server and creates a meeting with its people over HTTP before the suite's tests, and
 * stops it after them. Call it in a `describe`: the handle's members work from the suite's own hooks
 * registered after this call, and from its tests.
 */
export function useSecretariatMeeting<K extends string>(
  options: SecretariatMeetingOptions<K>,
): SecretariatMeeting<K> {
  let server: TestServer | undefined;
  let created: Created | undefined;
  const people = {} as Record<K, Added>;
  const clients: TestClient[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the suite is not started: use it inside a test or hook');
    return value;
  };

  beforeAll(async () => {
    server = await startTestServer(options.config?.());
    created = await createAs(server.url, server.adminToken, options.meeting);
    for (const key of Object.keys(options.people) as K[])
      people[key] = await addAs(server.url, server.adminToken, created.meeting.id, options.people[key]);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
  });

  const irm: SecretariatMeeting<K> = {
    get server() {
      return started(server);
    },
    get admin() {
      return irm.server.adminToken;
    },
    get meeting() {
      return started(created).meeting;
    },
    get meetingId() {
      return irm.meeting.id;
    },
    get chair() {
      return started(created).chair;
    },
    people,
    route: (rest = '') => `/api/meetings/${irm.meetingId}${rest}`,
    request: (...args) => call(irm.server.url, ...args),
    create: (body) => createAs(irm.server.url, irm.admin, body),
    add: (body, meetingId = irm.meetingId) => addAs(irm.server.url, irm.admin, meetingId, body),
    table: ({ token = irm.admin, meetingId = irm.meetingId } = {}) =>
      call(irm.server.url, 'GET', `/api/meetings/${meetingId}/participants`, token),
    join: async (token) => {
      const client = await connect(irm.server.url, token);
      clients.push(client);
      return client;
    },
  };
  return irm;
}
