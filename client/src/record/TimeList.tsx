import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZonedTime } from '../../../shared';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';

/**
 * Times of the record joined as the interface language lists things ("13:05, 14:10 and 15:20",
 * « 13:05, 14:10 et 15:20 »), each a <time> of its own.
 */
export function TimeList(props: { times: readonly ZonedTime[]; clock: RecordClock; seconds?: boolean }) {
  const { times, clock, seconds } = props;
  const { i18n } = useTranslation();
  const list = useMemo(() => new Intl.ListFormat(i18n.language, { type: 'conjunction' }), [i18n.language]);
  // The list's words come from Intl around placeholders; each placeholder is then a time.
  const parts = list.formatToParts(times.map((_, index) => String(index)));
  return (
    <>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one list, in an order that never shifts.
        <Fragment key={index}>
          {part.type === 'element' ? (
            <RecordTime time={times[Number(part.value)]!} clock={clock} seconds={seconds} />
          ) : (
            part.value
          )}
        </Fragment>
      ))}
    </>
  );
}
