import { afterAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { asId, type MeetingId, type Participant, type ParticipantId, type ProposalId } from '../../shared';
import { plainText } from '../../shared/collab/schema';
import { syncMessage } from '../../tests/support/collab';
import { MemoryDocStore } from '../../tests/support/memoryDocStore';
import { waitFor } from '../../tests/support/wait';
import { createLogger } from '../observability/logger';
import { Metrics } from '../observability/metrics';
import type { DocVersionMeta } from '../store/types';
import { Connection } from './connection';
import { DocFolder } from './doc/folder';
import { saveFixedVersion } from './doc/serverVersions';
import { DocRegistry } from './docRegistry';
import { LOCAL_FANOUT } from './fanout';
import { DEFAULT_COLLAB_OPTIONS } from './server';
import { UpdateValidator } from './validate';

const proposalIdOf = asId<ProposalId>;

const meetingIdOf = asId<MeetingId>;

/** A stand-in for a ws WebSocket that records what is sent and how it was closed. */
function fakeSocket(log: string[], name: string) {
  const socket = {
    OPEN: 1,
    CLOSING: 2,
    CLOSED: 3,
    readyState: 1,
    bufferedAmount: 0,
    sent: [] as Uint8Array[],
    closedWith: null as { code: number; reason: string } | null,
    send(data: Uint8Array) {
      log.push(`send ${name}`);
      socket.sent.push(data);
    },
    close(code: number, reason: string) {
      socket.readyState = 3;
      socket.closedWith = { code, reason };
    },
  };
  return socket;
}

const participant = (id: string): Participant =>
  ({ id, name: id, delegation: id, role: 'delegate', online: true }) as unknown as Participant;

const validator = new UpdateValidator({ workers: 1, timeoutMs: 1000, maxOldGenerationSizeMb: 64 });
const folder = new DocFolder();
afterAll(async () => {
  await validator.close();
  await folder.close();
});

function setup(
  options: {
    compactEvery?: number;
    unloadDelayMs?: number;
    baseText?: string;
    serverVersions?: DocVersionMeta[];
    store?: MemoryDocStore;
  } = {},
) {
  const store = options.store ?? new MemoryDocStore();
  const broken: string[] = [];
  const registry = new DocRegistry({
    store,
    validator,
    folder,
    metrics: new Metrics(),
    log: createLogger('silent'),
    compactEvery: options.compactEvery ?? 200,
    unloadDelayMs: options.unloadDelayMs ?? 10_000,
    baseTextOf: async () => options.baseText,
    serverVersionsOf: () => options.serverVersions ?? [],
    fanout: LOCAL_FANOUT,
  });
  const join = (docId: ProposalId, who: string) => {
    const socket = fakeSocket(store.calls, who);
    const conn = new Connection(
      socket as unknown as WebSocket,
      meetingIdOf('m_1'),
      docId,
      { kind: 'participant', participant: participant(who) },
      null,
      DEFAULT_COLLAB_OPTIONS,
    );
    const live = registry.open(docId);
    live.attach(conn);
    return { socket, conn, live };
  };
  return { store, registry, join, broken };
}

const editUpdate = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

const settle = (live: { run: (fn: () => void) => Promise<void> }) => live.run(() => {});

describe('LiveDoc and DocRegistry', () => {
  it('stores an update before it relays it, and does not echo it to its sender', async () => {
    const { store, join } = setup();
    const a = join(proposalIdOf('x_1'), 'a');
    const b = join(proposalIdOf('x_1'), 'b');
    await settle(a.live);
    expect(b.socket.sent.length).toBe(1); // the initial sync step 1
    store.calls.length = 0;
    a.live.receive(a.conn, syncMessage(2, editUpdate('hello')));
    await settle(a.live);
    expect(store.calls).toEqual(['append x_1', 'send b']);
    expect(b.socket.sent.length).toBe(2);
    expect(a.live.doc.getText('t').toString()).toBe('hello');
    expect(a.socket.sent.length).toBe(1); // only the initial sync step 1
  });

  it('drops the document and closes its connections with 4503 when a write fails', async () => {
    const { store, registry, join } = setup();
    const a = join(proposalIdOf('x_2'), 'a');
    await settle(a.live);
    store.failAppends = true;
    a.live.receive(a.conn, syncMessage(2, editUpdate('lost')));
    await expect(settle(a.live)).rejects.toThrow(/unloaded/);
    expect(a.socket.closedWith).toEqual({ code: 4503, reason: 'document unavailable' });
    expect(registry.all()).toEqual([]);
    store.failAppends = false;
    const again = join(proposalIdOf('x_2'), 'a');
    await settle(again.live);
    expect(again.live.doc.getText('t').toString()).toBe('');
  });

  it('folds the log into a snapshot every N updates and on unload, and reloads the same state', async () => {
    const { store, registry, join } = setup({ compactEvery: 5, unloadDelayMs: 50 });
    const a = join(proposalIdOf('x_3'), 'a');
    await settle(a.live);
    const local = new Y.Doc();
    local.on('update', (u: Uint8Array) => a.live.receive(a.conn, syncMessage(2, u)));
    for (let i = 0; i < 12; i++) {
      local.getText('t').insert(0, `${i}`);
      await settle(a.live);
    }
    expect(store.calls.filter((c) => c === 'compact x_3').length).toBe(2);
    expect(store.logLength('x_3')).toBe(2);
    a.live.detach(a.conn);
    await waitFor(
      () => registry.all().length === 0 && store.logLength('x_3') === 0,
      'the unload (50 ms after the last connection) folding the log',
    );
    expect(registry.all()).toEqual([]);
    expect(store.logLength('x_3')).toBe(0);
    const b = join(proposalIdOf('x_3'), 'b');
    await settle(b.live);
    expect(b.live.doc.getText('t').toString()).toBe(local.getText('t').toString());
  });

  it('seeds a document found empty with its base text once, with a version 0', async () => {
    const { store, join } = setup({ baseText: 'Recovered base text' });
    const a = join(proposalIdOf('x_4'), 'a');
    await settle(a.live);
    expect(plainText(a.live.doc)).toBe('Recovered base text');
    expect(await store.listVersions('x_4')).toMatchObject([{ name: 'Base text', createdBy: null }]);
    await a.live.run(() => a.live.seedBaseText('Other text'));
    expect(plainText(a.live.doc)).toBe('Recovered base text');
    expect((await store.listVersions('x_4')).length).toBe(1);
  });

  it('saves a revision the store lacks when the document loads, once however many save it', async () => {
    const rev1: DocVersionMeta = {
      id: 'v_rev1_x_5',
      name: 'Rev.1',
      createdBy: asId<ParticipantId>('p_chair'),
      createdAt: 1000,
    };
    const first = setup({ baseText: 'Agreed text', serverVersions: [rev1] });
    const a = first.join(proposalIdOf('x_5'), 'a');
    await settle(a.live);
    expect(await first.store.listVersions('x_5')).toEqual([
      expect.objectContaining({ name: 'Base text' }),
      rev1,
    ]);
    const state = await first.store.loadVersion(asId('x_5'), rev1.id);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state!);
    expect(plainText(doc)).toBe('Agreed text');
    // A second process on the same store, and repeats on this one at once: still one version.
    const second = setup({ store: first.store, serverVersions: [rev1] });
    const b = second.join(proposalIdOf('x_5'), 'b');
    await Promise.all([
      settle(b.live),
      a.live.run(() => a.live.saveServerVersions([rev1])),
      b.live.run(() => b.live.saveServerVersions([rev1])),
    ]);
    expect((await first.store.listVersions('x_5')).filter((v) => v.id === rev1.id)).toHaveLength(1);
    // The loser of a race (its list did not show the winner's save yet): the store refuses, it is fine.
    await expect(
      saveFixedVersion(first.store, asId('x_5'), rev1, () => new Uint8Array([0, 0]), []),
    ).resolves.toBe(false);
  });
});
