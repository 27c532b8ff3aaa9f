import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, REGIONS, ROLES, RTO_CODES } from '../../../../shared';
import { filtering, NO_FILTERS, type ParticipantFilters } from './filters';

interface FiltersProps {
  filters: ParticipantFilters;
  onChange: (filters: ParticipantFilters) => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** The search box and a menu per column that narrows the table; each applies as it changes. */
export function Filters({ filters, onChange, searchRef }: FiltersProps) {
  const { t } = useTranslation();
  // A menu per column that narrows the table: its choices after "All", each a value and its words.
  const menus: [Exclude<keyof ParticipantFilters, 'query'>, [string, string][]][] = [
    ['region', REGIONS.map((region) => [region, t(`regions.${region}`)])],
    ['rto', [...RTO_CODES.map((code): [string, string] => [code, code]), ['none', t('people.values.noRto')]]],
    ['category', CATEGORIES.map((category) => [category, t(`people.categories.${category}`)])],
    ['role', ROLES.map((role) => [role, t(`roles.${role}`)])],
    [
      'online',
      [
        ['yes', t('people.values.online')],
        ['no', t('people.values.offline')],
      ],
    ],
    [
      'invited',
      [
        ['yes', t('people.filters.invited')],
        ['no', t('people.values.notInvited')],
      ],
    ],
  ];
  return (
    <search className="people-filters">
      <form onSubmit={(e) => e.preventDefault()}>
        <label className="people-search">
          {t('people.search')}
          <input
            ref={searchRef}
            type="search"
            value={filters.query}
            maxLength={200}
            dir="auto"
            onChange={(e) => onChange({ ...filters, query: e.target.value })}
          />
        </label>
        {menus.map(([key, choices]) => (
          <label key={key}>
            {t(`people.columns.${key}`)}
            <select
              value={filters[key]}
              // The value is one of the menu's own choices.
              onChange={(e) => onChange({ ...filters, [key]: e.target.value })}
            >
              <option value={NO_FILTERS[key]}>{t('people.filters.all')}</option>
              {choices.map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </select>
          </label>
        ))}
        {filtering(filters) && (
          <button
            type="button"
            onClick={() => {
              onChange(NO_FILTERS);
              searchRef.current?.focus(); // the button goes away with the filters
            }}
          >
            {t('people.filters.clear')}
          </button>
        )}
      </form>
    </search>
  );
}
