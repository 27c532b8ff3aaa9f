import { useTranslation } from 'react-i18next';
import type { SpeakingShare, SpeakingTime } from '../../../shared';
import { duration } from '../format';
import { regionLabel, rtoLabel } from './keyLabels';
import { TableScroll } from './TableScroll';

/**
 * Speaking time by region and by RTO, each against its share of those who attended: the fairness
 * question chairs are asked ("did each region get its share of the floor?").
 */
export function SpeakingTimeSection({ speakingTime }: { speakingTime: SpeakingTime }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const points = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const formats = { percent, points };
  return (
    <section className="record-section" aria-labelledby="record-speaking-heading">
      <h3 id="record-speaking-heading">{t('record.speaking.heading')}</h3>
      <p>{t('record.speaking.total', { time: duration(speakingTime.totalSeconds, t) })}</p>
      <p className="hint">{t('record.speaking.fairness')}</p>
      <div className="record-stack">
        <ShareTable
          caption={t('record.speaking.byRegion')}
          keyHeading={t('record.region')}
          shares={speakingTime.meeting.byRegion}
          label={(key) => regionLabel(key, t)}
          formats={formats}
        />
        <ShareTable
          caption={t('record.speaking.byRto')}
          keyHeading={t('record.rto')}
          shares={speakingTime.meeting.byRto}
          label={(key) => rtoLabel(key, t('record.speaking.notOnBehalf'))}
          formats={formats}
        />
      </div>
    </section>
  );
}

function ShareTable<K extends string>(props: {
  caption: string;
  keyHeading: string;
  shares: SpeakingShare<K>[];
  label: (key: K) => string;
  formats: { percent: Intl.NumberFormat; points: Intl.NumberFormat };
}) {
  const { caption, keyHeading, shares, label, formats } = props;
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table className="record-table record-shares" data-testid="record-shares">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeading}</th>
            <th scope="col">{t('record.speaking.interventions')}</th>
            <th scope="col">{t('record.speaking.time')}</th>
            <th scope="col">{t('record.speaking.speakingShare')}</th>
            <th scope="col">{t('record.speaking.participantShare')}</th>
            <th scope="col">{t('record.speaking.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.key}>
              <th scope="row">{label(s.key)}</th>
              <td>{s.interventions}</td>
              <td>{duration(s.seconds, t)}</td>
              <td>{formats.percent.format(s.speakingShare)}</td>
              <td>{formats.percent.format(s.participantShare)}</td>
              <td>{formats.points.format(s.speakingShare - s.participantShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
