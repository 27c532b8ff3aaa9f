import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandInput } from '../../../../shared';
import { useRoomPort } from '../../room/RoomContext';

/** How long the Undo bar stays; the server accepts a restore for 60 s of meeting time. */
const UNDO_SECONDS = 8;

/** Something just destroyed that one command puts back. */
interface UndoOffer {
  message: string;
  restore: CommandInput;
}

/**
 * Destructive actions happen at once and offer an Undo for a few seconds instead of asking first:
 * `offer` shows the bar (and takes the focus to its Undo button, as the removed control is gone).
 */
export function useUndo() {
  const [offer, setOffer] = useState<(UndoOffer & { until: number }) | null>(null);
  const show = useCallback(
    (next: UndoOffer) => setOffer({ ...next, until: Date.now() + UNDO_SECONDS * 1000 }),
    [],
  );
  const bar = offer ? <UndoBar key={offer.until} offer={offer} onGone={() => setOffer(null)} /> : null;
  return { offer: show, bar };
}

function UndoBar(props: { offer: UndoOffer & { until: number }; onGone: () => void }) {
  const { offer, onGone } = props;
  const { t } = useTranslation();
  const room = useRoomPort();
  const [now, setNow] = useState(() => Date.now());
  const button = useRef<HTMLButtonElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const left = Math.max(0, Math.ceil((offer.until - now) / 1000));
  useEffect(() => button.current?.focus(), []);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left > 0) return;
    // The bar goes: if it held the focus, its panel keeps it rather than the page body.
    if (bar.current?.contains(document.activeElement)) focusPanelOf(bar.current);
    onGone();
  }, [left, onGone]);
  return (
    <div className="undo-bar" role="status" ref={bar} data-testid="undo-bar">
      <span>{offer.message}</span>
      <span className="undo-left">{t('floorUi.undoLeft', { seconds: left })}</span>
      <button
        type="button"
        ref={button}
        onClick={async () => {
          const ack = await room.send(offer.restore);
          if (ack.ok) {
            if (bar.current) focusPanelOf(bar.current);
            onGone();
          }
        }}
      >
        {t('floorUi.undo')}
      </button>
    </div>
  );
}

/** Focus the heading of the panel around `el` (headings of panels take focus programmatically). */
function focusPanelOf(el: HTMLElement) {
  el.closest('section')?.querySelector<HTMLElement>('h2')?.focus();
}
