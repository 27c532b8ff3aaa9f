import {
  defaultRangeExtractor,
  measureElement,
  type Range,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { type ReactNode, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantRecord } from '../../../../shared';
import { isolatedIn, SLOT_VALUE } from '../../components/Isolated';
import { EmailText, languageName, personText } from './labels';

/** What the row actions do; each answers with the server's refusal in words, or null when done. */
export interface RowActions {
  edit: (p: ParticipantRecord) => void;
  link: (p: ParticipantRecord) => void;
  remove: (p: ParticipantRecord) => Promise<string | null>;
  /** Whether the caller may remove this one (a chair or vice-chair takes an appointment). */
  mayRemove: (p: ParticipantRecord) => boolean;
}

interface ParticipantsTableProps {
  rows: readonly ParticipantRecord[];
  /** Actions and the selection column; absent for a reader (the chair). */
  manage: {
    actions: RowActions;
    selected: ReadonlySet<string>;
    toggle: (ids: string[], on: boolean) => void;
  } | null;
  /** "14/07/2025, 13:05 (meeting time)". */
  timeText: (ms: number) => string;
  /**
   * The row to move the focus to once it is shown (after a removal took the focused one away);
   * `id: null` when no row is left, for `emptyFallback`.
   */
  focusRow: { id: string | null } | null;
  onFocusDone: () => void;
  /** What takes the focus when no row is left to take it. */
  emptyFallback: () => HTMLElement | null;
  caption: string;
}

const ROW_ESTIMATE = 44;

/** A row's height as laid out; a row without layout (not displayed, or jsdom) counts as the estimate. */
const measureRow = (
  row: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLElement, Element>,
) => measureElement(row, entry, instance) || ROW_ESTIMATE;

/**
 * The participants, one row each, virtualised so that 2000 rows stay quick: only the rows in view
 * (and a margin) are in the page, between two spacers of the right height. The row that last held
 * the focus is always kept in the page, so scrolling away never takes the focus with it; rows say
 * their place (`aria-rowindex`) so a screen reader counts the whole table.
 */
export function ParticipantsTable({
  rows,
  manage,
  timeText,
  focusRow,
  onFocusDone,
  emptyFallback,
  caption,
}: ParticipantsTableProps) {
  const { t } = useTranslation();
  const id = useId();
  const scroller = useRef<HTMLElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const pendingFocus = useRef<{ id: string; what: 'first' | 'remove' | 'cancel' } | null>(null);

  const activeIndex = activeId ? rows.findIndex((p) => p.id === activeId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || activeIndex >= range.count || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    measureElement: measureRow,
    overscan: 10,
    getItemKey: (index) => rows[index]!.id,
    rangeExtractor,
  });

  // A focus asked for from outside (after a removal): keep the row in the page, scroll to it, focus it.
  useEffect(() => {
    if (!focusRow) return;
    onFocusDone();
    const index = focusRow.id === null ? -1 : rows.findIndex((p) => p.id === focusRow.id);
    if (index < 0 || focusRow.id === null) return void emptyFallback()?.focus();
    pendingFocus.current = { id: focusRow.id, what: 'first' };
    setActiveId(focusRow.id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [focusRow, onFocusDone, rows, emptyFallback, virtualizer]);

  // Runs after every render: the row asked for may only now be in the page.
  useLayoutEffect(() => {
    const wanted = pendingFocus.current;
    if (!wanted) return;
    const row = [...(scroller.current?.querySelectorAll<HTMLElement>('tr[data-row-id]') ?? [])].find(
      (tr) => tr.dataset.rowId === wanted.id,
    );
    const target = row?.querySelector<HTMLElement>(`[data-focus="${wanted.what}"]`);
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });

  const items = virtualizer.getVirtualItems();
  const allShownSelected = !!manage && rows.length > 0 && rows.every((p) => manage.selected.has(p.id));
  const someShownSelected = !!manage && rows.some((p) => manage.selected.has(p.id));
  const columns = manage ? 12 : 10;

  const body: ReactNode[] = [];
  let cursor = 0;
  const spacer = (key: string, height: number) =>
    height > 0 && (
      // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row, nothing in it takes the focus
      <tr key={key} aria-hidden="true" className="people-spacer">
        <td colSpan={columns} style={{ blockSize: `${height}px` }} />
      </tr>
    );
  for (const item of items) {
    body.push(spacer(`gap-${item.index}`, item.start - cursor));
    const p = rows[item.index]!;
    body.push(
      <Row
        key={p.id}
        p={p}
        index={item.index}
        measure={virtualizer.measureElement}
        idPrefix={id}
        manage={manage}
        timeText={timeText}
        confirming={confirming === p.id}
        onConfirm={(on, focus) => {
          setConfirming(on ? p.id : null);
          pendingFocus.current = { id: p.id, what: focus };
        }}
        onFocusWithin={() => setActiveId(p.id)}
      />,
    );
    cursor = item.end;
  }
  body.push(spacer('gap-end', virtualizer.getTotalSize() - cursor));

  return (
    <section
      ref={scroller}
      className="people-scroll"
      aria-labelledby={`${id}-caption`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus
      tabIndex={0}
    >
      <span id={`${id}-select`} hidden>
        {t('people.select')}
      </span>
      <table className="people-table" aria-rowcount={rows.length + 1}>
        <caption id={`${id}-caption`} className="sr-only">
          {caption}
        </caption>
        {/* The columns used most come first, then the actions, which fit beside them at 1280 px;
            the rest follow, a scroll away. Only the tick box and the name stick (at the start),
            so no column ever sits under another at scroll 0. */}
        <colgroup>
          {manage && <col className="col-select" />}
          <col className="col-name" />
          <col className="col-delegation" />
          <col className="col-email" />
          <col className="col-role" />
          <col className="col-region" />
          <col className="col-online" />
          {manage && <col className="col-actions" />}
          <col className="col-category" />
          <col className="col-rto" />
          <col className="col-lang" />
          <col className="col-invited" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {manage && (
              <th scope="col" className="people-select-cell">
                <input
                  type="checkbox"
                  aria-label={t('people.selectAll', { n: rows.length })}
                  checked={allShownSelected}
                  ref={(el) => {
                    if (el) el.indeterminate = someShownSelected && !allShownSelected;
                  }}
                  disabled={rows.length === 0}
                  onChange={(e) =>
                    manage.toggle(
                      rows.map((p) => p.id),
                      e.target.checked,
                    )
                  }
                />
              </th>
            )}
            <th scope="col" className="people-name-cell">
              {t('people.columns.name')}
            </th>
            <th scope="col">{t('people.columns.delegation')}</th>
            <th scope="col">{t('people.columns.email')}</th>
            <th scope="col">{t('people.columns.role')}</th>
            <th scope="col">{t('people.columns.region')}</th>
            <th scope="col">{t('people.columns.online')}</th>
            {manage && (
              <th scope="col" className="people-actions">
                {t('people.columns.actions')}
              </th>
            )}
            <th scope="col">{t('people.columns.category')}</th>
            <th scope="col">{t('people.columns.rto')}</th>
            <th scope="col">{t('people.columns.lang')}</th>
            <th scope="col">{t('people.columns.invited')}</th>
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </section>
  );
}

interface RowProps {
  p: ParticipantRecord;
  index: number;
  measure: (node: Element | null) => void;
  idPrefix: string;
  manage: ParticipantsTableProps['manage'];
  timeText: (ms: number) => string;
  confirming: boolean;
  onConfirm: (on: boolean, focus: 'remove' | 'cancel') => void;
  onFocusWithin: () => void;
}

function Row({
  p,
  index,
  measure,
  idPrefix,
  manage,
  timeText,
  confirming,
  onConfirm,
  onFocusWithin,
}: RowProps) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = {
    name: `${idPrefix}-n-${p.id}`,
    delegation: `${idPrefix}-d-${p.id}`,
    edit: `${idPrefix}-e-${p.id}`,
    link: `${idPrefix}-l-${p.id}`,
    remove: `${idPrefix}-r-${p.id}`,
    question: `${idPrefix}-q-${p.id}`,
  };
  // Each action's name is its visible word and whose row it is: "Edit Amina Kenya".
  const named = (own: string) => `${own} ${ids.name} ${ids.delegation}`;
  const none = (text: string) => (
    <>
      <span aria-hidden="true" className="muted">
        —
      </span>
      <span className="sr-only">{text}</span>
    </>
  );
  const remove = async () => {
    if (busy || !manage) return;
    setBusy(true);
    setRefusal(null);
    const problem = await manage.actions.remove(p);
    setBusy(false);
    if (problem) setRefusal(problem);
  };
  const cancel = () => {
    setRefusal(null);
    onConfirm(false, 'remove');
  };

  return (
    <tr
      ref={measure}
      data-index={index}
      data-row-id={p.id}
      aria-rowindex={index + 2}
      className={p.online ? 'online' : undefined}
      onFocus={onFocusWithin}
    >
      {manage && (
        <td className="people-select-cell">
          <input
            type="checkbox"
            data-focus="first"
            aria-labelledby={`${idPrefix}-select ${ids.name} ${ids.delegation}`}
            checked={manage.selected.has(p.id)}
            onChange={(e) => manage.toggle([p.id], e.target.checked)}
          />
        </td>
      )}
      <th scope="row" className="people-name-cell">
        <bdi id={ids.name}>{p.name}</bdi>
      </th>
      <td>
        <bdi id={ids.delegation}>{p.delegation}</bdi>
      </td>
      <td className="people-email">
        {p.email ? <EmailText email={p.email} /> : none(t('people.values.noEmail'))}
      </td>
      <td>{t(`roles.${p.role}`)}</td>
      <td>{t(`regions.${p.region}`)}</td>
      <td>
        <span className="dot" aria-hidden="true" />
        {p.online ? t('people.values.online') : t('people.values.offline')}
      </td>
      {manage && (
        <td className="people-actions">
          {confirming ? (
            // Escape, like Cancel, keeps the participant; the focus starts on Cancel, so a second
            // Enter after Remove's does not remove anyone.
            <fieldset
              className="people-confirm"
              aria-labelledby={ids.question}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.preventDefault();
                cancel();
              }}
            >
              <p id={ids.question}>
                {isolatedIn(t('people.remove.question', { person: SLOT_VALUE }), personText(p))}{' '}
                {t('people.remove.record')}
              </p>
              <button
                type="button"
                className="danger small-button"
                data-focus="confirm"
                aria-describedby={ids.question}
                aria-disabled={busy}
                onClick={remove}
              >
                {busy ? t('people.remove.removing') : t('people.remove.confirm')}
              </button>
              <button type="button" className="small-button" data-focus="cancel" onClick={cancel}>
                {t('people.form.cancel')}
              </button>
              <div role="alert">{refusal && <p className="error">{refusal}</p>}</div>
            </fieldset>
          ) : (
            <div className="people-row-actions">
              {(['edit', 'link'] as const).map((action) => (
                <button
                  key={action}
                  type="button"
                  id={ids[action]}
                  className="small-button"
                  aria-labelledby={named(ids[action])}
                  onClick={() => manage.actions[action](p)}
                >
                  {t(`people.actions.${action}`)}
                </button>
              ))}
              {manage.actions.mayRemove(p) && (
                <button
                  type="button"
                  id={ids.remove}
                  className="small-button danger"
                  data-focus="remove"
                  aria-labelledby={named(ids.remove)}
                  onClick={() => onConfirm(true, 'cancel')}
                >
                  {t('people.actions.remove')}
                </button>
              )}
            </div>
          )}
        </td>
      )}
      <td>{t(`people.categories.${p.category}`)}</td>
      <td>{p.rto ?? none(t('people.values.noRto'))}</td>
      <td>
        {p.lang ? <span lang={p.lang}>{languageName(p.lang)}</span> : t('people.values.defaultLangShort')}
      </td>
      <td>{p.invitedAt !== null ? timeText(p.invitedAt) : t('people.values.notInvited')}</td>
    </tr>
  );
}
