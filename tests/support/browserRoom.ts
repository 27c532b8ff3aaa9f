import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { seedDemoIfEmpty } from '../../server/demo/seed';
import type { Ack, Command, CommandInput, Meeting, Participant } from '../../shared';
import { launchChromium } from './browser';
import { startTestServer } from './server';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** What a page waits for once loaded, so a test starts on a room that is ready. */
type PageReady = (page: Page) => Promise<unknown>;

interface JoinOptions {
  /** Replaces `/join` in the invitation link: `/projector` unless a participant is given. */
  route?: string;
  waitFor?: PageReady;
}

export interface BrowserRoomOptions {
  /** Every context's options (viewport, locale, timezone…), unless `newContext` or `open` overrides them. */
  context?: BrowserContextOptions;
  waitFor?: PageReady;
}

/** A real server with the demo meeting and one Chromium: each participant joins in their own context. */
export interface BrowserRoom {
  readonly server: TestServer;
  /** The demo meeting as seeded. */
  readonly meeting: Meeting;
  readonly browser: Browser;
  person(delegation: string): Participant;
  chair(): Participant;
  /** The meeting's state on the server now. */
  state(): Meeting;
  newContext(overrides?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens `participant`'s invitation link (the projector's when null) in `context`. */
  join(context: BrowserContext, participant: Participant | null, options?: JoinOptions): Promise<Page>;
  /** `join` in a new context of its own. */
  open(participant: Participant | null, options?: BrowserContextOptions & JoinOptions): Promise<Page>;
  /** Set-up steps that are not under test go straight to the service, as the server would apply them. */
  submit(actor: Participant, command: CommandInput): Promise<Ack>;
  /** `submit` as the chair; throws when refused. */
  asChair(command: CommandInput): Promise<void>;
}

/**
 * Starts a browser room before the suite's tests (seeding the demo, launching Chromium) and closes
 * it after them. Call it in a `describe`: the handle's members work from the suite's own `beforeAll`.
 */
export function useBrowserRoom(options: BrowserRoomOptions = {}): BrowserRoom {
  let server: TestServer | undefined;
  let meeting: Meeting | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser room is not started: use it inside a test or hook');
    return value;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const id = await seedDemoIfEmpty(server.service);
    meeting = server.service.room(id!)!.state;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of browser?.contexts() ?? []) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const room: BrowserRoom = {
    get server() {
      return started(server);
    },
    get meeting() {
      return started(meeting);
    },
    get browser() {
      return started(browser);
    },
    person: (delegation) => room.meeting.participants.find((p) => p.delegation === delegation)!,
    chair: () => room.meeting.participants.find((p) => p.role === 'chair')!,
    state: () => room.server.service.room(room.meeting.id)!.state,
    newContext: (overrides = {}) => room.browser.newContext({ ...options.context, ...overrides }),
    join: async (
      context,
      participant,
      { route = participant ? '/join' : '/projector', waitFor = options.waitFor } = {},
    ) => {
      const page = await context.newPage();
      const url = participant
        ? (await room.server.invites.for(room.meeting.id, participant)).joinUrl
        : await room.server.invites.projector(room.meeting.id);
      await page.goto(url.replace('/join', route));
      await waitFor?.(page);
      return page;
    },
    open: async (participant, { route, waitFor, ...overrides } = {}) =>
      room.join(await room.newContext(overrides), participant, { route, waitFor }),
    submit: (actor, command) =>
      room.server.service.submitCommand(room.meeting.id, actor.id, {
        id: randomUUID(),
        ...command,
      } as Command),
    asChair: async (command) => {
      const ack = await room.submit(room.chair(), command);
      if (!ack.ok) throw new Error(`${command.type}: ${ack.error.message}`);
    },
  };
  return room;
}
