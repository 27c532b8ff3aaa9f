import { useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorRequest, Meeting } from '../../../../shared';
import { participantOf } from '../../room/selectors';
import { QueueRow, type RowActions } from './QueueRow';

/** Past this many rows only those in view are rendered: 300 rows of buttons slow every update. */
const VIRTUAL_FROM = 100;
/** How many of the next speakers the summary names. */
const NEXT_NAMED = 3;

/**
 * The waiting requests: a count and the next speakers, then the rows, scrolling inside a panel of
 * bounded height so the page (and the chair's controls) stay put whatever the length of the list.
 */
export function QueueList(props: {
  meeting: Meeting;
  queue: FloorRequest[];
  youId: string | null;
  actions: (request: FloorRequest) => RowActions | null;
}) {
  const { meeting, queue, youId, actions } = props;
  const { t } = useTranslation();
  const scroller = useRef<HTMLElement>(null);
  const summaryId = useId();
  if (queue.length === 0) return <p className="empty">{t('floor.empty')}</p>;
  const next = queue
    .slice(0, NEXT_NAMED)
    .map((r) => participantOf(meeting, r.participantId)?.delegation ?? '?')
    .join(', ');
  return (
    <>
      <p className="queue-summary" id={summaryId} data-testid="queue-count">
        <strong>{t('floorUi.waitingCount', { count: queue.length })}</strong>{' '}
        <span>{t('floorUi.nextUp', { names: next })}</span>
      </p>
      {/* Scrolls by keyboard too: for a delegate it may hold nothing else focusable. */}
      <section
        className="queue-scroll"
        ref={scroller}
        aria-labelledby={summaryId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus
        tabIndex={0}
        data-testid="queue-scroll"
      >
        {queue.length >= VIRTUAL_FROM ? (
          <VirtualRows {...props} scroller={scroller} />
        ) : (
          <ol className="queue" aria-label={t('floor.queueLabel')}>
            {queue.map((request, index) => (
              <QueueRow
                key={request.id}
                meeting={meeting}
                request={request}
                index={index}
                count={queue.length}
                youId={youId}
                actions={actions(request)}
              />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function VirtualRows(props: {
  meeting: Meeting;
  queue: FloorRequest[];
  youId: string | null;
  actions: (request: FloorRequest) => RowActions | null;
  scroller: RefObject<HTMLElement | null>;
}) {
  const { meeting, queue, youId, actions, scroller } = props;
  const { t } = useTranslation();
  const rows = useVirtualizer({
    count: queue.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 44,
    overscan: 8,
    getItemKey: (index) => queue[index]!.id,
    // Without layout (tests, first paint) assume a panel's worth of rows.
    initialRect: { width: 600, height: 480 },
  });
  return (
    <ol
      className="queue queue-virtual"
      aria-label={t('floor.queueLabel')}
      style={{ blockSize: rows.getTotalSize() }}
    >
      {rows.getVirtualItems().map((row) => (
        <QueueRow
          key={row.key}
          meeting={meeting}
          request={queue[row.index]!}
          index={row.index}
          count={queue.length}
          youId={youId}
          actions={actions(queue[row.index]!)}
          measure={rows.measureElement}
          style={{ transform: `translateY(${row.start}px)` }}
        />
      ))}
    </ol>
  );
}
