import { useTranslation } from 'react-i18next';
import { isolatedIn, SLOT_VALUE } from '../../components/Isolated';
import { formatTime, localZone } from '../../format';
import { dateLocale } from '../dateLocale';
import { readWhen } from '../meetingForm';
import type { WallTime } from '../wallClock';
import { describedBy, FieldMessage, type FieldTrouble, troubled } from './FieldMessage';
import { PartInput } from './PartInput';

interface WhenFieldProps {
  id: string;
  /** What the time is ("Start"), said in the legend with the clock it is read on. */
  what: string;
  /** The meeting's time zone: the wall time typed is in it. */
  zone: string;
  value: WallTime;
  onChange: (value: WallTime) => void;
  trouble?: FieldTrouble | undefined;
  disabled?: boolean;
}

/**
 * A date and a time of day in the meeting's time zone, whatever the browser's: the legend says so
 * ("Start (meeting time, Europe/Zurich)"), and when the person's own clock differs, the hint says
 * what time that is for them. A time that happens twice on the night the clocks go back is said to
 * be the first.
 */
export function WhenField({ id, what, zone, value, onChange, trouble, disabled }: WhenFieldProps) {
  const { t, i18n } = useTranslation();
  const when = readWhen(value, zone);
  const hints: string[] = [];
  if (when.ok && when.ms !== null) {
    if (when.ambiguous) hints.push(t('admin.when.twice'));
    if (localZone() !== zone)
      hints.push(
        t('admin.when.yours', {
          time: formatTime(when.ms, 'yours', {
            meetingZone: zone,
            language: dateLocale(i18n.language),
            t,
            withDate: true,
          }),
        }),
      );
  }
  const hint = hints.length > 0;
  const describe = describedBy(id, hint, trouble);
  return (
    <fieldset className="admin-when" disabled={disabled}>
      <legend>{isolatedIn(t('admin.when.legend', { what, zone: SLOT_VALUE }), zone)}</legend>
      <div className="admin-when-inputs">
        {(['date', 'time'] as const).map((part) => (
          <PartInput
            key={part}
            id={`${id}-${part}`}
            label={t(`admin.when.${part}`)}
            type={part}
            value={value[part]}
            onChange={(e) => onChange({ ...value, [part]: e.target.value })}
            aria-invalid={troubled(trouble) || undefined}
            aria-describedby={describe}
          />
        ))}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hints.join(' ')}
        </p>
      ) : null}
      <FieldMessage id={`${id}-error`} trouble={trouble} />
    </fieldset>
  );
}
