import { type RefObject, useState } from 'react';
import type { Ack, RequestId } from '../../../../shared';
import { useRoom, useRoomPort } from '../../room/RoomContext';
import { type GiveQuestion, giveOptions, giveQuestion } from './givePrompt';

/** Whom the floor goes to: the next in the list (or the suspended speaker), or one request. */
export type GiveTarget = 'next' | RequestId;

/**
 * Giving the floor, asking first when it matters: to someone offline, or a right of reply during a
 * speech. A refusal because the holder went offline meanwhile opens the same question. After the
 * floor is given the focus goes to End intervention (the control used is gone or may be disabled).
 */
export function useGiveFloor(
  sendThenFocus: (key: string, send: () => Promise<Ack>) => Promise<Ack>,
  panel: RefObject<HTMLElement | null>,
) {
  const { meeting } = useRoom();
  const room = useRoomPort();
  const [asking, setAsking] = useState<{ target: GiveTarget; question: GiveQuestion } | null>(null);
  const requestOf = (target: GiveTarget) => {
    const floor = meeting!.floor;
    // With a suspended speaker, Next resumes them: nobody new takes the floor.
    if (target === 'next') return meeting!.floor.suspended.length > 0 ? undefined : floor.queue[0];
    return floor.queue.find((r) => r.id === target);
  };
  const send = (target: GiveTarget, options: ReturnType<typeof giveOptions>) =>
    sendThenFocus('end', () =>
      target === 'next'
        ? room.send({ type: 'floor.next', ...options })
        : room.send({ type: 'floor.give', requestId: target, ...options }),
    );
  async function give(target: GiveTarget) {
    const request = requestOf(target);
    const question = request ? giveQuestion(meeting!, request) : null;
    if (question) return setAsking({ target, question });
    const ack = await send(target, {});
    // Presence may have changed under the chair: the domain refuses with `offline`, and asks.
    if (!ack.ok && ack.error.code === 'offline' && request) {
      room.dismissRefusal();
      setAsking({ target, question: giveQuestion(meeting!, request, true)! });
    }
  }
  return {
    give,
    asking,
    answer(suspend: boolean) {
      if (!asking) return;
      setAsking(null);
      void send(asking.target, giveOptions(asking.question, suspend));
    },
    cancel() {
      if (!asking) return;
      setAsking(null);
      // Back to the control that asked.
      const key = asking.target === 'next' ? 'next' : `give-${asking.target}`;
      requestAnimationFrame(() =>
        panel.current?.querySelector<HTMLElement>(`[data-focus="${key}"]`)?.focus(),
      );
    },
  };
}
