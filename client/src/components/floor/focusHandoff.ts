import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { Ack } from '../../../../shared';
import { useRoom } from '../../room/RoomContext';

/**
 * Moves the keyboard focus to the control that replaces the one just used (a Request button
 * becomes a Withdraw button, Yield becomes Request), so focus never drops to the page body when the
 * used control disappears or is disabled. Targets carry `data-focus="<key>"` inside `container`;
 * when the target is missing or disabled once the command's events are in, the element marked
 * `data-focus="status"` (a message that explains) takes the focus instead.
 */
export function useFocusHandoff(container: RefObject<HTMLElement | null>) {
  const { seq } = useRoom();
  const seqNow = useRef(seq);
  seqNow.current = seq;
  const wanted = useRef<{ key: string; atSeq: number } | null>(null);
  const settle = () => {
    const want = wanted.current;
    // Until the command's own events are applied the old control is still on screen.
    if (!want || seqNow.current < want.atSeq) return;
    wanted.current = null;
    const root = container.current;
    const target = root?.querySelector<HTMLElement>(`[data-focus="${want.key}"]`);
    const usable = target && !(target as HTMLButtonElement).disabled;
    (usable ? target : root?.querySelector<HTMLElement>('[data-focus="status"]'))?.focus();
  };
  useLayoutEffect(settle);
  /** Sends, then hands the focus to `key`; a refused command leaves the focus where it is. */
  return async function sendThenFocus(key: string, send: () => Promise<Ack>): Promise<Ack> {
    wanted.current = { key, atSeq: Number.POSITIVE_INFINITY };
    const ack = await send();
    if (!ack.ok) {
      wanted.current = null;
      return ack;
    }
    wanted.current = { key, atSeq: ack.seq };
    settle();
    return ack;
  };
}
