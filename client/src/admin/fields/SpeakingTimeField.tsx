import { useTranslation } from 'react-i18next';
import type { MinutesSeconds } from '../meetingForm';
import { describedBy, FieldMessage, type FieldTrouble, troubled } from './FieldMessage';

interface SpeakingTimeFieldProps {
  id: string;
  value: MinutesSeconds;
  onChange: (value: MinutesSeconds) => void;
  trouble?: FieldTrouble | undefined;
  disabled?: boolean;
}

/** The default speaking time as minutes and seconds, the way the chair announces it. */
export function SpeakingTimeField({ id, value, onChange, trouble, disabled }: SpeakingTimeFieldProps) {
  const { t } = useTranslation();
  const describe = describedBy(id, false, trouble);
  const invalid = troubled(trouble) || undefined;
  return (
    <fieldset className="admin-speaking" disabled={disabled}>
      <legend>{t('admin.speaking.legend')}</legend>
      <div className="admin-when-inputs admin-inline-inputs">
        <div className="admin-field admin-field-short">
          <label htmlFor={`${id}-min`}>{t('admin.speaking.minutes')}</label>
          <input
            id={`${id}-min`}
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            value={value.minutes}
            onChange={(e) => onChange({ ...value, minutes: e.target.value })}
            aria-invalid={invalid}
            aria-describedby={describe}
          />
        </div>
        <div className="admin-field admin-field-short">
          <label htmlFor={`${id}-sec`}>{t('admin.speaking.seconds')}</label>
          <input
            id={`${id}-sec`}
            type="number"
            inputMode="numeric"
            min={0}
            max={59}
            value={value.seconds}
            onChange={(e) => onChange({ ...value, seconds: e.target.value })}
            aria-invalid={invalid}
            aria-describedby={describe}
          />
        </div>
      </div>
      <FieldMessage id={`${id}-error`} trouble={trouble} />
    </fieldset>
  );
}
