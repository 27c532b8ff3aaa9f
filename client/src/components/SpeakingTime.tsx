import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { partSeconds, REGIONS, type Region } from '../../../shared';
import { duration, personalName } from '../format';
import { useRoom, useServerNow, useTimeFormat } from '../room/RoomContext';
import { participantOf, type StatsGroup, type StatsScope, speakingTime } from '../room/selectors';

/** Speaking time per delegation, region or RTO, as a chart and a table: the balance across regions. */
export function SpeakingTime() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const now = useServerNow(1000);
  const [scope, setScope] = useState<StatsScope>('item');
  const [group, setGroup] = useState<StatsGroup>('region');
  const rows = speakingTime(meeting!, scope, group, now);
  const max = Math.max(1, ...rows.map((r) => r.seconds));
  const label = (key: string) => (group === 'region' && isRegion(key) ? t(`regions.${key}`) : key);
  const spoken = rows.some((r) => r.interventions > 0);
  return (
    <section className="panel stats" aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t('stats.heading')}</h2>
      <Segmented
        label={t('stats.scope')}
        name="stats-scope"
        value={scope}
        onChange={setScope}
        options={['item', 'meeting'] as const}
      />
      <Segmented
        label={t('stats.group')}
        name="stats-group"
        value={group}
        onChange={setGroup}
        options={['delegation', 'region', 'rto'] as const}
      />
      {!spoken ? (
        <p className="empty">{t('stats.empty')}</p>
      ) : (
        <>
          <div className="chart" role="img" aria-label={t('stats.chart')}>
            {rows.map((r) => (
              <div key={r.key} className="chart-row" aria-hidden="true">
                <span className="chart-label">{label(r.key)}</span>
                <span className="chart-track">
                  <span className="chart-bar" style={{ inlineSize: `${(r.seconds / max) * 100}%` }} />
                </span>
                <span className="chart-value">{duration(r.seconds, t)}</span>
              </div>
            ))}
          </div>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(`stats.${group}`)}</th>
                <th scope="col">{t('stats.time')}</th>
                <th scope="col">{t('stats.count')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{label(r.key)}</th>
                  <td>{duration(r.seconds, t)}</td>
                  <td>{r.interventions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The interventions logged so far, newest first, with times in both time zones. */
export function InterventionLog() {
  const { t } = useTranslation();
  const { meeting } = useRoom();
  const time = useTimeFormat();
  const m = meeting!;
  const items = [...m.interventions].reverse().slice(0, 30);
  return (
    <section className="panel log" aria-labelledby="log-heading">
      <h2 id="log-heading">{t('log.heading')}</h2>
      {items.length === 0 ? (
        <p className="empty">{t('log.empty')}</p>
      ) : (
        <ol className="log-list" data-testid="intervention-log">
          {items.map((i) => {
            const item = m.agenda.find((a) => a.id === i.itemId);
            return (
              <li key={i.id}>
                <time dateTime={new Date(i.startedAt).toISOString()} title={time(i.startedAt, 'yours')}>
                  {time(i.startedAt, 'meeting')}
                </time>{' '}
                <strong>
                  <bdi>{i.delegation}</bdi>
                </strong>{' '}
                <bdi className="person">{personalName(participantOf(m, i.participantId)?.name ?? '')}</bdi> ·{' '}
                {t(`kinds.${i.kind}`)} · {item ? `${item.number}` : ''} · {duration(i.durationSeconds, t)}
                {i.overrunSeconds > 0 && (
                  <span className="over"> ({t('log.over', { time: duration(i.overrunSeconds, t) })})</span>
                )}
                {i.parts.length > 1 && (
                  <span className="log-parts" data-testid="log-parts">
                    {' '}
                    (
                    {t('log.parts', {
                      durations: partSeconds(i.parts)
                        .map((seconds) => duration(seconds, t))
                        .join(' + '),
                    })}
                    )
                  </span>
                )}
                {i.endedWhileSuspended && <span className="log-note"> · {t('log.endedSuspended')}</span>}
                {i.offline && <span className="log-note"> · {t('log.offline')}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

const isRegion = (key: string): key is Region => (REGIONS as readonly string[]).includes(key);

/** Radio buttons drawn as a segmented control: native radios, so arrow keys and screen readers work. */
function Segmented<T extends StatsScope | StatsGroup>(props: {
  label: string;
  name: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="segmented">
      <legend className="sr-only">{props.label}</legend>
      {props.options.map((option) => (
        <label key={option} className={props.value === option ? 'selected' : ''}>
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          {t(`stats.${option}`)}
        </label>
      ))}
    </fieldset>
  );
}
