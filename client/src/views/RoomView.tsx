import { useTranslation } from 'react-i18next';
import { AgendaPanel } from '../components/AgendaPanel';
import { Announcer, RefusalAlert } from '../components/Announcer';
import { FloorPanel } from '../components/FloorPanel';
import { Header } from '../components/Header';
import { MeetingControls } from '../components/MeetingControls';
import { ParticipantsPanel } from '../components/ParticipantsPanel';
import { InterventionLog, SpeakingTime } from '../components/SpeakingTime';
import { useRoom } from '../room/RoomContext';
import { currentItem, iPreside } from '../room/selectors';

/** The room as a participant sees it; whoever presides also gets the chair console. */
export function RoomView() {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting;
  if (!meeting)
    return <Status text={state.connection === 'unauthorized' ? t('app.invalid') : t('app.loading')} />;
  const chair = iPreside(state);
  const item = currentItem(meeting);
  return (
    <div className={`room ${chair ? 'room-chair' : 'room-delegate'}`}>
      <a className="skip" href="#floor">
        {t('app.skip')}
      </a>
      <Header />
      <Announcer />
      <RefusalAlert />
      <main>
        <section className="panel current-item" aria-labelledby="item-heading">
          <h2 id="item-heading" className="eyebrow">
            {t('agenda.current')}
          </h2>
          {item ? (
            <p className="item-title" data-testid="current-item">
              <span className="agenda-number">{item.number}</span> {item.title}
            </p>
          ) : (
            <p className="item-title muted" data-testid="current-item">
              {t('agenda.none')}
            </p>
          )}
          {item?.description && <p className="muted">{item.description}</p>}
        </section>
        <div className="columns">
          <div className="column-main">
            <FloorPanel />
            {chair && <MeetingControls />}
            <InterventionLog />
          </div>
          <div className="column-side">
            <AgendaPanel />
            <SpeakingTime />
            <ParticipantsPanel />
          </div>
        </div>
      </main>
    </div>
  );
}

export function Status({ text }: { text: string }) {
  return (
    <main className="status-page">
      <h1>IRM Room</h1>
      <p role="status">{text}</p>
    </main>
  );
}
