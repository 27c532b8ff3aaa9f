import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgendaDocument, type AgendaItem, DOCUMENTS_PER_ITEM } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { formatTime } from '../format';
import { setDocuments } from './api';
import { DocumentForm, useLanguageNames } from './DocumentForm';
import { dateLocale } from './dateLocale';
import { DOCUMENT_FIELDS, type DocumentField, documentValues, emptyDocument, moved } from './documentValues';
import { ConfirmInPlace, RowButtons } from './RowActions';
import { fieldRefusal, type Troubles } from './troubles';
import { useFailure, useFocusSoon, useWorkspace } from './workspace';

interface Row {
  /** Stable across moves and edits, so React keeps each row (and the focus in it) in place. */
  key: number;
  doc: AgendaDocument;
}

interface ItemDocumentsProps {
  meetingId: string;
  meetingZone: string;
  item: AgendaItem;
  readOnly: boolean;
  /** The item as the server stored it. */
  onSaved: (item: AgendaItem) => void;
}

type Editing = { key: number | 'new'; troubles: Troubles<DocumentField> } | null;

/**
 * One agenda item's documents, in order: each change (add, edit, remove, move) saves the item's
 * whole list at once (`PUT …/documents`) and shows only once the server has it. The focus follows
 * the document acted on, or its neighbour once it is gone.
 */
