import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParticipantRecord } from '../../../../shared';
import type { ApiError } from '../http';
import type { ParticipantsApi } from './api';

/** How often the list is read again, for who is online. */
const REFRESH_MS = 5_000;

interface ParticipantList {
  /** null until the first answer. */
  participants: ParticipantRecord[] | null;
  /** The last refresh's failure (the list keeps what was last loaded), or null. */
  error: ApiError | null;
  /** Reads the list again now (after an action); at most one request is in flight, plus one queued. */
  reload: () => void;
  /** Applies what an action's answer says at once, before the next read confirms it. */
  patch: (change: (list: ParticipantRecord[]) => ParticipantRecord[]) => void;
}

/**
 * The participants of `GET /api/meetings/:id/participants`, read again every few seconds while the
 * page is visible and after each action. Bounded: one request at a time; a reload asked for while
 * one runs is done once it ends. An answer that left the server before a local change is dropped
 * (and read again), so a removed participant does not blink back.
 */
export function useParticipantList(api: ParticipantsApi): ParticipantList {
  const [participants, setParticipants] = useState<ParticipantRecord[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef(false);
  const queued = useRef(false);
  /** Bumped by each local change; an answer to a request sent before it is stale. */
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    if (inFlight.current) {
      queued.current = true;
      return;
    }
    inFlight.current = true;
    const sentAt = generation.current;
    const abort = new AbortController();
    controller.current = abort;
    try {
      const answer = await api.list(abort.signal);
      if (abort.signal.aborted) return;
      if (sentAt === generation.current) {
        setParticipants(answer.participants);
        setError(null);
      } else queued.current = true;
    } catch (caught) {
      if (abort.signal.aborted) return;
      setError(caught as ApiError);
    } finally {
      // A request aborted by unmounting must not release the slot of the one started after it.
      if (controller.current === abort) {
        inFlight.current = false;
        if (queued.current && !abort.signal.aborted) {
          queued.current = false;
          void load();
        }
      }
    }
  }, [api]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') void load();
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.current?.abort();
      controller.current = null;
      inFlight.current = false;
      queued.current = false;
    };
  }, [load]);

  const reload = useCallback(() => void load(), [load]);
  const patch = useCallback((change: (list: ParticipantRecord[]) => ParticipantRecord[]) => {
    generation.current += 1;
    setParticipants((list) => (list ? change(list) : list));
  }, []);
  return { participants, error, reload, patch };
}
