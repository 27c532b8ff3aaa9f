import { useTranslation } from 'react-i18next';
import { ReplacedNotice } from '../components/ReplacedNotice';
import { SpeakerTimer } from '../components/SpeakerTimer';
import { personalName } from '../format';
import { useRoom } from '../room/RoomContext';
import { currentItem, participantOf } from '../room/selectors';
import { Status } from './RoomView';

/** How many next speakers the projector names; the rest are counted ("+N more"). */
const NEXT_SHOWN = 5;

/** For screen sharing or streaming: the item, the speaker with the timer, the next speakers. */
export function ProjectorView() {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting;
  if (!meeting)
    return <Status text={state.connection === 'unauthorized' ? t('app.invalid') : t('app.loading')} />;
  const item = currentItem(meeting);
  const current = meeting.floor.current;
  const speaker = participantOf(meeting, current?.participantId);
  const next = meeting.floor.queue.slice(0, NEXT_SHOWN);
  const more = meeting.floor.queue.length - next.length;
  return (
    <main className="projector">
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
            t('projector.noItem')
          )}
        </h1>
      </header>
      <section className="projector-speaker" aria-live="polite">
        {current && speaker ? (
          <>
            <p className="eyebrow">{t('floor.hasFloor')}</p>
            <p className="projector-delegation" dir="auto">
              {speaker.delegation}
            </p>
            <p className="projector-name">
              {personalName(speaker.name) && (
                <>
                  <bdi>{personalName(speaker.name)}</bdi> ·{' '}
                </>
              )}
              {t(`kinds.${current.kind}`)}
            </p>
            <SpeakerTimer current={current} large />
          </>
        ) : (
          <p className="projector-delegation muted">{t('floor.nobody')}</p>
        )}
      </section>
      <section className="projector-next">
        <h2>{t('projector.next')}</h2>
        {next.length === 0 ? (
          <p className="muted">{t('floor.empty')}</p>
        ) : (
          <ol>
            {next.map((r) => (
              <li key={r.id} className={`kind-${r.kind}`}>
                <strong>
                  <bdi>{participantOf(meeting, r.participantId)?.delegation}</bdi>
                </strong>
                {r.kind !== 'speak' && (
                  <span className={`kind-badge kind-${r.kind}`}>{t(`kinds.${r.kind}`)}</span>
                )}
              </li>
            ))}
          </ol>
        )}
        {more > 0 && (
          <p className="projector-more" data-testid="projector-more">
            {t('shell.more', { count: more })}
          </p>
        )}
      </section>
    </main>
  );
}
