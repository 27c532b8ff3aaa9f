import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgendaItem, itemSpentSeconds, overPlan } from '../../../shared';
import { duration } from '../format';
import { useRoom, useRoomPort, useServerNow } from '../room/RoomContext';
import { iCan } from '../room/selectors';
import { useUndo } from './floor/UndoBar';
import { isolatedIn, SLOT_VALUE } from './Isolated';
import { ItemDocuments } from './ItemDocuments';
import { useFocusAfterRender } from './useFocusAfterRender';

/** The agenda with statuses and time; the presiding officer (and secretariat) manage it here. */
export function AgendaPanel() {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting!;
  // What the signed-in participant may do with items, by the permission table.
  const may: ItemPowers = {
    open: iCan(state, 'agenda.open'),
    conclude: iCan(state, 'agenda.conclude'),
    defer: iCan(state, 'agenda.defer'),
    update: iCan(state, 'agenda.update'),
    move: iCan(state, 'agenda.move'),
    remove: iCan(state, 'agenda.remove'),
  };
  const manage = Object.values(may).some(Boolean);
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const undo = useUndo();
  return (
    <section className="panel agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" tabIndex={-1}>
        {t('agenda.heading')}
      </h2>
      {undo.bar}
      <ol className="agenda-list">
        {meeting.agenda.map((item, index) => (
          <AgendaRow
            key={item.id}
            item={item}
            index={index}
            last={index === meeting.agenda.length - 1}
            may={may}
            manage={manage}
            current={item.id === meeting.currentItemId}
            offerUndo={undo.offer}
          />
        ))}
      </ol>
      {iCan(state, 'agenda.add') &&
        (adding ? (
          <ItemForm
            onDone={() => {
              setAdding(false);
              focusAfterRender(() => opener.current);
            }}
          />
        ) : (
          <button ref={opener} type="button" onClick={() => setAdding(true)}>
            {t('agenda.add')}
          </button>
        ))}
    </section>
  );
}

/** Which item actions the signed-in participant may take. */
interface ItemPowers {
  open: boolean;
  conclude: boolean;
  defer: boolean;
  update: boolean;
  move: boolean;
  remove: boolean;
}

