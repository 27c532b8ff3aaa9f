import { type ReactNode, useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Actor, ADMIN, type ParticipantRecord } from '../../../../shared';
import { isolatedIn, SLOT_VALUE } from '../../components/Isolated';
import { formatTime } from '../../format';
import { participantsApi } from './api';
import { saveBlob } from './download';
import { Filters } from './Filters';
import { applyFilters, byDelegation, filtering, NO_FILTERS, type ParticipantFilters } from './filters';
import { ImportDialog } from './ImportDialog';
import { type CsvSeparator, invitationsFile, separatorFor } from './invitationsFile';
import { LinkDialog } from './LinkDialog';
import { personText } from './labels';
import { ParticipantForm } from './ParticipantForm';
import { ParticipantsTable, type RowActions } from './ParticipantsTable';
import { refusalText } from './refusal';
import { mayAppoint, offeredRoles } from './roles';
import { SendDialog } from './SendDialog';
import { useCaller } from './useCaller';
import { useParticipantList } from './useParticipantList';

export interface ParticipantsTabProps {
  token: string;
  meetingId: string;
  /** What the caller may do here (from GET /api/me and the permission table). */
  canManage: boolean;
  /** Whether e-mail can be sent (SMTP_URL is set). */
  mail: boolean;
}

type OpenDialog =
  | { kind: 'add' }
  | { kind: 'edit'; id: string }
  | { kind: 'link'; id: string }
  | { kind: 'import' }
  | { kind: 'send' }
  | null;

type Notice = { text: ReactNode; error: boolean } | null;

/**
 * The participants tab of the secretariat's workspace: the table of everyone registered, with
 * search and filters, refreshed every few seconds for who is online. Whoever manages participants
 * (the secretariat, the administrator) also adds, edits and removes them, hands out and reissues
 * join links, imports the registration list and sends or downloads the invitations; the chair reads.
 */
