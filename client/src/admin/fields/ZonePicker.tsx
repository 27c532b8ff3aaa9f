import { type KeyboardEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offsetLabel } from '../wallClock';
import { allZones, searchZones } from '../zones';
import { describedBy, FieldMessage, type FieldTrouble, troubled } from './FieldMessage';

interface ZonePickerProps {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  trouble?: FieldTrouble | undefined;
  disabled?: boolean;
}

/**
 * The meeting's time zone: a select of every IANA zone with its offset now, narrowed by a search
 * above it. A search that leaves one zone chooses it at once, and says so (typing "Geneva" and
 * going on to the dates must not leave the meeting in UTC); with several, Enter takes the first
 * (and does not send the form). The zone chosen stays in the list whatever the search, so the
 * select always shows it.
 */
export function ZonePicker({ id, value, onChange, trouble, disabled }: ZonePickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const zones = useMemo(() => allZones(), []);
  const matches = useMemo(() => searchZones(query, zones), [query, zones]);
  const options = matches.includes(value) ? matches : [value, ...matches];
  // Each offset asks Intl once per zone: computed for the whole list once, not on every keystroke.
  const offsets = useMemo(() => {
    const now = Date.now();
    return new Map(zones.map((zone) => [zone, offsetLabel(now, zone)]));
  }, [zones]);
  const first = matches[0];

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (first) onChange(first);
  };

  return (
    <div className="admin-zone">
      <div className="admin-field">
        <label htmlFor={`${id}-search`}>{t('admin.zone.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            const found = searchZones(e.target.value, zones);
            if (found.length === 1 && found[0] !== value) onChange(found[0]!);
          }}
          onKeyDown={onSearchKey}
          disabled={disabled}
          autoComplete="off"
          aria-describedby={`${id}-matches`}
        />
        <p id={`${id}-matches`} className="hint" aria-live="polite">
          {query.trim() === ''
            ? t('admin.zone.searchHint')
            : matches.length === 1 && first === value
              ? t('admin.zone.chosen', { zone: value })
              : first
                ? t('admin.zone.matches', { count: matches.length, first })
                : t('admin.zone.noMatch')}
        </p>
      </div>
      <div className="admin-field">
        <label htmlFor={id}>{t('admin.zone.label')}</label>
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          disabled={disabled}
          aria-invalid={troubled(trouble) || undefined}
          aria-describedby={describedBy(id, false, trouble)}
        >
          {options.map((zone) => (
            <option key={zone} value={zone}>
              {zone} ({offsets.get(zone) ?? offsetLabel(Date.now(), zone)})
            </option>
          ))}
        </select>
      </div>
      <FieldMessage id={`${id}-error`} trouble={trouble} />
    </div>
  );
}
