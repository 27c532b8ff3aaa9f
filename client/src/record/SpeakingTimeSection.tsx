import { useTranslation } from 'react-i18next';
import type { SpeakingTime } from '../../../shared';
import { duration } from '../format';
import { regionLabel, rtoLabel } from './keyLabels';
import { ShareTable } from './ShareTable';

/**
 * Speaking time for the whole meeting by region, by RTO and by delegation, each against its share
 * of those who attended: the fairness question chairs are asked ("did each region get its share of
 * the floor?"). Each item's split by region is in that item's details.
 */
export function SpeakingTimeSection({ speakingTime }: { speakingTime: SpeakingTime }) {
  const { t } = useTranslation();
  const { byRegion, byRto, byDelegation } = speakingTime.meeting;
  return (
    <section className="record-section" aria-labelledby="record-speaking-heading">
      <h3 id="record-speaking-heading">{t('record.speaking.heading')}</h3>
      <p>{t('record.speaking.total', { time: duration(speakingTime.totalSeconds, t) })}</p>
      <p className="hint">{t('record.speaking.fairness')}</p>
      <div className="record-stack">
        <ShareTable
          caption={t('record.speaking.byRegion')}
          keyHeading={t('record.region')}
          shares={byRegion}
          label={(key) => regionLabel(key, t)}
        />
        <ShareTable
          caption={t('record.speaking.byRto')}
          keyHeading={t('record.rto')}
          shares={byRto}
          label={(key) => rtoLabel(key, t('record.speaking.notOnBehalf'))}
        />
        {byDelegation.length === 0 ? (
          <p className="muted">{t('record.speaking.noDelegation')}</p>
        ) : (
          <ShareTable
            caption={t('record.speaking.byDelegation')}
            keyHeading={t('record.interventions.delegation')}
            shares={byDelegation}
            label={(key) => <bdi>{key}</bdi>}
          />
        )}
      </div>
    </section>
  );
}
