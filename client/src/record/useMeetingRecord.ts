import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingRecord } from '../../../shared';
import { ApiError } from '../admin/http';
import type { RecordApi } from './api';
import { RefetchThrottle } from './refetchThrottle';

/** At most one request for the record every so often while the meeting runs. */
const LIVE_REFETCH_GAP_MS = 3_000;

/** What the view shows: the record, the last load's failure, and a way to try again. */
export interface LiveRecord {
  /** The last record loaded (kept while a later load fails, so the page does not go blank). */
  record: MeetingRecord | null;
  /** The failure of the last load, or null once one succeeds. */
  error: unknown;
  /** Loads again, also after a refusal stopped the live updates. */
  retry(): void;
}

/**
 * A refusal that asking again will not change (no such meeting, not allowed, signed out): live
 * updates stop until the person asks again.
 */
const isFinal = (error: unknown) => error instanceof ApiError && [401, 403, 404].includes(error.status);

/**
 * The record of the meeting, loaded at once and again whenever the room's event `seq` moves past
 * what was last asked for: throttled (one request at a time, `gapMs` between starts), so a busy
 * meeting costs the server one record every few seconds per open view, not one per event.
 */
export function useMeetingRecord(api: RecordApi, seq: number, gapMs = LIVE_REFETCH_GAP_MS): LiveRecord {
  const [record, setRecord] = useState<MeetingRecord | null>(null);
  const [error, setError] = useState<unknown>(null);
  const throttle = useRef<RefetchThrottle | null>(null);
  const seqNow = useRef(seq);
  seqNow.current = seq;
  // The room's seq when the last request started: a record asked for then covers every event up to it.
  const askedAt = useRef(-1);
  const stopped = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    const next = new RefetchThrottle(async () => {
      askedAt.current = seqNow.current;
      try {
        const loaded = await api.load(controller.signal);
        if (controller.signal.aborted) return;
        setRecord(loaded);
        setError(null);
      } catch (failure) {
        if (controller.signal.aborted) return;
        stopped.current = isFinal(failure);
        setError(failure);
      }
    }, gapMs);
    throttle.current = next;
    stopped.current = false;
    next.request();
    return () => {
      next.dispose();
      controller.abort();
    };
  }, [api, gapMs]);

  useEffect(() => {
    if (stopped.current || seq <= askedAt.current) return;
    throttle.current?.request();
  }, [seq]);

  const retry = useCallback(() => {
    stopped.current = false;
    throttle.current?.requestNow();
  }, []);

  return { record, error, retry };
}
