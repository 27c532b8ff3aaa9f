import { useTranslation } from 'react-i18next';
import type { ConsensusCheck } from '../../../../shared';
import { SLOT_VALUE, slotted } from '../Isolated';
import { IsolatedList, useCheckWords } from './words';

/**
 * How a check ended, in one line: "Paragraph 2 agreed" / "Paragraphs 2 and 3 agreed", or "Not
 * agreed: objections from Egypt and Brazil" (the delegations in <bdi>).
 */
export function CheckResultLine({ check }: { check: ConsensusCheck }) {
  const { t } = useTranslation();
  const words = useCheckWords();
  const result = check.result;
  if (!result) return null;
  if (result.outcome === 'agreed')
    return <span>{t('consensus.agreed', { paragraphs: words.paragraphs(check.paragraphNumbers) })}</span>;
  return (
    <span>
      {slotted(
        t('consensus.notAgreed', { delegations: SLOT_VALUE }),
        <IsolatedList items={result.objections.map((o) => o.delegation)} language={words.language} />,
      )}
    </span>
  );
}
