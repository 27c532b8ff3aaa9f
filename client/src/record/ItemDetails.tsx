import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordItem, SpeakingShares } from '../../../shared';
import { DeferredAt } from './Deferrals';
import { InterventionsTable } from './InterventionsTable';
import { regionLabel } from './keyLabels';
import { ProposalHistory } from './ProposalHistory';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';
import { ShareTable } from './ShareTable';

/**
 * What happened under one agenda item: each time it was the current item and each deferral, its
 * interventions (with the points of order and replies counted), its speaking time by region, and
 * the proposals considered with their history.
 */
export function ItemDetails(props: {
  item: RecordItem;
  /** The item's own split of speaking time (`SpeakingTime.perItem`); absent: not shown. */
  shares: SpeakingShares | undefined;
  clock: RecordClock;
  id: string;
}) {
  const { item, shares, clock, id } = props;
  const { t } = useTranslation();
  const number = item.number;
  // A linked intervention is named by its number in the table above.
  const interventionNumbers = useMemo(
    () => new Map<string, number>(item.interventions.map((v, i) => [v.interventionId, i + 1])),
    [item.interventions],
  );
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
      <DeferredAt item={item} clock={clock} />
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
          {shares && (
            <>
              <h4>{t('record.item.speakingTime', { number })}</h4>
              <ShareTable
                caption={t('record.item.speakingByRegion', { number })}
                keyHeading={t('record.region')}
                shares={shares.byRegion}
                label={(key) => regionLabel(key, t)}
              />
            </>
          )}
        </>
      )}
      <h4>{t('record.item.proposals', { number })}</h4>
      {item.proposals.length === 0 ? (
        <p className="muted">{t('record.item.noProposals')}</p>
      ) : (
        <ProposalHistory
          proposals={item.proposals}
          clock={clock}
          level={5}
          interventionNumbers={interventionNumbers}
        />
      )}
    </div>
  );
}
