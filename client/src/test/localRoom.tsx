import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Ack, CommandInput, ParticipantId } from '../../../shared';
import { type DemoOptions, Room, testContext } from '../../../shared/domain/fixtures';
import { setupI18n } from '../i18n';
import { RoomProvider } from '../room/RoomContext';
import type { RoomPort, RoomState } from '../room/roomClient';

/**
 * A RoomPort over the real pure domain, in memory: commands go through the same `decide`/`evolve` as
 * on the server, minus the network, so component tests exercise real rules. The clock is real time.
 */
export function localRoom(as: ParticipantId, opts: DemoOptions & { offline?: ParticipantId[] } = {}) {
  const room = new Room({ ctx: testContext(Date.now()), ...opts });
  const listeners = new Set<() => void>();
  const sent: CommandInput[] = [];
  let state: RoomState = {
    meeting: room.meeting,
    seq: room.events.length,
    you: { participantId: as, role: room.participant(as).role },
    connection: 'online',
    clockOffset: 0,
    refusal: null,
    store: 'ok',
    outbox: [],
  };
  const set = (patch: Partial<RoomState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  const port: RoomPort = {
    getState: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    send: async (command): Promise<Ack> => {
      sent.push(command);
      room.ctx.set(Date.now());
      const decision = room.run(as, command);
      if (!decision.ok) {
        set({ refusal: { type: command.type, error: decision.error, at: Date.now() } });
        return { ok: false, error: decision.error };
      }
      set({ meeting: room.meeting, seq: room.events.length });
      return { ok: true, seq: room.events.length };
    },
    dismissRefusal: () => set({ refusal: null }),
  };
  /** Applies a command from someone else, as if it came from the server. */
  const by = (actor: ParticipantId, command: CommandInput) => {
    room.ctx.set(Date.now());
    room.must(actor, command);
    set({ meeting: room.meeting, seq: room.events.length });
  };
  return { port, room, sent, by, set };
}

export function renderWith(port: RoomPort, ui: ReactNode, language: 'en' | 'ar' | 'fr' = 'en') {
  const i18n = setupI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <RoomProvider room={port}>{ui}</RoomProvider>
    </I18nextProvider>,
  );
}
