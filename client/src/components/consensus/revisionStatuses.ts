import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParagraphId, ParagraphRecord, Revision } from '../../../../shared';
import type { RevisionStatuses } from '../../collab/export/revisions';
import { useCheckWords } from './words';

/**
 * The delegations that asked for paragraph `id` to be agreed ad referendum when `revision` was
 * published. The revision freezes each status, not its delegations; the paragraph's record still
 * gives them when it has not changed since (set before publication, still ad referendum), else
 * they are not known and none are written rather than later ones.
 */
function delegationsAt(revision: Revision, record: ParagraphRecord | undefined): string[] {
  if (record?.status !== 'ad-referendum' || record.setAt > revision.publishedAt) return [];
  return record.delegations;
}

/**
 * The paragraph statuses of a revision as its Word files open with them, in the UI language:
 * "Paragraph 2: Agreed ad referendum (Egypt and Brazil)".
 */
export function useRevisionStatuses() {
  const { t } = useTranslation();
  const words = useCheckWords();
  return useCallback(
    (revision: Revision, records: Record<ParagraphId, ParagraphRecord> | undefined): RevisionStatuses => ({
      heading: t('consensus.revisions.statusHeading', { symbol: revision.symbol }),
      lines: revision.paragraphs.map((p) => {
        const delegations = p.status === 'ad-referendum' ? delegationsAt(revision, records?.[p.id]) : [];
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
