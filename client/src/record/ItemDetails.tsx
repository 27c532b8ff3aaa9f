import { useTranslation } from 'react-i18next';
import type { RecordItem } from '../../../shared';
import { InterventionsTable } from './InterventionsTable';
import { ProposalHistory } from './ProposalHistory';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';

/**
 * What happened under one agenda item: each time it was the current item, its interventions (with
 * the points of order and replies counted) and the proposals considered with their history.
 */
export function ItemDetails({ item, clock, id }: { item: RecordItem; clock: RecordClock; id: string }) {
  const { t } = useTranslation();
  const number = item.number;
  return (
    <div className="record-item-details" id={id} data-testid="record-item-details">
      <p className="hint">{t('record.item.clock', { offset: clock.offset })}</p>
      {item.sessions.length > 0 && (
        <>
          <h4>{t('record.item.sessions', { number })}</h4>
          <ul className="record-sessions">
            {item.sessions.map((s) => (
              <li key={s.openedAt}>
                <RecordTime time={s.openedAt} clock={clock} /> –{' '}
                {s.endedAt ? <RecordTime time={s.endedAt} clock={clock} /> : t('record.item.stillCurrent')}
                {s.ended && ` (${t(`record.item.ended.${s.ended}`)})`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('record.item.interventions', { number })}</h4>
      {item.interventions.length === 0 ? (
        <p className="muted">{t('record.item.noInterventions')}</p>
      ) : (
        <>
          <p className="record-counts">
            {t('record.item.counts', { pointsOfOrder: item.pointsOfOrder, replies: item.replies })}
          </p>
          <InterventionsTable
            interventions={item.interventions}
            caption={t('record.interventions.caption', { number, offset: clock.offset })}
            clock={clock}
          />
        </>
      )}
      <h4>{t('record.item.proposals', { number })}</h4>
      {item.proposals.length === 0 ? (
        <p className="muted">{t('record.item.noProposals')}</p>
      ) : (
        <ProposalHistory proposals={item.proposals} clock={clock} />
      )}
    </div>
  );
}
