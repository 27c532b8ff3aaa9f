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
  const set = <K extends keyof ParticipantFilters>(key: K, value: ParticipantFilters[K]) =>
    onChange({ ...filters, [key]: value });
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
            onChange={(e) => set('query', e.target.value)}
          />
        </label>
        <label>
          {t('people.columns.region')}
          <select
            value={filters.region}
            onChange={(e) => set('region', e.target.value as ParticipantFilters['region'])}
          >
            <option value="">{t('people.filters.all')}</option>
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {t(`regions.${region}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('people.columns.rto')}
          <select
            value={filters.rto}
            onChange={(e) => set('rto', e.target.value as ParticipantFilters['rto'])}
          >
            <option value="">{t('people.filters.all')}</option>
            {RTO_CODES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
            <option value="none">{t('people.values.noRto')}</option>
          </select>
        </label>
        <label>
          {t('people.columns.category')}
          <select
            value={filters.category}
            onChange={(e) => set('category', e.target.value as ParticipantFilters['category'])}
          >
            <option value="">{t('people.filters.all')}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`people.categories.${category}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('people.columns.role')}
          <select
            value={filters.role}
            onChange={(e) => set('role', e.target.value as ParticipantFilters['role'])}
          >
            <option value="">{t('people.filters.all')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('people.columns.online')}
          <select
            value={filters.online}
            onChange={(e) => set('online', e.target.value as ParticipantFilters['online'])}
          >
            <option value="any">{t('people.filters.all')}</option>
            <option value="yes">{t('people.values.online')}</option>
            <option value="no">{t('people.values.offline')}</option>
          </select>
        </label>
        <label>
          {t('people.columns.invited')}
          <select
            value={filters.invited}
            onChange={(e) => set('invited', e.target.value as ParticipantFilters['invited'])}
          >
            <option value="any">{t('people.filters.all')}</option>
            <option value="yes">{t('people.filters.invited')}</option>
            <option value="no">{t('people.values.notInvited')}</option>
          </select>
        </label>
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
