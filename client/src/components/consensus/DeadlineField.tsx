import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SILENCE_DEADLINE } from '../../../../shared';
import { instantOf, type WallTime, wallTimeOf } from '../../admin/wallClock';
import { localZone } from '../../format';
import { useDeadlineWords } from './deadlineWords';

/** The deadline as typed, read in the participant's own zone: the instant, or why there is none. */
type Deadline = { ok: true; ms: number } | { ok: false; problem: 'invalid' | 'gap' | 'tooSoon' | 'tooFar' };

/** Reads a wall time of the participant's own zone against the silence procedure's bounds. */
export function readDeadline(wall: WallTime, serverNow: number, zone = localZone()): Deadline {
  const instant = instantOf(wall, zone);
  if (!instant.ok) return { ok: false, problem: instant.reason };
  const ahead = instant.ms - serverNow;
  if (ahead < SILENCE_DEADLINE.minMs) return { ok: false, problem: 'tooSoon' };
  if (ahead > SILENCE_DEADLINE.maxMs) return { ok: false, problem: 'tooFar' };
  return { ok: true, ms: instant.ms };
}

/** The default deadline: three days ahead, at the same time of day, in the participant's zone. */
export const defaultDeadline = (serverNow: number, zone = localZone()): WallTime =>
  wallTimeOf(serverNow + 3 * 24 * 3600_000, zone);

/**
 * The deadline of a silence procedure, typed as a date and a time of the participant's own clock
 * (the zone named), and shown back on both clocks, each labelled, so the chair checks it against
 * the meeting's time before asking.
 */
export function DeadlineField(props: {
  wall: WallTime;
  onChange: (wall: WallTime) => void;
  deadline: Deadline;
}) {
  const { t } = useTranslation();
  const { wall, onChange, deadline } = props;
  const shown = useDeadlineWords();
  const id = useId();
  const zone = localZone();
  return (
    <fieldset className="deadline-field">
      <legend>{t('consensus.ask.deadline', { zone })}</legend>
      <div className="form-grid">
        <label>
          {t('consensus.ask.date')}
          <input
            type="date"
            value={wall.date}
            required
            onChange={(e) => onChange({ ...wall, date: e.target.value })}
            aria-describedby={`${id}-shown`}
          />
        </label>
        <label>
          {t('consensus.ask.time')}
          <input
            type="time"
            value={wall.time}
            required
            onChange={(e) => onChange({ ...wall, time: e.target.value })}
            aria-describedby={`${id}-shown`}
          />
        </label>
      </div>
      <p
        id={`${id}-shown`}
        className={deadline.ok ? 'hint' : 'error'}
        aria-live="polite"
        data-testid="deadline-shown"
      >
        {deadline.ok
          ? t('consensus.ask.deadlineShown', {
              yours: shown(deadline.ms, 'yours'),
              meeting: shown(deadline.ms, 'meeting'),
            })
          : t(`consensus.ask.problem.${deadline.problem}`)}
      </p>
    </fieldset>
  );
}
