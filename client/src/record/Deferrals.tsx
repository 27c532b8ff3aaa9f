import { useTranslation } from 'react-i18next';
import type { RecordItem } from '../../../shared';
import { SLOT_VALUE, slotted } from '../components/Isolated';
import type { RecordClock } from './recordClock';
import { TimeList } from './TimeList';

/**
 * When an item was deferred, as a sentence of its details: "Item 4 was deferred at 14:31 and
 * 16:02" (a deferral before the item was taken up has no period of consideration to show it).
 */
export function DeferredAt({ item, clock }: { item: RecordItem; clock: RecordClock }) {
  const { t } = useTranslation();
  if (item.deferredAt.length === 0) return null;
  return (
    <p className="record-deferrals" data-testid="record-deferrals">
      {slotted(
        t('record.item.deferredAt', { number: item.number, times: SLOT_VALUE }),
        <TimeList times={item.deferredAt} clock={clock} />,
      )}
    </p>
  );
}

/**
 * The deferrals as a note under the item's status: since when a deferred item waits, or when an
 * item taken up again had been deferred.
 */
export function DeferralNote({ item, clock }: { item: RecordItem; clock: RecordClock }) {
  const { t } = useTranslation();
  const last = item.deferredAt.at(-1);
  if (!last) return null;
  return (
    <span className="record-note record-status-note">
      {item.status === 'deferred'
        ? slotted(
            t('record.items.deferredSince', { time: SLOT_VALUE }),
            <TimeList times={[last]} clock={clock} />,
          )
        : slotted(
            t('record.items.deferredAt', { times: SLOT_VALUE }),
            <TimeList times={item.deferredAt} clock={clock} />,
          )}
    </span>
  );
}
