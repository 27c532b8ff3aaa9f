import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordIntervention } from '../../../shared';
import { SLOT_VALUE, slotted } from '../components/Isolated';
import { Duration } from './Duration';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';
import { ScrollCaption, TableScroll } from './TableScroll';

/**
 * Interventions in the order they started: who spoke for which delegation (and on behalf of which
 * RTO), the kind of request, when, for how long, by how much over the limit, and whether a point of
 * order or a reply suspended them.
 */
export function InterventionsTable(props: {
  interventions: RecordIntervention[];
  caption: string;
  clock: RecordClock;
}) {
  const { interventions, caption, clock } = props;
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table className="record-table record-interventions">
        <ScrollCaption>{caption}</ScrollCaption>
        <thead>
          <tr>
            <th scope="col">{t('record.interventions.order')}</th>
            <th scope="col">{t('record.interventions.delegation')}</th>
            <th scope="col">{t('record.interventions.speaker')}</th>
            <th scope="col">{t('record.interventions.onBehalfOf')}</th>
            <th scope="col">{t('record.interventions.kind')}</th>
            <th scope="col">{t('record.interventions.start')}</th>
            <th scope="col">{t('record.interventions.duration')}</th>
            <th scope="col">{t('record.interventions.overrun')}</th>
            <th scope="col">{t('record.interventions.suspended')}</th>
          </tr>
        </thead>
        <tbody>
          {interventions.map((i, index) => (
            <tr key={i.interventionId} data-testid="record-intervention">
              <th scope="row">{index + 1}</th>
              <td>
                <bdi>{i.delegation}</bdi>
              </td>
              <td>
                <bdi>{i.speaker.name}</bdi>
                {i.offline && <span className="record-note"> · {t('record.interventions.offline')}</span>}
              </td>
              <td>{i.onBehalfOf ?? <span className="muted">{t('record.none')}</span>}</td>
              <td>{t(`kinds.${i.kind}`)}</td>
              <td>
                <RecordTime time={i.startedAt} clock={clock} seconds />
              </td>
              <td>
                <Duration seconds={i.durationSeconds} />
              </td>
              <td>
                {i.overrunSeconds > 0 ? (
                  <span className="record-over">
                    <Duration seconds={i.overrunSeconds} />
                  </span>
                ) : (
                  <span className="muted">{t('record.none')}</span>
                )}
              </td>
              <td>
                {i.suspended
                  ? slotted(
                      t('record.interventions.suspendedParts', { durations: SLOT_VALUE }),
                      <Parts intervention={i} />,
                    )
                  : t('record.interventions.notSuspended')}
                {i.endedWhileSuspended && (
                  <span className="record-note"> · {t('record.interventions.endedWhileSuspended')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The parts spoken, each of its own seconds (rounded so that they add up to the duration): "1 min 10 s + 2 min 10 s". */
function Parts({ intervention }: { intervention: RecordIntervention }) {
  return (
    <>
      {intervention.parts.map((part, index) => (
        <Fragment key={part.startedAt}>
          {index > 0 && ' + '}
          <Duration seconds={part.seconds} />
        </Fragment>
      ))}
    </>
  );
}
