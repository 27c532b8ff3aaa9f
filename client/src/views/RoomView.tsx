import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgendaPanel } from '../components/AgendaPanel';
import { Announcer, RefusalAlert } from '../components/Announcer';
import { CheckBanner } from '../components/consensus/CheckBanner';
import { SilenceBanner } from '../components/consensus/SilenceBanner';
import { SilencePanel } from '../components/consensus/SilencePanel';
import { FloorPanel } from '../components/FloorPanel';
import { Header } from '../components/Header';
import { hasConsole, MeetingControls } from '../components/MeetingControls';
import { ParticipantsPanel } from '../components/ParticipantsPanel';
import { PendingCommands } from '../components/PendingCommands';
import { ProposalsPanel } from '../components/ProposalsPanel';
import { InterventionLog, SpeakingTime } from '../components/SpeakingTime';
import { RecordView } from '../record/RecordView';
import { useRecordView } from '../record/useRecordView';
import { useRoom } from '../room/RoomContext';
import { currentItem, iPreside } from '../room/selectors';
import { useRegisteredLanguage } from '../room/useRegisteredLanguage';

// The editor (Tiptap, Yjs, the Word exporter) is most of the app's weight: loaded when a text is opened.
const ProposalEditor = lazy(() =>
  import('../components/editor/ProposalEditor').then((m) => ({ default: m.ProposalEditor })),
);

/** The room as a participant sees it; whoever presides (and the secretariat) also gets the console. */
export function RoomView() {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting;
  const text = useOpenProposal();
  const record = useRecordView();
  useRegisteredLanguage();
  if (!meeting)
    return <Status text={state.connection === 'unauthorized' ? t('app.invalid') : t('app.loading')} />;
  const chair = iPreside(state);
  const item = currentItem(meeting);
  const editing = !!text.open;
  const floor = <FloorPanel />;
  return (
    <div className={`room ${chair ? 'room-chair' : 'room-delegate'} ${editing ? 'room-editing' : ''}`}>
      <a className="skip" href="#floor">
        {t('app.skip')}
      </a>
      <Header record={{ open: record.open, onOpen: record.show }} />
      <Announcer />
      <RefusalAlert />
      <PendingCommands />
      {/* "Any objection?" over whatever is shown (the text, the floor, the record): everyone sees it. */}
      <CheckBanner />
      {/* Open silence procedures a delegation may object to: the panel itself may be below the fold. */}
      <SilenceBanner reveal={record.open ? record.close : undefined} />
      <main>
        <section className="panel current-item" aria-labelledby="item-heading">
          <h2 id="item-heading" className="eyebrow">
            {t('agenda.current')}
          </h2>
          {item ? (
            <p className="item-title" data-testid="current-item">
              <span className="agenda-number">{item.number}</span> <bdi>{item.title}</bdi>
            </p>
          ) : (
            <p className="item-title muted" data-testid="current-item">
              {t('agenda.none')}
            </p>
          )}
          {item?.description && (
            <p className="muted" dir="auto">
              {item.description}
            </p>
          )}
        </section>
        {text.open ? (
          // The floor stays within reach while a text is open: beside it on a wide screen, docked at
          // the bottom of a small one (styles.css, room-shell).
          <div className="editing-layout">
            <div className="editing-text">
              <Suspense fallback={<p className="panel muted">{t('editor.connecting')}</p>}>
                <ProposalEditor proposalId={text.open} onClose={text.close} />
              </Suspense>
            </div>
            <aside className="editing-floor" aria-label={t('shell.floorActions')}>
              {floor}
            </aside>
          </div>
        ) : null}
        {record.open ? (
          // In place of the room's panels ("Back to the meeting" brings them back), with the floor
          // still beside it: whoever presides keeps running the list of speakers while reading it.
          <div className="editing-layout">
            <div className="editing-text">
              <RecordView onClose={record.close} onOpenText={text.show} focusRequest={record.focusRequest} />
            </div>
            {!editing && (
              <aside className="editing-floor" aria-label={t('shell.floorActions')}>
                {floor}
              </aside>
            )}
          </div>
        ) : (
          <div className="columns">
            <div className="column-main">
              {!editing && floor}
              {hasConsole(state) && <MeetingControls />}
              <InterventionLog />
            </div>
            <div className="column-side">
              <AgendaPanel />
              <ProposalsPanel onOpen={text.show} />
              <SilencePanel />
              <SpeakingTime />
              <ParticipantsPanel />
            </div>
          </div>
        )}
      </main>
    </div>
  );
}

/** Which proposal's text is open; closing it puts the focus back on what opened it. */
function useOpenProposal() {
  const [open, setOpen] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const show = useCallback((id: string) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(id);
    window.scrollTo?.({ top: 0 });
  }, []);
  const close = useCallback(() => {
    setOpen(null);
    const back = opener.current;
    if (back?.isConnected) requestAnimationFrame(() => back.focus());
  }, []);
  return { open, show, close };
}

export function Status({ text }: { text: string }) {
  return (
    <main className="status-page">
      <h1>IRM Room</h1>
      <p role="status">{text}</p>
    </main>
  );
}
