import { useTranslation } from 'react-i18next';
import { type AgendaItem, itemSpentSeconds, overPlan, type RecordItem } from '../../../shared';
import { duration } from '../format';
import { useRoom, useServerNow } from '../room/RoomContext';

/**
 * The time an item has taken against its plan. The record counts up to its last event; for the
 * item whose agenda clock runs now, the room's own clock takes over and ticks each second.
 */
export function SpentTime({ item }: { item: RecordItem }) {
  const meeting = useRoom().meeting;
  const running = meeting?.agenda.find((i) => i.id === item.itemId && i.openSince !== null);
  if (running) return <RunningTime item={item} running={running} />;
  return <Spent seconds={item.spentSeconds} plannedMinutes={item.plannedMinutes} over={item.overPlan} />;
}

function RunningTime({ item, running }: { item: RecordItem; running: AgendaItem }) {
  const now = useServerNow(1000);
  const seconds = itemSpentSeconds(running, now);
  // The agenda's rule (AgendaPanel): an item with no planned time is never over it.
  const over = overPlan(item.plannedMinutes, seconds);
  return <Spent seconds={seconds} plannedMinutes={item.plannedMinutes} over={over} running />;
}

function Spent(props: { seconds: number; plannedMinutes: number; over: boolean; running?: boolean }) {
  const { seconds, plannedMinutes, over, running } = props;
  const { t } = useTranslation();
  return (
    <span className={`record-spent${over ? ' record-over-plan' : ''}`} data-testid="record-spent">
      {duration(seconds, t)}
      {running && <span className="record-running"> ({t('record.items.running')})</span>}
      {over && (
        <span className="record-over">
          {' '}
          <span aria-hidden="true" className="record-over-icon">
            ▲
          </span>{' '}
          {t('record.items.overPlanBy', { time: duration(Math.max(0, seconds - plannedMinutes * 60), t) })}
        </span>
      )}
    </span>
  );
}
