import { useEffect, useState } from 'react';
import type { Meeting } from '../../../../shared';
import type { Me, ParticipantsApi } from './api';

/**
 * Who holds the token (`GET /api/me`: the administrator alone may appoint a chair) and the meeting
 * (its time zone, for times on screen, and the state the permission table reads). Read once; until
 * they arrive, or if they fail, the tab offers only what every manager may do.
 */
export function useCaller(api: ParticipantsApi): { me: Me | null; meeting: Meeting | null } {
  const [me, setMe] = useState<Me | null>(null);
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  useEffect(() => {
    let live = true;
    api.me().then(
      (answer) => live && setMe(answer),
      () => undefined,
    );
    api.meeting().then(
      (answer) => live && setMeeting(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return { me, meeting };
}
