import type { Editor } from '@tiptap/core';
import { Selection } from '@tiptap/pm/state';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../../shared';
import { displayName } from '../../../collab/identity';
import { useRoom, useRoomPort, useTimeFormat } from '../../../room/RoomContext';
import { iCan, participantOf } from '../../../room/selectors';
import { useFocusKept } from '../../consensus/useFocusWithin';
import { LastCheck } from './LastCheck';
import type { ParagraphConsensus, TextParagraph } from './model';
import { ParagraphActions } from './ParagraphActions';
import { SaidText } from './SaidText';
import type { ParagraphWords } from './words';

/** Puts the caret at the start of the paragraph starting at `pos` and shows it (a read-only text too). */
function goTo(editor: Editor, pos: number): void {
  const { state } = editor;
  const selection = Selection.near(state.doc.resolve(Math.min(pos + 1, state.doc.content.size)));
  editor.view.dispatch(state.tr.setSelection(selection).scrollIntoView());
  editor.commands.focus();
}

/**
 * One paragraph's details: its words, status and who set it when, the check it is under, how the
 * latest check on it ended (and who objected, why), the interventions linked to it, and what the signed-in participant may do with it. Takes the focus
 * when it opens; Escape or "Close" closes it (the caller puts the focus back).
 */
export function ParagraphDetails(props: {
  editor: Editor;
  proposal: Proposal;
  paragraph: TextParagraph;
  consensus: ParagraphConsensus;
  words: ParagraphWords;
  onClose: () => void;
}) {
  const { editor, proposal, paragraph, consensus: c, words, onClose } = props;
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const time = useTimeFormat();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const element = box.current;
    // Escape inside closes the details, not the whole text (ProposalEditor closes the text on an
    // Escape that nobody took: this listener runs first and takes it).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      close.current();
    };
    element?.addEventListener('keydown', onKey);
    return () => element?.removeEventListener('keydown', onKey);
  }, []);
  // A control that goes under the focus (a double click's second click focuses "Ask: any
  // objection?" again, and it goes once the check is under way): the focus stays in the details.
  useFocusKept(box, () => heading.current, `${c.check?.id}|${c.status}|${c.links.length}`);
  const number = paragraph.number;
  const setter = participantOf(meeting, c.record?.setBy);
  const canUnlink = iCan(state, 'paragraph.unlinkIntervention');
  const onScreen =
    meeting.consensus.screen?.proposalId === proposal.id &&
    meeting.consensus.screen.paragraphId === paragraph.id;

  return (
    <section ref={box} className="paragraph-details" aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1}>
        {t('paragraphs.details.heading', { number })}
      </h4>
      {paragraph.excerpt && (
        <p className="paragraph-excerpt">
          <bdi>{paragraph.excerpt}</bdi>
        </p>
      )}
      <p className="paragraph-status" data-testid="paragraph-status">
        <strong>
          <SaidText said={words.status(c)} />
        </strong>
        {c.record && (
          <span className="muted small">
            {' · '}
            {setter && !c.record.checkId
              ? t('paragraphs.details.setBy', {
                  name: displayName(setter),
                  time: time(c.record.setAt, 'meeting'),
                })
              : t('paragraphs.details.byCheck', { time: time(c.record.setAt, 'meeting') })}
          </span>
        )}
      </p>
      {c.check && <p>{t('paragraphs.details.underCheck', { time: time(c.check.endsAt, 'meeting') })}</p>}
      {paragraph.openBrackets > 0 && <p>{t('paragraphs.details.brackets', { n: paragraph.openBrackets })}</p>}
      {onScreen && <p className="muted small">{t('paragraphs.details.onScreen')}</p>}
      {c.lastCheck && <LastCheck check={c.lastCheck} />}
      <h5>{t('paragraphs.details.linksHeading')}</h5>
      {c.links.length === 0 ? (
        <p className="muted small">{t('paragraphs.details.noLinks')}</p>
      ) : (
        <ul className="paragraph-links-list">
          {c.links.map((link) => (
            <li key={link.id}>
              <bdi className="delegation">{link.delegation}</bdi>
              {link.note && (
                <>
                  {': '}
                  <bdi>{link.note}</bdi>
                </>
              )}{' '}
              <span className="muted small">{time(link.at, 'meeting')}</span>
              {canUnlink && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    heading.current?.focus();
                    void room.send({ type: 'paragraph.unlinkIntervention', linkId: link.id });
                  }}
                >
                  {t('paragraphs.details.unlink', { delegation: link.delegation })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ParagraphActions proposal={proposal} paragraph={paragraph} consensus={c} heading={heading} />
      <div className="button-row">
        <button type="button" onClick={() => goTo(editor, paragraph.pos)}>
          {t('paragraphs.details.go', { number })}
        </button>
        <button type="button" onClick={onClose}>
          {t('paragraphs.details.close', { number })}
        </button>
      </div>
    </section>
  );
}