function AgendaRow(props: {
  item: AgendaItem;
  index: number;
  last: boolean;
  may: ItemPowers;
  manage: boolean;
  current: boolean;
  offerUndo: ReturnType<typeof useUndo>['offer'];
}) {
  const { item, index, last, may, manage, current, offerUndo } = props;
  const { t } = useTranslation();
  const room = useRoomPort();
  const now = useServerNow(1000);
  const [mode, setMode] = useState<'view' | 'edit' | 'conclude'>('view');
  const row = useRef<HTMLLIElement>(null);
  const focusAfterRender = useFocusAfterRender();
  // A form closed: back to the button that opened it, or (Conclude is gone once the item is
  // concluded) the item's first action, or the agenda's heading.
  const closeForm = (opener: 'edit' | 'conclude') => {
    setMode('view');
    focusAfterRender(
      () =>
        row.current?.querySelector<HTMLElement>(`[data-action="${opener}"]`) ??
        row.current?.querySelector<HTMLElement>('.row-actions button:not(:disabled)') ??
        row.current?.closest('section')?.querySelector<HTMLElement>('h2'),
    );
  };
  const spent = itemSpentSeconds(item, now);
  const over = overPlan(item.plannedMinutes, spent);
  return (
    <li
      ref={row}
      className={`agenda-item status-${item.status} ${current ? 'agenda-current' : ''}`}
      aria-current={current ? 'step' : undefined}
    >
      <div className="agenda-line">
        <span className="agenda-number">{item.number}</span>
        <bdi className="agenda-title">{item.title}</bdi>
        <span className={`pill item-${item.status}`}>{t(`itemStatus.${item.status}`)}</span>
      </div>
      <div className="agenda-times">
        {item.plannedMinutes > 0 && <span>{t('agenda.planned', { minutes: item.plannedMinutes })}</span>}
        {spent > 0 && (
          <span className={over ? 'over' : ''}>{t('agenda.spent', { time: duration(spent, t) })}</span>
        )}
      </div>
      {item.outcome && (
        <p className="outcome" data-testid="outcome">
          {isolatedIn(t('agenda.outcomeShown', { outcome: SLOT_VALUE }), item.outcome)}
        </p>
      )}
      <ItemDocuments item={item} />
      {mode === 'edit' && <ItemForm item={item} onDone={() => closeForm('edit')} />}
      {mode === 'conclude' && <ConcludeForm item={item} onDone={() => closeForm('conclude')} />}
      {manage && mode === 'view' && (
        <fieldset className="row-actions" aria-label={t('agenda.actionsFor', { number: item.number })}>
          {may.open && item.status !== 'open' && item.status !== 'concluded' && (
            <button type="button" onClick={() => void room.send({ type: 'agenda.open', itemId: item.id })}>
              {t('agenda.open')}
            </button>
          )}
          {may.conclude && item.status === 'open' && (
            <button type="button" data-action="conclude" onClick={() => setMode('conclude')}>
              {t('agenda.conclude')}
            </button>
          )}
          {may.defer && (item.status === 'open' || item.status === 'pending') && (
            <button type="button" onClick={() => void room.send({ type: 'agenda.defer', itemId: item.id })}>
              {t('agenda.defer')}
            </button>
          )}
          {may.update && (
            <button type="button" data-action="edit" onClick={() => setMode('edit')}>
              {t('agenda.edit')}
            </button>
          )}
          {may.move && (
            <>
              <button
                type="button"
                className="icon"
                disabled={index === 0}
                aria-label={t('agenda.moveUp', { number: item.number })}
                onClick={() => void room.send({ type: 'agenda.move', itemId: item.id, toIndex: index - 1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon"
                disabled={last}
                aria-label={t('agenda.moveDown', { number: item.number })}
                onClick={() => void room.send({ type: 'agenda.move', itemId: item.id, toIndex: index + 1 })}
              >
                ↓
              </button>
            </>
          )}
          {may.remove && item.status === 'pending' && (
            <button
              type="button"
              className="danger"
              onClick={async () => {
                // Removed at once; the Undo bar puts it back (agenda.restore) for a few seconds.
                const ack = await room.send({ type: 'agenda.remove', itemId: item.id });
                if (ack.ok)
                  offerUndo({
                    message: t('floorUi.removedItem', { number: item.number }),
                    restore: { type: 'agenda.restore', itemId: item.id },
                  });
              }}
            >
              {t('agenda.remove')}
            </button>
          )}
        </fieldset>
      )}
    </li>
  );
}

function ConcludeForm({ item, onDone }: { item: AgendaItem; onDone: () => void }) {
  const { t } = useTranslation();
  const room = useRoomPort();
  const [outcome, setOutcome] = useState(item.outcome);
  const first = useFocusOnOpen<HTMLTextAreaElement>();
  const meeting = useRoom().meeting!;
  // Concluding closes the item's list: say how many are still waiting before it happens.
  const waiting = meeting.currentItemId === item.id ? meeting.floor.queue.length : 0;
  return (
    <form
      className="stack-form"
      onKeyDown={(e) => closeOnEscape(e, onDone)}
      onSubmit={async (e) => {
        e.preventDefault();
        const ack = await room.send({ type: 'agenda.conclude', itemId: item.id, outcome });
        if (ack.ok) onDone();
      }}
    >
      <label>
        {t('agenda.outcome')}
        <textarea
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          placeholder={t('agenda.outcomeHint')}
          rows={3}
          maxLength={4000}
          ref={first}
        />
      </label>
      {waiting > 0 && (
        <p className="notice" id={`waiting-${item.id}`} data-testid="conclude-waiting">
          {t('floorUi.concludeWaiting', { count: waiting })}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="primary"
          aria-describedby={waiting > 0 ? `waiting-${item.id}` : undefined}
        >
          {t('agenda.concludeWith')}
        </button>
        <button type="button" onClick={onDone}>
          {t('agenda.cancel')}
        </button>
      </div>
    </form>
  );
}

function ItemForm({ item, onDone }: { item?: AgendaItem; onDone: () => void }) {
  const { t } = useTranslation();
  const room = useRoomPort();
  const [number, setNumber] = useState(item?.number ?? '');
  const [title, setTitle] = useState(item?.title ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [minutes, setMinutes] = useState(String(item?.plannedMinutes ?? 15));
  const first = useFocusOnOpen<HTMLInputElement>();
  return (
    <form
      className="stack-form"
      onKeyDown={(e) => closeOnEscape(e, onDone)}
      onSubmit={async (e) => {
        e.preventDefault();
        const fields = {
          title: title.trim(),
          description,
          plannedMinutes: Number(minutes) || 0,
          ...(number.trim() ? { number: number.trim() } : {}),
        };
        const ack = await room.send(
          item ? { type: 'agenda.update', itemId: item.id, ...fields } : { type: 'agenda.add', ...fields },
        );
        if (ack.ok) onDone();
      }}
    >
      <div className="form-grid">
        <label>
          {t('agenda.number')}
          <input value={number} onChange={(e) => setNumber(e.target.value)} maxLength={20} size={4} />
        </label>
        <label className="wide">
          {t('agenda.title')}
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            maxLength={200}
            ref={first}
          />
        </label>
        <label>
          {t('agenda.minutes')}
          <input
            type="number"
            min={0}
            max={600}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
      </div>
      <label>
        {t('agenda.description')}
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={2}
          maxLength={4000}
        />
      </label>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('agenda.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('agenda.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Escape in a form opened in place closes it, like its Cancel. */
function closeOnEscape(e: KeyboardEvent, close: () => void) {
  if (e.key !== 'Escape') return;
  e.preventDefault();
  close();
}

/** A form that opens in place takes the keyboard focus, so keyboard users land in it. */
function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
