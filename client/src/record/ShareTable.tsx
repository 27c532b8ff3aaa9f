import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakingShare } from '../../../shared';
import { Duration } from './Duration';
import { ScrollCaption, TableScroll } from './TableScroll';

/** Shares as percentages, and their difference in percentage points, in the interface language. */
function useShareFormats(language: string) {
  return useMemo(
    () => ({
      percent: new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }),
      // A difference of two shares is in points, not a percentage of anything: "+4.9 pts".
      points: new Intl.NumberFormat(language, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
    }),
    [language],
  );
}

/**
 * Speaking time under each key (a region, an RTO, a delegation) against that key's share of the
 * participants who attended, and the difference between the two shares in percentage points.
 */
export function ShareTable<K extends string>(props: {
  caption: string;
  keyHeading: string;
  shares: SpeakingShare<K>[];
  label: (key: K) => ReactNode;
}) {
  const { caption, keyHeading, shares, label } = props;
  const { t, i18n } = useTranslation();
  const formats = useShareFormats(i18n.language);
  return (
    <TableScroll label={caption}>
      <table className="record-table record-shares" data-testid="record-shares">
        <ScrollCaption>{caption}</ScrollCaption>
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
              <td>
                <Duration seconds={s.seconds} />
              </td>
              <td>{formats.percent.format(s.speakingShare)}</td>
              <td>{formats.percent.format(s.participantShare)}</td>
              <td>
                {t('record.speaking.points', {
                  points: formats.points.format((s.speakingShare - s.participantShare) * 100),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
