import { type MouseEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared';
import { getMeeting } from './api';
import { MeetingDates } from './MeetingDates';
import { ParticipantsTab } from './participants/ParticipantsTab';
import { SettingsTab } from './SettingsTab';
import { Tabs } from './Tabs';
import { useFailure, useWorkspace } from './workspace';

/** What the caller may do in this meeting (the administrator: everything). */
interface WorkspaceAbilities {
  configure: boolean;
  manage: boolean;
  /** Whether e-mail can be sent (SMTP is set on the server). */
  mail: boolean;
}

interface MeetingWorkspaceProps {
  meetingId: string;
  may: WorkspaceAbilities;
  /** The way back: to the list of meetings (administrator) or to the room (participant). */
  back: { href: string; label: string; onClick?: (e: MouseEvent<HTMLAnchorElement>) => void };
}

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready' };

/**
 * One meeting's workspace: its title and dates, a way back, and the Settings and Participants tabs.
 * The title takes the focus when the workspace opens, so a screen reader starts from it.
 */
export function MeetingWorkspace({ meetingId, may, back }: MeetingWorkspaceProps) {
  const { t } = useTranslation();
  const { token } = useWorkspace();
  const failure = useFailure();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);

  const reload = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      setMeeting(await getMeeting(token, meetingId));
      setLoad({ state: 'ready' });
    } catch (error) {
      setLoad({ state: 'failed', message: failure(error) });
    }
  }, [token, meetingId, failure]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (meeting) document.title = `${meeting.title} · IRM Room`;
  }, [meeting]);

  useEffect(() => {
    if (meeting && !focused.current) {
      focused.current = true;
      heading.current?.focus();
    }
  }, [meeting]);

  return (
    <main className="admin-main" aria-labelledby="workspace-heading">
      <nav className="admin-back" aria-label={t('admin.workspace.nav')}>
        <a href={back.href} onClick={back.onClick}>
          {back.label}
        </a>
      </nav>
      {load.state === 'loading' && !meeting && (
        <p className="muted" role="status">
          {t('admin.load.loading')}
        </p>
      )}
      {load.state === 'failed' && (
        <div role="alert" className="admin-alert">
          <h1 id="workspace-heading">{t('admin.workspace.unavailable')}</h1>
          <p>{load.message}</p>
          <button type="button" onClick={() => void reload()}>
            {t('admin.load.retry')}
          </button>
        </div>
      )}
      {meeting && (
        <>
          <div className="admin-workspace-head">
            <h1 id="workspace-heading" tabIndex={-1} ref={heading} dir="auto">
              {meeting.title}
            </h1>
            <p className="meta">
              <span className={`pill status-${meeting.status}`}>{t(`status.${meeting.status}`)}</span>
              {meeting.archived && (
                <span className="pill admin-pill-archived">{t('admin.list.archived')}</span>
              )}
              <MeetingDates startsAt={meeting.startsAt} endsAt={meeting.endsAt} zone={meeting.timezone} />
            </p>
          </div>
          <Tabs
            label={t('admin.workspace.tabs')}
            idPrefix="workspace"
            tabs={[
              {
                id: 'settings',
                label: t('admin.workspace.settings'),
                panel: () => (
                  <SettingsTab meeting={meeting} canConfigure={may.configure} onMeeting={setMeeting} />
                ),
              },
              {
                id: 'participants',
                label: t('admin.workspace.participants'),
                panel: () => (
                  <ParticipantsTab
                    token={token}
                    meetingId={meeting.id}
                    canManage={may.manage && !meeting.archived}
                    mail={may.mail}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </main>
  );
}