export function ItemDocuments({ meetingId, meetingZone, item, readOnly, onSaved }: ItemDocumentsProps) {
  const { t, i18n } = useTranslation();
  const { token } = useWorkspace();
  const failure = useFailure();
  const focusSoon = useFocusSoon();
  const languageName = useLanguageNames();
  const nextKey = useRef(0);
  const [rows, setRows] = useState<Row[]>(() =>
    item.documents.map((doc) => ({ key: nextKey.current++, doc })),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const control = (key: number | 'add', action: string) =>
    list.current?.querySelector<HTMLElement>(`[data-doc="${key}"][data-action="${action}"]`) ?? null;

  /** Saves `next` as the item's list; the index of the document a refusal is about, for its form. */
  const save = async (next: Row[], edited: number | null): Promise<boolean> => {
    setBusy(true);
    try {
      const saved = await setDocuments(
        token,
        meetingId,
        item.id,
        next.map((r) => r.doc),
      );
      // The server's copy (trimmed, ordered as stored), under the rows' keys.
      setRows(next.map((row, i) => ({ key: row.key, doc: saved.documents[i] ?? row.doc })));
      onSaved(saved);
      const time = formatTime(Date.now(), 'yours', { meetingZone, language: dateLocale(i18n.language), t });
      setStatus({ text: t('admin.documents.saved', { time }), failed: false });
      return true;
    } catch (error) {
      const refused = edited === null ? null : fieldRefusal(error, DOCUMENT_FIELDS, `documents.${edited}`);
      if (refused && editing) {
        setEditing({ ...editing, troubles: refused.troubles });
        setStatus({
          text: refused.general
            ? t('admin.failure.other', { message: refused.general })
            : t('admin.documents.fix'),
          failed: true,
        });
      } else setStatus({ text: failure(error), failed: true });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submitForm = async (doc: AgendaDocument) => {
    if (!editing) return;
    if (editing.key === 'new') {
      const row = { key: nextKey.current++, doc };
      if (await save([...rows, row], rows.length)) {
        setEditing(null);
        focusSoon(() => control(row.key, 'edit'));
      }
    } else {
      const key = editing.key;
      const index = rows.findIndex((r) => r.key === key);
      if (
        await save(
          rows.map((r) => (r.key === key ? { key, doc } : r)),
          index,
        )
      ) {
        setEditing(null);
        focusSoon(() => control(key, 'edit'));
      }
    }
  };

  const cancelForm = () => {
    const key = editing?.key;
    setEditing(null);
    focusSoon(() => (key === 'new' || key === undefined ? control('add', 'add') : control(key, 'edit')));
  };

  const move = async (index: number, step: -1 | 1) => {
    const row = rows[index];
    if (!row) return;
    const next = moved(rows, index, step);
    if (await save(next, null)) {
      const at = index + step;
      // At the top (or bottom) now, its Up (or Down) button is disabled: the focus takes the other.
      const action = step < 0 ? (at === 0 ? 'down' : 'up') : at === next.length - 1 ? 'up' : 'down';
      focusSoon(() => control(row.key, action));
    }
  };

  const remove = async (key: number) => {
    const index = rows.findIndex((r) => r.key === key);
    const next = rows.filter((r) => r.key !== key);
    if (await save(next, null)) {
      setRemoving(null);
      const neighbour = next[index] ?? next[index - 1];
      focusSoon(() => (neighbour ? control(neighbour.key, 'edit') : control('add', 'add')));
    } else focusSoon(() => control(key, 'remove'));
  };

  /** What each button of a document's row does, and when it cannot. */
  const rowActions = (row: Row, index: number) => ({
    edit: { disabled: busy || editing !== null, onClick: () => setEditing({ key: row.key, troubles: {} }) },
    up: { disabled: busy || index === 0, onClick: () => void move(index, -1) },
    down: { disabled: busy || index === rows.length - 1, onClick: () => void move(index, 1) },
    remove: {
      disabled: busy,
      // The question takes the focus itself, on its Keep (RowActions.tsx).
      onClick: () => setRemoving(row.key),
    },
  });

  const headingId = `docs-${item.id}`;
  // The server takes at most this many (shared/protocol/secretariat.ts).
  const full = rows.length >= DOCUMENTS_PER_ITEM;
  return (
    <section className="admin-item-documents" aria-labelledby={headingId} ref={list}>
      <h3 id={headingId}>
        <span className="agenda-number">{item.number}</span> <bdi>{item.title}</bdi>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{t('admin.documents.none')}</p>
      ) : (
        <ol className="admin-documents">
          {rows.map((row, index) =>
            editing?.key === row.key ? (
              <li key={row.key}>
                <DocumentForm
                  id={`doc-${item.id}-${row.key}`}
                  heading={isolatedIn(
                    t('admin.documents.editHeading', { symbol: SLOT_VALUE }),
                    row.doc.symbol,
                  )}
                  initial={documentValues(row.doc)}
                  serverTroubles={editing.troubles}
                  busy={busy}
                  onSubmit={(doc) => void submitForm(doc)}
                  onCancel={cancelForm}
                />
              </li>
            ) : (
              <li key={row.key} className="admin-document" data-testid="document">
                <div className="admin-document-text">
                  <strong>
                    <bdi>{row.doc.symbol}</bdi>
                  </strong>{' '}
                  <a href={row.doc.url} target="_blank" rel="noopener noreferrer" dir="auto">
                    {row.doc.title}
                    <span className="sr-only"> {t('admin.documents.newTab')}</span>
                  </a>
                  <small>
                    {row.doc.languages.length > 0
                      ? row.doc.languages.map(languageName).join(', ')
                      : t('admin.documents.noLanguages')}
                  </small>
                </div>
                {!readOnly &&
                  (removing === row.key ? (
                    <ConfirmInPlace
                      question={isolatedIn(
                        t('admin.documents.confirmRemove', { symbol: SLOT_VALUE }),
                        row.doc.symbol,
                      )}
                      marks={{ 'data-doc': row.key }}
                      confirm={{
                        action: 'confirm',
                        word: t('admin.documents.remove'),
                        className: 'danger',
                        disabled: busy,
                        onClick: () => void remove(row.key),
                      }}
                      cancel={{
                        action: 'keep',
                        word: t('admin.documents.keep'),
                        onClick: () => {
                          setRemoving(null);
                          focusSoon(() => control(row.key, 'remove'));
                        },
                      }}
                    />
                  ) : (
                    <RowButtons
                      marks={{ 'data-doc': row.key }}
                      actions={(['edit', 'up', 'down', 'remove'] as const).map((action) => ({
                        action,
                        word: t(`admin.documents.${action}`),
                        label: t(`admin.documents.${action}Label`, { symbol: row.doc.symbol }),
                        className: action === 'remove' ? 'danger' : undefined,
                        ...rowActions(row, index)[action],
                      }))}
                    />
                  ))}
              </li>
            ),
          )}
        </ol>
      )}
      {!readOnly &&
        (editing?.key === 'new' ? (
          <DocumentForm
            id={`doc-${item.id}-new`}
            heading={t('admin.documents.addHeading')}
            initial={emptyDocument()}
            serverTroubles={editing.troubles}
            busy={busy}
            onSubmit={(doc) => void submitForm(doc)}
            onCancel={cancelForm}
          />
        ) : (
          <button
            type="button"
            data-doc="add"
            data-action="add"
            disabled={busy || editing !== null || full}
            aria-describedby={full ? `${headingId}-full` : undefined}
            aria-label={t('admin.documents.addLabel', { number: item.number })}
            onClick={() => setEditing({ key: 'new', troubles: {} })}
          >
            {t('admin.documents.add')}
          </button>
        ))}
      {!readOnly && full && (
        <p id={`${headingId}-full`} className="hint">
          {t('admin.documents.full', { max: DOCUMENTS_PER_ITEM })}
        </p>
      )}
      <p role="status" className={`admin-status ${status?.failed ? 'admin-status-failed' : ''}`}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
