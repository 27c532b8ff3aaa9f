import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared';
import { personalName } from '../../format';
import { participantOf } from '../../room/selectors';
import { SpeakerTimer } from '../SpeakerTimer';

/** How many next speakers the projector names; the rest are counted ("+N more"). */
const NEXT_SHOWN = 5;
/** Beside a text, fewer: the strip stays one line. */
const NEXT_SHOWN_COMPACT = 3;

/**
 * The speaker with the timer and the next speakers, in large type; `compact`, a strip below the text
 * while a proposal is on the screen.
 */
export function ProjectorFloor({ meeting, compact = false }: { meeting: Meeting; compact?: boolean }) {
  const { t } = useTranslation();
  const current = meeting.floor.current;
  const speaker = participantOf(meeting, current?.participantId);
  const next = meeting.floor.queue.slice(0, compact ? NEXT_SHOWN_COMPACT : NEXT_SHOWN);
  const more = meeting.floor.queue.length - next.length;
  return (
    <div className={compact ? 'projector-floor compact' : 'projector-floor'}>
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
            <SpeakerTimer current={current} large={!compact} />
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
    </div>
  );
}
