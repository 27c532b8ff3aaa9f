import { type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetToken, keepToken } from '../session';
import { getMe } from './api';
import { MeetingList } from './MeetingList';
import { MeetingWorkspace } from './MeetingWorkspace';
import { SignIn, type SignInRefusal } from './SignIn';
import { failureKind } from './serverErrors';
import { TopBar } from './TopBar';
import { WorkspaceProvider, type WorkspaceSession } from './workspace';

/** Where in the administrator's pages we are: the list, or one meeting's workspace. */
export type AdminRoute = { view: 'list' } | { view: 'meeting'; meetingId: string };

/** `/admin` is the list, `/admin/meetings/<id>` a meeting's workspace (a reload or a bookmark opens it again). */
function routeOf(pathname: string): AdminRoute {
  const match = /^\/admin\/meetings\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] ? { view: 'meeting', meetingId: decodeURIComponent(match[1]) } : { view: 'list' };
}

const pathOf = (route: AdminRoute): string =>
  route.view === 'list' ? '/admin' : `/admin/meetings/${encodeURIComponent(route.meetingId)}`;

type Check = { state: 'checking' } | { state: 'admin'; mail: boolean } | { state: 'unreachable' };

/**
 * The administrator's pages. The token comes from the admin link (`/admin#token=…`, taken out of
 * the address bar by main.tsx) or the sign-in form, and is kept for this tab (sessionStorage
 * `irm.adminToken`); `GET /api/me` checks it first, and any 401 later sends back to the form,
 * which says the token was refused.
 */
export function AdminApp({ initialToken }: { initialToken: string | null }) {
  const { t } = useTranslation();
  const [token, setToken] = useState(initialToken);
  const [refusal, setRefusal] = useState<SignInRefusal | null>(null);
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  const [route, setRoute] = useState<AdminRoute>(() => routeOf(location.pathname));
  const [returning, setReturning] = useState<string | null>(null);
  const current = useRef(route);
  current.current = route;

  const signOut = useCallback((why: SignInRefusal | null) => {
    forgetToken('admin', sessionStorage);
    setToken(null);
    setRefusal(why);
  }, []);

  const verify = useCallback(
    async (candidate: string) => {
      setCheck({ state: 'checking' });
      try {
        const me = await getMe(candidate);
        if (me.caller === 'admin') setCheck({ state: 'admin', mail: me.mail });
        else signOut('notAdmin');
      } catch (error) {
        if (failureKind(error) === 'signedOut') signOut('refused');
        else setCheck({ state: 'unreachable' });
      }
    },
    [signOut],
  );

  useEffect(() => {
    if (token) void verify(token);
  }, [token, verify]);

  useEffect(() => {
    // Back and forward: coming back to the list, the focus goes to the meeting just left.
    const onPop = () => {
      const before = current.current;
      const next = routeOf(location.pathname);
      setReturning(before.view === 'meeting' && next.view === 'list' ? before.meetingId : null);
      setRoute(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    // A meeting's workspace names itself once loaded (MeetingWorkspace).
    if (route.view === 'list')
      document.title = `${t('admin.list.heading')} · ${t('admin.place.admin')} · IRM Room`;
  }, [route, t]);

  const go = useCallback((next: AdminRoute, from?: string) => {
    history.pushState(null, '', pathOf(next));
    setReturning(from ?? null);
    setRoute(next);
  }, []);

  const session = useMemo<WorkspaceSession | null>(
    () => (token ? { token, signedOut: () => signOut('refused') } : null),
    [token, signOut],
  );

  if (!token || !session) {
    return (
      <>
        <TopBar place={t('admin.place.admin')} />
        <SignIn
          refusal={refusal}
          onSubmit={(value) => {
            keepToken('admin', value, sessionStorage);
            setRefusal(null);
            setToken(value);
          }}
        />
      </>
    );
  }

  return (
    <WorkspaceProvider value={session}>
      <TopBar place={t('admin.place.admin')} onSignOut={() => signOut(null)} />
      {check.state === 'checking' && (
        <main className="admin-main">
          <p role="status">{t('admin.load.checking')}</p>
        </main>
      )}
      {check.state === 'unreachable' && (
        <main className="admin-main">
          <div role="alert" className="admin-alert">
            <p>{t('admin.failure.network')}</p>
            <button type="button" onClick={() => void verify(token)}>
              {t('admin.load.retry')}
            </button>
          </div>
        </main>
      )}
      {check.state === 'admin' &&
        (route.view === 'list' ? (
          <MeetingList onOpen={(meetingId) => go({ view: 'meeting', meetingId })} focusMeeting={returning} />
        ) : (
          <MeetingWorkspace
            key={route.meetingId}
            meetingId={route.meetingId}
            may={{ configure: true, manage: true, mail: check.mail }}
            back={{
              href: '/admin',
              label: t('admin.workspace.backToList'),
              onClick: (e: MouseEvent<HTMLAnchorElement>) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                go({ view: 'list' }, route.meetingId);
              },
            }}
          />
        ))}
    </WorkspaceProvider>
  );
}
