import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { setupI18n } from './i18n';
import { RoomProvider } from './room/RoomContext';
import { RoomClient } from './room/roomClient';
import { takeToken } from './session';
import './styles.css';
import { ProjectorView } from './views/ProjectorView';
import { RoomView, Status } from './views/RoomView';

const i18n = setupI18n();
const projector = location.pathname.startsWith('/projector');
const token = takeToken(projector ? 'projector' : 'participant', location, sessionStorage);
const root = createRoot(document.getElementById('root')!);

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
