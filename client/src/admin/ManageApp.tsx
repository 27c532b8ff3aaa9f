import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Abilities, getMe } from './api';
import { MeetingWorkspace } from './MeetingWorkspace';
import { failureKind } from './serverErrors';
import { TopBar } from './TopBar';
import { WorkspaceProvider, type WorkspaceSession } from './workspace';

type Check =
  | { state: 'checking' }
  | { state: 'ready'; meetingId: string; may: Abilities; mail: boolean }
  | { state: 'refused' }
  | { state: 'notHere' }
  | { state: 'unreachable' };

/**
 * `/manage`: the workspace of the secretariat and the chair, signed in with their own join token
 * (`irm.token`, kept by the room). `GET /api/me` says which meeting and what they may do: the
 * secretariat configures and manages; the chair and vice-chairs read. Everyone else is sent back
 * to the room.
 */
export function ManageApp({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<Check>({ state: 'checking' });

  const verify = useCallback(async () => {
    if (!token) return setCheck({ state: 'refused' });
    setCheck({ state: 'checking' });
    try {
      const me = await getMe(token);
      if (me.caller !== 'participant' || me.view) return setCheck({ state: 'notHere' });
      if (!me.may.configure && !me.may.read) return setCheck({ state: 'notHere' });
      setCheck({ state: 'ready', meetingId: me.meetingId, may: me.may, mail: me.mail });
    } catch (error) {
      setCheck({ state: failureKind(error) === 'signedOut' ? 'refused' : 'unreachable' });
    }
  }, [token]);

  useEffect(() => {
    void verify();
  }, [verify]);

  const session = useMemo<WorkspaceSession>(
    () => ({ token: token ?? '', signedOut: () => setCheck({ state: 'refused' }) }),
    [token],
  );
  const toRoom = (
    <a href="/join" className="admin-to-room">
      {t('admin.workspace.backToRoom')}
    </a>
  );

  return (
    <WorkspaceProvider value={session}>
      <TopBar place={t('admin.place.secretariat')} />
      {check.state === 'ready' ? (
        <MeetingWorkspace
          meetingId={check.meetingId}
          may={{ configure: check.may.configure, manage: check.may.manage, mail: check.mail }}
          back={{ href: '/join', label: t('admin.workspace.backToRoom') }}
        />
      ) : (
        <main className="admin-main" aria-labelledby="manage-heading">
          <h1 id="manage-heading">{t('admin.place.secretariat')}</h1>
          {check.state === 'checking' && <p role="status">{t('admin.load.checking')}</p>}
          {check.state === 'refused' && (
            <div role="alert" className="admin-alert">
              <p>{t('admin.manage.refused')}</p>
            </div>
          )}
          {check.state === 'notHere' && (
            <div role="alert" className="admin-alert">
              <p>{t('admin.manage.notHere')}</p>
              {toRoom}
            </div>
          )}
          {check.state === 'unreachable' && (
            <div role="alert" className="admin-alert">
              <p>{t('admin.failure.network')}</p>
              <button type="button" onClick={() => void verify()}>
                {t('admin.load.retry')}
              </button>
            </div>
          )}
        </main>
      )}
    </WorkspaceProvider>
  );
}
