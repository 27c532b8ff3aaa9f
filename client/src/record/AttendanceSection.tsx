import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendance } from '../../../shared';
import { CountTable } from './CountTable';
import { Duration } from './Duration';
import { categoryLabel, regionLabel, rtoLabel } from './keyLabels';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';
import { ScrollCaption, TableScroll } from './TableScroll';

/**
 * Who was there: registered against attending per region, RTO and category (the inclusion figures
 * the secretariat reports), and on demand each participant's connections.
 */
export function AttendanceSection({ attendance, clock }: { attendance: Attendance; clock: RecordClock }) {
  const { t } = useTranslation();
  const [showPeople, setShowPeople] = useState(false);
  return (
    <section className="record-section" aria-labelledby="record-attendance-heading">
      <h3 id="record-attendance-heading">{t('record.attendance.heading')}</h3>
      <p data-testid="record-attendance-totals">
        {t('record.attendance.totals', {
          attended: attendance.totals.attended,
          registered: attendance.totals.registered,
        })}
      </p>
      <div className="record-grid">
        <CountTable
          caption={t('record.attendance.byRegion')}
          keyHeading={t('record.region')}
          counts={attendance.byRegion}
          label={(key) => regionLabel(key, t)}
        />
        <CountTable
          caption={t('record.attendance.byRto')}
          keyHeading={t('record.rto')}
          counts={attendance.byRto}
          label={(key) => rtoLabel(key, t('record.attendance.noRto'))}
        />
        <CountTable
          caption={t('record.attendance.byCategory')}
          keyHeading={t('record.category')}
          counts={attendance.byCategory}
          label={(key) => categoryLabel(key, t)}
        />
      </div>
      <button
        type="button"
        className="record-toggle"
        aria-expanded={showPeople}
        aria-controls={showPeople ? 'record-people' : undefined}
        onClick={() => setShowPeople((shown) => !shown)}
      >
        <span className="record-chevron" aria-hidden="true">
          ▸
        </span>{' '}
        {t('record.attendance.people', { n: attendance.participants.length })}
      </button>
      {showPeople && (
        <div id="record-people">
          <TableScroll label={t('record.attendance.peopleCaption', { offset: clock.offset })}>
            <table className="record-table">
              <ScrollCaption>{t('record.attendance.peopleCaption', { offset: clock.offset })}</ScrollCaption>
              <thead>
                <tr>
                  <th scope="col">{t('record.interventions.delegation')}</th>
                  <th scope="col">{t('record.attendance.name')}</th>
                  <th scope="col">{t('record.attendance.role')}</th>
                  <th scope="col">{t('record.attendance.connections')}</th>
                  <th scope="col">{t('record.attendance.total')}</th>
                </tr>
              </thead>
              <tbody>
                {attendance.participants.map((row) => (
                  <tr key={row.person.participantId}>
                    <th scope="row">
                      <bdi>{row.person.delegation}</bdi>
                    </th>
                    <td>
                      <bdi>{row.person.name}</bdi>
                      {row.removedAt && (
                        <span className="record-note">
                          {' '}
                          · {t('record.attendance.removed')}{' '}
                          <RecordTime time={row.removedAt} clock={clock} seconds />
                        </span>
                      )}
                    </td>
                    <td>{t(`roles.${row.person.role}`)}</td>
                    <td>
                      {row.sessions.length === 0 ? (
                        <span className="muted">{t('record.attendance.never')}</span>
                      ) : (
                        <ul className="record-connections">
                          {row.sessions.map((s) => (
                            <li key={s.joinedAt}>
                              <RecordTime time={s.joinedAt} clock={clock} seconds /> –{' '}
                              {s.leftAt ? (
                                <RecordTime time={s.leftAt} clock={clock} seconds />
                              ) : (
                                t('record.attendance.stillConnected')
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <Duration seconds={row.totalSeconds} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </section>
  );
}
