import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import { type Clock, formatTime } from '../format';
import type { RoomPort, RoomState } from './roomClient';

const RoomContext = createContext<RoomPort | null>(null);

export function RoomProvider({ room, children }: { room: RoomPort; children: ReactNode }) {
  return <RoomContext.Provider value={room}>{children}</RoomContext.Provider>;
}

export function useRoomPort(): RoomPort {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom outside RoomProvider');
  return room;
}

/** The room state; re-renders on every change. */
export function useRoom(): RoomState {
  const room = useRoomPort();
  return useSyncExternalStore(room.subscribe, room.getState);
}

/** Server time now, ticking every `everyMs`: countdowns agree across participants. */
export function useServerNow(everyMs = 250): number {
  const { clockOffset } = useRoom();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + clockOffset;
}

/**
 * `formatTime` bound to this meeting's time zone and the UI language: `time(ms, 'meeting')` →
 * "13:05 (meeting time)", `time(ms, 'yours')` → "22:05 (your time)".
 */
export function useTimeFormat(): (ms: number, clock: Clock) => string {
  const { t, i18n } = useTranslation();
  const meetingZone = useRoom().meeting?.timezone ?? 'UTC';
  const language = i18n.language;
  return useCallback(
    (ms: number, clock: Clock) => formatTime(ms, clock, { meetingZone, language, t }),
    [meetingZone, language, t],
  );
}
