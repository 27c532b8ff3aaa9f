import { useTranslation } from 'react-i18next';
import type { MinutesSeconds } from '../meetingForm';
import { describedBy, FieldMessage, type FieldTrouble, troubled } from './FieldMessage';
import { PartInput } from './PartInput';

interface SpeakingTimeFieldProps {
  id: string;
  value: MinutesSeconds;
  onChange: (value: MinutesSeconds) => void;
  trouble?: FieldTrouble | undefined;
  disabled?: boolean;
}

/** The two inputs, by the part of the time each holds; `suffix` ends its id. */
const PARTS = [
  { part: 'minutes', suffix: 'min', max: 60 },
  { part: 'seconds', suffix: 'sec', max: 59 },
] as const;

/** The default speaking time as minutes and seconds, the way the chair announces it. */
export function SpeakingTimeField({ id, value, onChange, trouble, disabled }: SpeakingTimeFieldProps) {
  const { t } = useTranslation();
  const describe = describedBy(id, false, trouble);
  const invalid = troubled(trouble) || undefined;
  return (
    <fieldset className="admin-speaking" disabled={disabled}>
      <legend>{t('admin.speaking.legend')}</legend>
      <div className="admin-when-inputs admin-inline-inputs">
        {PARTS.map(({ part, suffix, max }) => (
          <PartInput
            key={part}
            id={`${id}-${suffix}`}
            label={t(`admin.speaking.${part}`)}
            className="admin-field-short"
            type="number"
            inputMode="numeric"
            min={0}
            max={max}
            value={value[part]}
            onChange={(e) => onChange({ ...value, [part]: e.target.value })}
            aria-invalid={invalid}
            aria-describedby={describe}
          />
        ))}
      </div>
      <FieldMessage id={`${id}-error`} trouble={trouble} />
    </fieldset>
  );
}
