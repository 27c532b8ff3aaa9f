import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { setupI18n } from './i18n';
import { RoomProvider } from './room/RoomContext';
import { RoomClient } from './room/roomClient';
import { takeToken } from './session';
import './styles.css';
import { ProjectorView } from './views/ProjectorView';
import { RoomView, Status } from './views/RoomView';

// The workspace is another app on the same page: loaded only at /admin and /manage, so the room's
// bundle does not carry it.
const AdminApp = lazy(() => import('./admin/AdminApp').then((m) => ({ default: m.AdminApp })));
const ManageApp = lazy(() => import('./admin/ManageApp').then((m) => ({ default: m.ManageApp })));

const i18n = setupI18n();
const path = location.pathname;
const root = createRoot(document.getElementById('root')!);
const inWorkspace = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

if (inWorkspace('/admin') || inWorkspace('/manage')) {
  // Taken out of the address bar at once, before anything else loads.
  const admin = inWorkspace('/admin');
  const token = takeToken(admin ? 'admin' : 'participant', location, sessionStorage);
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Suspense fallback={<Status text={i18n.t('admin.load.loading')} />}>
          {admin ? <AdminApp initialToken={token} /> : <ManageApp token={token} />}
        </Suspense>
      </I18nextProvider>
    </StrictMode>,
  );
} else {
  const projector = path.startsWith('/projector');
  const token = takeToken(projector ? 'projector' : 'participant', location, sessionStorage);
  if (!token) {
    root.render(
      <I18nextProvider i18n={i18n}>
        <Status text={i18n.t('app.noToken')} />
      </I18nextProvider>,
    );
  } else {
    const room = new RoomClient(location.origin, token);
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RoomProvider room={room}>{projector ? <ProjectorView /> : <RoomView />}</RoomProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  }
}
