import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever, type Participant, type ParticipantRecord } from '../../../../shared';
import { languageName } from './labels';

/** The fields an import may change, in the table's order. */
const FIELDS = ['name', 'delegation', 'role', 'category', 'region', 'rto', 'email', 'lang'] as const;
type Field = (typeof FIELDS)[number];

/** One field's value as the table shows it. */
function useFieldValue(): (field: Field, p: Partial<Participant>) => ReactNode {
  const { t } = useTranslation();
  return (field, p) => {
    switch (field) {
      case 'name':
      case 'delegation':
        return <bdi>{p[field]}</bdi>;
      case 'email':
        return p.email ? <bdi>{p.email}</bdi> : t('people.values.noEmail');
      case 'role':
        return p.role ? t(`roles.${p.role}`) : '';
      case 'category':
        return p.category ? t(`people.categories.${p.category}`) : '';
      case 'region':
        return p.region ? t(`regions.${p.region}`) : '';
      case 'rto':
        return p.rto ?? t('people.values.noRto');
      case 'lang':
        return p.lang ? languageName(p.lang) : t('people.values.defaultLang');
      default:
        return assertNever(field);
    }
  };
}

/** What an update changes, field by field: "E-mail: old → new". */
export function ChangeList({
  changes,
  before,
}: {
  changes: Partial<Participant>;
  before: ParticipantRecord | undefined;
}) {
  const { t } = useTranslation();
  const value = useFieldValue();
  const changed = FIELDS.filter((field) => field in changes);
  return (
    <ul className="people-changes">
      {changed.map((field) => (
        <li key={field}>
          {t(field === 'lang' ? 'people.form.lang' : `people.columns.${field}`)}
          {t('people.import.colon')}
          {before ? (
            <>
              <span className="people-old">{value(field, before)}</span>{' '}
              <span aria-hidden="true">{t('people.import.arrow')}</span>
              <span className="sr-only">{t('people.import.becomes')}</span>{' '}
            </>
          ) : null}
          <span className="people-new">{value(field, changes)}</span>
        </li>
      ))}
    </ul>
  );
}
