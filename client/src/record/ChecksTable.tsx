import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordCheck } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';
import { RecordTable } from './TableScroll';

/**
 * A text's calls for objections and silence procedures, in the order asked: who asked, until when,
 * each objection made (and withdrawn) with its delegation, reason and time, the outcome, how and
 * when it closed, and when it applied if that was later (the server was down at the deadline).
 */
export function ChecksTable(props: { checks: RecordCheck[]; caption: string; clock: RecordClock }) {
  const { checks, caption, clock } = props;
  const { t } = useTranslation();
  return (
    <RecordTable
      caption={caption}
      className="record-checks"
      columns={[
        t('record.consensus.order'),
        t('record.consensus.procedure'),
        t('record.consensus.paragraphs'),
        t('record.consensus.asked'),
        t('record.consensus.askedBy'),
        t('record.consensus.until'),
        t('record.consensus.objections'),
        t('record.consensus.outcome'),
        t('record.consensus.closed'),
        t('record.consensus.applied'),
      ]}
    >
      {checks.map((check, index) => (
        <tr key={check.checkId} data-testid="record-check">
          <th scope="row">{index + 1}</th>
          <td>{t(`record.consensus.${check.procedure}`)}</td>
          <td>{check.paragraphs.join(', ')}</td>
          <td>
            <RecordTime time={check.askedAt} clock={clock} seconds />
          </td>
          <td>
            <bdi>{check.askedBy.name}</bdi>
          </td>
          <td>
            <RecordTime time={check.endsAt} clock={clock} seconds />
          </td>
          <td>
            <Objections check={check} clock={clock} />
          </td>
          <Result check={check} clock={clock} />
        </tr>
      ))}
    </RecordTable>
  );
}

function Objections({ check, clock }: { check: RecordCheck; clock: RecordClock }) {
  const { t } = useTranslation();
  if (check.objections.length === 0)
    return <span className="muted">{t('record.consensus.noObjection')}</span>;
  return (
    <ul className="record-objections">
      {check.objections.map((o) => (
        <li key={`${o.delegation} ${o.at}`}>
          <bdi>{o.delegation}</bdi> <RecordTime time={o.at} clock={clock} seconds />
          {o.reason && (
            <>
              {': '}
              <q>
                <bdi>{o.reason}</bdi>
              </q>
            </>
          )}
          {o.withdrawnAt && (
            <span className="record-note">
              {' · '}
              {t('record.consensus.withdrawnAt')} <RecordTime time={o.withdrawnAt} clock={clock} seconds />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The outcome, closing and applying cells of a check. */
function Result({ check, clock }: { check: RecordCheck; clock: RecordClock }) {
  const { t, i18n } = useTranslation();
  const r = check.result;
  if (!r)
    return (
      <>
        <td>{t('record.consensus.open')}</td>
        <td>
          <span className="muted">{t('record.notYet')}</span>
        </td>
        <td>
          <span className="muted">{t('record.notYet')}</span>
        </td>
      </>
    );
  const delegations = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(r.objectedBy);
  let how: ReactNode = t('record.consensus.atDeadline');
  if (r.closedBy)
    how = isolatedIn(
      t(r.early ? 'record.consensus.closedEarlyBy' : 'record.consensus.closedBy', { name: SLOT_VALUE }),
      r.closedBy.name,
    );
  return (
    <>
      <td className={r.outcome === 'agreed' ? 'record-agreed' : 'record-objected'}>
        {r.outcome === 'agreed'
          ? t('record.consensus.agreed')
          : isolatedIn(t('record.consensus.objectedBy', { delegations: SLOT_VALUE }), delegations)}
      </td>
      <td>
        <RecordTime time={r.closedAt} clock={clock} seconds /> ({how})
      </td>
      <td>
        {r.appliedLate ? (
          <>
            <RecordTime time={r.appliedAt} clock={clock} seconds />{' '}
            <span className="record-note">({t('record.consensus.appliedLate')})</span>
          </>
        ) : (
          <span className="muted">{t('record.consensus.atClose')}</span>
        )}
      </td>
    </>
  );
}
