import { useTranslation } from 'react-i18next';
import type { Troubles } from '../troubles';
import type { WallTime } from '../wallClock';
import { WhenField } from './WhenField';

/** A meeting's start and end as the forms hold them. */
interface StartEnd {
  start: WallTime;
  end: WallTime;
}

/** Each of the two, with the field the server's body names it by. */
const PARTS = [
  { part: 'start', field: 'startsAt' },
  { part: 'end', field: 'endsAt' },
] as const;

interface StartEndFieldsProps {
  /** The fields' ids start with it: `${prefix}-start-date`, `${prefix}-end-time`. */
  prefix: string;
  /** The meeting's time zone: the times typed are on its clock. */
  zone: string;
  dates: StartEnd;
  onChange: (patch: Partial<StartEnd>) => void;
  troubles: Troubles<'startsAt' | 'endsAt'>;
  disabled?: boolean;
}

/** A meeting's start and end, side by side on a wide screen: the settings, create and clone forms. */
export function StartEndFields({ prefix, zone, dates, onChange, troubles, disabled }: StartEndFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="admin-when-pair">
      {PARTS.map(({ part, field }) => (
        <WhenField
          key={part}
          id={`${prefix}-${part}`}
          what={t(`admin.meeting.${part}`)}
          zone={zone}
          value={dates[part]}
          onChange={(value) => onChange({ [part]: value })}
          trouble={troubles[field]}
          disabled={disabled}
        />
      ))}
    </div>
  );
}
