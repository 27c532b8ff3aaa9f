import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { type BracketLogEntry, DOC_FIELDS } from '../../../../shared/collab/schema';
import { isolate } from '../../collab/bidi';
import { useDocVersion } from '../../collab/hooks';

/** The text agreed so far: each removal of brackets, newest first, with who and when. */
export function AgreedHistory({ doc }: { doc: Y.Doc }) {
  const { t, i18n } = useTranslation();
  useDocVersion(doc);
  const entries = doc.getArray<BracketLogEntry>(DOC_FIELDS.bracketLog).toArray().slice().reverse();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="side-panel agreed-panel" aria-labelledby="agreed-heading">
      <h3 id="agreed-heading">{t('brackets.history')}</h3>
      {entries.length === 0 ? (
        <p className="muted small">{t('brackets.historyEmpty')}</p>
      ) : (
        <ul className="agreed-list" data-testid="agreed-list">
          {entries.map((e) => (
            <li key={`${e.at}-${e.by}-${e.text}`}>
              <q dir="auto">{e.text}</q>
              <span className="muted small">
                {' '}
                — {t('brackets.agreedBy', { name: isolate(e.byName), time: isolate(when.format(e.at)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
