import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Revision } from '../../../../shared';
import type { RevisionStatuses } from '../../collab/export/revisions';
import { useCheckWords } from './words';

/**
 * The paragraph statuses of a revision as its Word files open with them, in the UI language:
 * "Paragraph 2: Agreed ad referendum (Egypt and Brazil)".
 */
export function useRevisionStatuses() {
  const { t } = useTranslation();
  const words = useCheckWords();
  return useCallback(
    (revision: Revision): RevisionStatuses => ({
      heading: t('consensus.revisions.statusHeading', { symbol: revision.symbol }),
      lines: revision.paragraphs.map((p) => {
        // The revision froze them with the status (an older log's revision may lack them).
        const delegations = p.status === 'ad-referendum' ? (p.delegations ?? []) : [];
        const status =
          delegations.length > 0
            ? t('consensus.revisions.status.adReferendumOf', { delegations: words.list(delegations) })
            : t(`consensus.revisions.status.${p.status}`);
        return t('consensus.revisions.statusLine', { number: p.number, status });
      }),
    }),
    [t, words],
  );
}
