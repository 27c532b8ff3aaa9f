import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocConnector } from '../collab/docConnection';
import { versionsApi } from '../collab/versions';
import { CheckCountdown } from '../components/projector/CheckCountdown';
import { ProjectorFloor } from '../components/projector/ProjectorFloor';
import { ProjectorText } from '../components/projector/ProjectorText';
import { ReplacedNotice } from '../components/ReplacedNotice';
import { useRoom, useRoomPort } from '../room/RoomContext';
import { currentItem } from '../room/selectors';
import { Status } from './RoomView';

/**
 * For screen sharing or streaming: the item, the speaker with the timer, the next speakers; the
 * "any objection?" countdown while a check runs in the room; and, when the presiding officer or the
 * secretariat puts a proposal on the screen (`screen.show`), its text read-only and live, with the
 * speakers in a strip below. `connect` opens the text (tests give an in-memory one).
 */
export function ProjectorView({ connect }: { connect?: DocConnector } = {}) {
  const { t } = useTranslation();
  const state = useRoom();
  const token = useRoomPort().token;
  const meeting = state.meeting;
  const screenId = meeting?.consensus.screen?.proposalId ?? null;
  const versions = useMemo(
    () => (screenId && token ? versionsApi(screenId, token) : null),
    [screenId, token],
  );
  if (!meeting)
    return <Status text={state.connection === 'unauthorized' ? t('app.invalid') : t('app.loading')} />;
  const item = currentItem(meeting);
  const shown = meeting.proposals.find((p) => p.id === screenId);
  return (
    <main className={shown ? 'projector projector-with-text' : 'projector'}>
      {/* More projector screens opened than the server keeps (a few): this one stopped; it says so
          rather than show a frozen speaker. */}
      <ReplacedNotice />
      <header>
        <p className="projector-meeting" dir="auto">
          {meeting.title}
        </p>
        <h1 className="projector-item">
          {item ? (
            <>
              <span className="agenda-number">{item.number}</span> <bdi>{item.title}</bdi>
            </>
          ) : (
            // "Will begin shortly" only before the opening: in session it is between items.
            t(meeting.status === 'scheduled' ? 'projector.noItem' : 'agenda.none')
          )}
        </h1>
      </header>
      <CheckCountdown />
      {shown && <ProjectorText key={shown.id} proposal={shown} versions={versions} connect={connect} />}
      <ProjectorFloor meeting={meeting} compact={!!shown} />
    </main>
  );
}
