import { useTranslation } from 'react-i18next';
import type { ConsensusCheck } from '../../../../../shared';
import { useTimeFormat } from '../../../room/RoomContext';

/**
 * The latest closed "any objection?" check on a paragraph, in its details: how it ended and when
 * (meeting time), and the objections that stood at its close, each with its delegation and reason.
 * What the result banner said for a few seconds stays here (issue 15: "objections → they stay
 * open, with the objecting delegations listed").
 */
export function LastCheck({ check }: { check: ConsensusCheck }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const result = check.result;
  if (!result) return null;
  const when = time(result.closedAt, 'meeting');
  return (
    <div className="paragraph-last-check" data-testid="paragraph-last-check">
      <h5>{t('paragraphs.lastCheck.heading')}</h5>
      <p>
        {result.outcome === 'agreed'
          ? t('paragraphs.lastCheck.agreed', { time: when })
          : t('paragraphs.lastCheck.objected', { time: when })}
      </p>
      {result.objections.length > 0 && (
        <ul className="paragraph-objections" aria-label={t('paragraphs.lastCheck.objections')}>
          {result.objections.map((o) => (
            <li key={`${o.participantId}-${o.at}`}>
              <bdi className="delegation">{o.delegation}</bdi>
              {': '}
              {o.reason ? (
                <bdi>{o.reason}</bdi>
              ) : (
                <span className="muted">{t('paragraphs.lastCheck.noReason')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
