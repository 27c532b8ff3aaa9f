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

/**
 * Server time now, ticking every `everyMs`: countdowns agree across participants. A caller that
 * speeds up (a banner ticking once a minute at rest, four times a second once a check opens) gets
 * the time of that render, not the last slow tick's: a 20 s check must not first show 1:05.
 */
export function useServerNow(everyMs = 250): number {
  const { clockOffset } = useRoom();
  const [tick, setTick] = useState(() => ({ now: Date.now(), everyMs }));
  // A new pace: read the clock again during this render (React renders again at once, before
  // anything is shown or any effect reads the stale time).
  if (tick.everyMs !== everyMs) setTick({ now: Date.now(), everyMs });
  useEffect(() => {
    // The same object when the clock has not moved: no render for nothing.
    const read = () =>
      setTick((last) => {
        const now = Date.now();
        return last.now === now && last.everyMs === everyMs ? last : { now, everyMs };
      });
    // Again when the timer starts: the render that asked for it may be a while ago.
    read();
    const timer = setInterval(read, everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return tick.now + clockOffset;
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
