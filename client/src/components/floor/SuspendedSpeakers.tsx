import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared';
import { clock } from '../../format';
import { useRoomPort } from '../../room/RoomContext';
import { participantOf } from '../../room/selectors';

/**
 * Speakers interrupted by a point of order, waiting to resume with the time they had left; the
 * chair may end the suspended intervention instead.
 */
export function SuspendedSpeakers({ meeting, chair }: { meeting: Meeting; chair: boolean }) {
  const { t } = useTranslation();
  const room = useRoomPort();
  const suspended = meeting.floor.suspended;
  if (suspended.length === 0) return null;
  return (
    <div className="suspended" data-testid="suspended">
      <ul>
        {/* The last suspended resumes first: shown first. */}
        {[...suspended].reverse().map((s) => (
          <li key={s.requestId}>
            {t('floorUi.suspended', {
              delegation: participantOf(meeting, s.participantId)?.delegation ?? '?',
              time: clock(Math.max(0, s.remainingSeconds)),
            })}
          </li>
        ))}
      </ul>
      {chair && (
        <button type="button" onClick={() => void room.send({ type: 'floor.endSuspended' })}>
          {t('floorUi.endSuspended')}
        </button>
      )}
    </div>
  );
}
