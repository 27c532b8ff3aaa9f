import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoom, useRoomPort } from '../room/RoomContext';
import { currentItem, participantOf } from '../room/selectors';

/**
 * Says floor and agenda changes in a live region for screen readers, and shows a clear banner (with
 * a short tone) when the floor is given to this participant.
 */
export function Announcer() {
  const { t } = useTranslation();
  const { meeting, you } = useRoom();
  const [message, setMessage] = useState('');
  const last = useRef<{ request: string | null; item: string | null } | null>(null);
  const current = meeting?.floor.current ?? null;
  const item = meeting ? currentItem(meeting) : undefined;
  const mine = !!current && current.participantId === you?.participantId;

  useEffect(() => {
    if (!meeting) return;
    const now = { request: current?.requestId ?? null, item: item?.id ?? null };
    const before = last.current;
    last.current = now;
    if (!before) return; // nothing to announce for the state we joined in
    if (now.item && now.item !== before.item && item) {
      setMessage(t('announce.itemOpened', { number: item.number, title: item.title }));
    } else if (now.request !== before.request) {
      if (current) {
        const who = participantOf(meeting, current.participantId);
        setMessage(
          mine ? t('announce.youGiven') : t('announce.given', { delegation: who?.delegation ?? '' }),
        );
        if (mine) chime();
      } else {
        const ended = meeting.interventions.at(-1);
        if (ended) setMessage(t('announce.ended', { delegation: ended.delegation }));
      }
    }
  }, [meeting, current, item, mine, t]);

  useEffect(() => {
    const base = meeting?.title ?? 'IRM Room';
    document.title = mine ? `● ${t('floor.youHaveFloor')} — ${base}` : base;
  }, [mine, meeting?.title, t]);

  return (
    <>
      <div className="sr-only" role="status" aria-live="assertive" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
      {mine && (
        <div className="your-turn" role="alert">
          {t('floor.youHaveFloor')}
        </div>
      )}
    </>
  );
}

function chime(): void {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.6);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.6);
  } catch {
    // No audio (autoplay policy, test browser): the banner and the live region still tell.
  }
}

/**
 * Says which action of the participant was not done and why, in the UI language, until dismissed:
 * the action by its name ("Giving the floor"), never by its command type; the server's own words
 * (English, for support) follow in small type.
 */
export function RefusalAlert() {
  const { t } = useTranslation();
  const { refusal } = useRoom();
  const { dismissRefusal } = useRoomPort();
  if (!refusal) return null;
  return (
    <div className="refusal" role="alert">
      <p>
        <strong>{t('shell.notDone', { action: t(`shell.action.${refusal.type}`) })}</strong>{' '}
        {t(`errors.${refusal.error.code}`)}{' '}
        <span className="detail" lang="en">
          ({refusal.error.message})
        </span>
      </p>
      <button type="button" onClick={dismissRefusal}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