export function ParticipantsTab({ token, meetingId, canManage, mail }: ParticipantsTabProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const api = useMemo(() => participantsApi(token, meetingId), [token, meetingId]);
  const list = useParticipantList(api);
  const { me, meeting } = useCaller(api);
  const [filters, setFilters] = useState<ParticipantFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [focusRow, setFocusRow] = useState<{ id: string | null } | null>(null);
  // Until chosen, the separator a spreadsheet in the interface's language expects.
  const [chosenSeparator, setSeparator] = useState<CsvSeparator | null>(null);
  const separator = chosenSeparator ?? separatorFor(i18n.language);
  const searchBox = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const everyone = useMemo(() => list.participants ?? [], [list.participants]);
  const sorted = useMemo(() => [...everyone].sort(byDelegation(i18n.language)), [everyone, i18n.language]);
  const rows = useMemo(() => applyFilters(sorted, filters), [sorted, filters]);
  const present = useMemo(() => new Set(everyone.map((p) => p.id as string)), [everyone]);
  const chosen = useMemo(() => new Set([...selected].filter((x) => present.has(x))), [selected, present]);

  const actor: Actor | null =
    me?.caller === 'admin'
      ? ADMIN
      : me?.caller === 'participant'
        ? (everyone.find((p) => p.id === me.participantId) ?? null)
        : null;

  const timeText = useCallback(
    (ms: number) =>
      formatTime(ms, meeting ? 'meeting' : 'yours', {
        meetingZone: meeting?.timezone ?? 'UTC',
        language: i18n.language,
        t,
        withDate: true,
      }),
    [meeting, i18n.language, t],
  );

  const replace = (p: ParticipantRecord) => list.patch((all) => all.map((x) => (x.id === p.id ? p : x)));
  const fallbackFocus = useCallback(() => addButton.current ?? searchBox.current, []);
  /** What each dialog of the tab takes: the API, how it closes, where the focus goes if its opener is gone. */
  const dialogProps = { api, onClose: () => setDialog(null), fallbackFocus };
  const said = (text: ReactNode) => setNotice({ text, error: false });
  const person = (
    key: 'people.notice.added' | 'people.notice.saved' | 'people.notice.removed',
    p: ParticipantRecord,
  ) => isolatedIn(t(key, { person: SLOT_VALUE }), personText(p));

  const actions: RowActions = {
    edit: (p) => setDialog({ kind: 'edit', id: p.id }),
    link: (p) => setDialog({ kind: 'link', id: p.id }),
    mayRemove: (p) => mayAppoint(meeting, actor, p.role),
    remove: async (p) => {
      try {
        await api.remove(p.id);
      } catch (error) {
        return refusalText(error, t);
      }
      const index = rows.findIndex((r) => r.id === p.id);
      const next = rows[index + 1] ?? rows[index - 1];
      list.patch((all) => all.filter((x) => x.id !== p.id));
      setFocusRow({ id: next?.id ?? null });
      said(person('people.notice.removed', p));
      list.reload();
      return null;
    },
  };

  const toggle = useCallback(
    (ids: string[], on: boolean) =>
      setSelected((before) => {
        const after = new Set(before);
        for (const x of ids) on ? after.add(x) : after.delete(x);
        return after;
      }),
    [],
  );

  // The rows ticked, else everyone: without e-mail, the file is how the selection is used.
  const download = async () => {
    try {
      const { blob, fileName } = await invitationsFile(
        (participantIds) => api.invitationsCsv({ participantIds, separator }),
        chosen.size > 0 ? [...chosen] : null,
      );
      saveBlob(blob, fileName);
      said(isolatedIn(t('people.notice.downloaded', { file: SLOT_VALUE }), fileName));
    } catch (error) {
      setNotice({ text: refusalText(error, t), error: true });
    }
  };

  const editing =
    dialog?.kind === 'edit' || dialog?.kind === 'link' ? everyone.find((p) => p.id === dialog.id) : null;
  const onFocusDone = useCallback(() => setFocusRow(null), []);
  const emptyFallback = useCallback(() => searchBox.current, []);

  return (
    <section className="people" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('people.heading')}</h2>
      {!canManage && <p className="hint">{t('people.readOnly')}</p>}
      {canManage && (
        <div className="people-toolbar">
          <button
            ref={addButton}
            type="button"
            className="primary"
            onClick={() => setDialog({ kind: 'add' })}
          >
            {t('people.actions.add')}
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'import' })}>
            {t('people.actions.import')}
          </button>
          <span className="people-download">
            <button type="button" onClick={download}>
              {chosen.size > 0
                ? t('people.actions.downloadSelected', { n: chosen.size })
                : t('people.actions.download')}
            </button>
            <label>
              {t('people.separator.label')}{' '}
              <select value={separator} onChange={(e) => setSeparator(e.target.value as CsvSeparator)}>
                <option value="comma">{t('people.separator.comma')}</option>
                <option value="semicolon">{t('people.separator.semicolon')}</option>
              </select>
            </label>
          </span>
          {mail ? (
            <button type="button" onClick={() => setDialog({ kind: 'send' })}>
              {chosen.size > 0
                ? t('people.actions.sendSelected', { n: chosen.size })
                : t('people.actions.send')}
            </button>
          ) : (
            <p className="hint">{t('people.noMail')}</p>
          )}
        </div>
      )}
      <div role="status" className="people-notice">
        {notice && !notice.error && <p>{notice.text}</p>}
      </div>
      <div role="alert">{notice?.error && <p className="error">{notice.text}</p>}</div>

      <Filters filters={filters} onChange={setFilters} searchRef={searchBox} />
      <p className="people-count" role="status">
        {list.participants ? t('people.count', { shown: rows.length, total: everyone.length }) : ''}
      </p>
      {list.error && (
        <p className="error" role="alert">
          {list.participants
            ? t('people.refreshFailed', { message: refusalText(list.error, t) })
            : t('people.loadFailed', { message: refusalText(list.error, t) })}
        </p>
      )}
      {list.participants === null && !list.error && <p className="muted">{t('people.loading')}</p>}
      {list.participants && (
        <ParticipantsTable
          rows={rows}
          manage={canManage ? { actions, selected: chosen, toggle } : null}
          timeText={timeText}
          focusRow={focusRow}
          onFocusDone={onFocusDone}
          emptyFallback={emptyFallback}
          caption={t('people.caption')}
        />
      )}
      {list.participants && rows.length === 0 && (
        <p className="muted people-empty">
          {filtering(filters) ? t('people.noMatch') : canManage ? t('people.emptyManage') : t('people.empty')}
        </p>
      )}

      {(dialog?.kind === 'add' || (dialog?.kind === 'edit' && editing)) && (
        <ParticipantForm
          {...dialogProps}
          participant={dialog.kind === 'edit' ? editing! : null}
          roles={offeredRoles(meeting, actor, dialog.kind === 'edit' ? editing!.role : undefined)}
          roleLocked={dialog.kind === 'edit' && !mayAppoint(meeting, actor, editing!.role)}
          onSaved={(p, added) => {
            if (added) list.patch((all) => [...all, p]);
            else replace(p);
            said(person(added ? 'people.notice.added' : 'people.notice.saved', p));
            setDialog(null);
            list.reload();
          }}
        />
      )}
      {dialog?.kind === 'link' && editing && (
        <LinkDialog
          {...dialogProps}
          participant={editing}
          onReissued={(p) => {
            replace(p);
            list.reload();
          }}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog
          {...dialogProps}
          participants={everyone}
          onImported={(result) => {
            said(
              t('people.import.doneCounts', {
                created: result.created.length,
                updated: result.updated.length,
                unchanged: result.unchanged,
              }),
            );
            list.reload();
          }}
        />
      )}
      {dialog?.kind === 'send' && (
        <SendDialog
          {...dialogProps}
          participants={everyone}
          selected={chosen}
          onSent={(result) => {
            said(
              result.failed.length > 0
                ? `${t('people.send.sent', { n: result.sent.length })} ${t('people.send.failedCount', { n: result.failed.length })}`
                : t('people.send.sent', { n: result.sent.length }),
            );
            list.reload();
          }}
        />
      )}
    </section>
  );
}
