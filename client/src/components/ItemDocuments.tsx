import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../shared';

/**
 * An agenda item's documents as the secretariat listed them: each links to where ITU publishes it
 * (a new tab), with its symbol, its title (isolated: titles come in any script) and its languages.
 */
export function ItemDocuments({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  const documents = item.documents;
  if (documents.length === 0) return null;
  return (
    <ul className="item-documents" aria-label={t('roomLinks.documentsOf', { number: item.number })}>
      {documents.map((d) => (
        <li key={`${d.symbol}-${d.url}`}>
          <a href={d.url} target="_blank" rel="noopener noreferrer">
            <bdi className="document-symbol">{d.symbol}</bdi> <bdi>{d.title}</bdi>
            <span className="sr-only"> {t('roomLinks.newTab')}</span>
          </a>
          {d.languages.length > 0 && (
            <span className="document-languages">
              {' '}
              ({d.languages.map((code) => t(`roomLinks.languages.${code}`)).join(', ')})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
