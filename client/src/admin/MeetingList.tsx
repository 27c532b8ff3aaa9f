import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { listMeetings, updateMeeting } from './api';
import { CloneMeetingDialog } from './CloneMeetingDialog';
import { CreateMeetingDialog } from './CreateMeetingDialog';
import { MeetingTable } from './MeetingTable';
import { useFailure, useFocusSoon, useWorkspace } from './workspace';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; meetings: MeetingSummary[] }
  | { state: 'failed'; message: string };

/** Newest first: by the planned start, else by when the meeting was created. */
const newestFirst = (meetings: readonly MeetingSummary[]): MeetingSummary[] =>
  [...meetings].sort((a, b) => (b.startsAt ?? b.createdAt) - (a.startsAt ?? a.createdAt));

/** The control of a meeting's row that does `action` (`open`, `clone`, `archive`, `confirm`…). */
const rowControl = (meetingId: string, action: string): HTMLElement | null =>
  [...document.querySelectorAll<HTMLElement>(`[data-meeting][data-action="${action}"]`)].find(
    (el) => el.dataset.meeting === meetingId,
  ) ?? null;

interface MeetingListProps {
  onOpen: (meetingId: string) => void;
  /** The meeting whose Open button takes the focus (coming back from its workspace). */
  focusMeeting: string | null;
}

/**
 * The administrator's meetings: those in use, newest first, and the archived ones in a group of
 * their own, closed until asked for. Creating and cloning open a dialog; archiving and bringing back
 * are confirmed in the row itself.
 */
export function MeetingList({ onOpen, focusMeeting }: MeetingListProps) {
  const { t } = useTranslation();
  const { token } = useWorkspace();
  const failure = useFailure();
  const focusSoon = useFocusSoon();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'clone'; source: MeetingSummary } | null>(
    null,
  );
  const [confirming, setConfirming] = useState<{ id: string; archive: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: ReactNode; failed: boolean } | null>(null);
  const [archivedOpen, setArchivedOpen] = useState(false);
  const created = useRef<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', meetings: newestFirst(await listMeetings(token)) });
    } catch (error) {
      setLoad({ state: 'failed', message: failure(error) });
    }
  }, [token, failure]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Once, when the list first loads: later reloads (after an archive) put the focus themselves.
  const returned = useRef(false);
  useEffect(() => {
    if (returned.current || !focusMeeting || load.state !== 'ready') return;
    returned.current = true;
    if (load.meetings.find((m) => m.id === focusMeeting)?.archived) setArchivedOpen(true);
    focusSoon(() => rowControl(focusMeeting, 'open'));
  }, [focusMeeting, load, focusSoon]);

  const archive = async (meeting: MeetingSummary, archived: boolean) => {
    setBusy(meeting.id);
    try {
      await updateMeeting(token, meeting.id, { archived });
      setConfirming(null);
      const words = archived
        ? t('admin.list.archivedDone', { title: SLOT_VALUE })
        : t('admin.list.unarchivedDone', { title: SLOT_VALUE });
      setStatus({ text: isolatedIn(words, meeting.title), failed: false });
      await reload();
      if (archived) setArchivedOpen(true);
      focusSoon(() => rowControl(meeting.id, 'open'));
    } catch (error) {
      setStatus({ text: failure(error), failed: true });
      focusSoon(() => rowControl(meeting.id, archived ? 'archive' : 'unarchive'));
      setConfirming(null);
    } finally {
      setBusy(null);
    }
  };

  const rowActions = {
    onOpen,
    onClone: (meeting: MeetingSummary) => {
      created.current = null;
      setDialog({ kind: 'clone', source: meeting });
    },
    // The question takes the focus itself, on its Cancel (RowActions.tsx).
    onAsk: (meeting: MeetingSummary, archive: boolean) => setConfirming({ id: meeting.id, archive }),
    onCancel: (meeting: MeetingSummary) => {
      const archive = confirming?.archive;
      setConfirming(null);
      focusSoon(() => rowControl(meeting.id, archive ? 'archive' : 'unarchive'));
    },
    onConfirm: (meeting: MeetingSummary) => void archive(meeting, !meeting.archived),
    confirming,
    busy,
  };

  const meetings = load.state === 'ready' ? load.meetings : [];
  const inUse = meetings.filter((m) => !m.archived);
  const archived = meetings.filter((m) => m.archived);
  const returnToCreated = () => (created.current ? rowControl(created.current, 'open') : null);

  return (
    <main className="admin-main" aria-labelledby="meetings-heading">
      <div className="admin-heading-row">
        <h1 id="meetings-heading" tabIndex={-1}>
          {t('admin.list.heading')}
        </h1>
        <button
          type="button"
          className="primary"
          onClick={() => {
            created.current = null;
            setDialog({ kind: 'create' });
          }}
        >
          {t('admin.list.create')}
        </button>
      </div>
      <p className={`admin-status ${status?.failed ? 'admin-status-failed' : ''}`} role="status">
        {status?.text ?? ''}
      </p>
      {load.state === 'loading' && <p className="muted">{t('admin.load.loading')}</p>}
      {load.state === 'failed' && (
        <div role="alert" className="admin-alert">
          <p>{load.message}</p>
          <button type="button" onClick={() => void reload()}>
            {t('admin.load.retry')}
          </button>
        </div>
      )}
      {load.state === 'ready' &&
        (inUse.length > 0 ? (
          <MeetingTable caption={t('admin.list.caption')} meetings={inUse} {...rowActions} />
        ) : (
          <p className="muted">{t('admin.list.none')}</p>
        ))}
      {archived.length > 0 && (
        <details
          className="admin-archived"
          open={archivedOpen}
          onToggle={(e) => setArchivedOpen(e.currentTarget.open)}
        >
          <summary>{t('admin.list.archivedGroup', { count: archived.length })}</summary>
          <MeetingTable caption={t('admin.list.archivedCaption')} meetings={archived} {...rowActions} />
        </details>
      )}
      {dialog?.kind === 'create' && (
        <CreateMeetingDialog
          onCreated={(id) => {
            created.current = id;
            void reload();
          }}
          onClose={() => setDialog(null)}
          returnFocus={returnToCreated}
        />
      )}
      {dialog?.kind === 'clone' && (
        <CloneMeetingDialog
          source={dialog.source}
          onCreated={(id) => {
            created.current = id;
            void reload();
          }}
          onClose={() => setDialog(null)}
          returnFocus={returnToCreated}
        />
      )}
    </main>
  );
}
