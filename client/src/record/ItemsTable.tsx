import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemId, MeetingRecord, RecordItem, SpeakingShares } from '../../../shared';
import { DeferralNote } from './Deferrals';
import { ItemDetails } from './ItemDetails';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';
import { SpentTime } from './SpentTime';
import { ScrollCaption, TableScroll } from './TableScroll';

const COLUMNS = 8;

/**
 * The agenda items as the record has them: time planned and spent (marked, in words, when over the
 * plan), when each was opened and concluded, and its outcome. An item's title opens its details
 * (interventions, proposals) in the row below; several may be open at once.
 */
export function ItemsTable({ record, clock }: { record: MeetingRecord; clock: RecordClock }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<ItemId>>(new Set());
  const toggle = (id: ItemId) =>
    setExpanded((before) => {
      const after = new Set(before);
      if (!after.delete(id)) after.add(id);
      return after;
    });
  const caption = t('record.items.caption', { offset: clock.offset });
  const sharesOf = new Map(record.speakingTime.perItem.map((shares) => [shares.itemId, shares]));
  return (
    <section className="record-section" aria-labelledby="record-items-heading">
      <h3 id="record-items-heading">{t('record.items.heading')}</h3>
      {record.items.length === 0 ? (
        <p className="muted">{t('record.items.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('record.items.hint')}</p>
          <TableScroll label={caption}>
            <table className="record-table record-items">
              <ScrollCaption>{caption}</ScrollCaption>
              <thead>
                <tr>
                  <th scope="col">{t('record.items.number')}</th>
                  <th scope="col">{t('record.items.title')}</th>
                  <th scope="col">{t('record.items.status')}</th>
                  <th scope="col">{t('record.items.planned')}</th>
                  <th scope="col">{t('record.items.spent')}</th>
                  <th scope="col">{t('record.items.opened')}</th>
                  <th scope="col">{t('record.items.concluded')}</th>
                  <th scope="col">{t('record.items.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {record.items.map((item) => (
                  <ItemRows
                    key={item.itemId}
                    item={item}
                    shares={sharesOf.get(item.itemId)}
                    clock={clock}
                    open={expanded.has(item.itemId)}
                    onToggle={() => toggle(item.itemId)}
                  />
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

function ItemRows(props: {
  item: RecordItem;
  shares: SpeakingShares | undefined;
  clock: RecordClock;
  open: boolean;
  onToggle: () => void;
}) {
  const { item, shares, clock, open, onToggle } = props;
  const { t } = useTranslation();
  const detailsId = `record-item-${item.itemId}`;
  return (
    <Fragment>
      <tr className={`record-item status-${item.status}`} data-testid="record-item">
        <th scope="row">{item.number}</th>
        <td className="record-item-title">
          <button
            type="button"
            className="record-toggle"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            data-testid={`record-item-toggle-${item.number}`}
            onClick={onToggle}
          >
            <span className="record-chevron" aria-hidden="true">
              ▸
            </span>{' '}
            <bdi>{item.title}</bdi>
          </button>
        </td>
        <td>
          <span className={`pill item-${item.status}`}>{t(`itemStatus.${item.status}`)}</span>
          <DeferralNote item={item} clock={clock} />
        </td>
        <td>{t('record.items.minutes', { minutes: item.plannedMinutes })}</td>
        <td>
          <SpentTime item={item} />
        </td>
        <td>
          <RecordTime time={item.openedAt} clock={clock} />
        </td>
        <td>
          <RecordTime time={item.concludedAt} clock={clock} />
        </td>
        <td>
          {item.outcome ? <bdi>{item.outcome}</bdi> : <span className="muted">{t('record.none')}</span>}
        </td>
      </tr>
      {open && (
        <tr className="record-details-row">
          <td colSpan={COLUMNS}>
            <ItemDetails item={item} shares={shares} clock={clock} id={detailsId} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
