import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../../shared';
import { useRoom, useRoomPort } from '../../../room/RoomContext';
import { iCan, participantOf } from '../../../room/selectors';
import { useFocusKept } from '../../consensus/useFocusWithin';
import { isolatedIn, SLOT_VALUE } from '../../Isolated';
import { usePending } from '../../usePending';
import type { ParagraphConsensus, TextParagraph } from './model';

const NOTE_CHARS = 500;

/**
 * Links the intervention under way to a paragraph, with an optional note; once it is linked (an
 * intervention is linked to a paragraph once), shows that link and "Remove the link" instead. The
 * focus goes from the one to the other when the meeting's state says the link is made or gone.
 * For who may link, while someone has the floor (the caller shows it only then).
 */
export function LinkIntervention(props: {
  proposal: Proposal;
  paragraph: TextParagraph;
  consensus: ParagraphConsensus;
}) {
  const { proposal, paragraph, consensus: c } = props;
  const { t } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meeting = state.meeting!;
  const noteId = useId();
  const [note, setNote] = useState('');
  const [busy, run] = usePending();
  const box = useRef<HTMLDivElement>(null);
  const linkedLine = useRef<HTMLParagraphElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const current = meeting.floor.current;
  const link = current ? c.links.find((l) => l.requestId === current.requestId) : undefined;
  useFocusKept(box, () => (link ? linkedLine.current : noteField.current), link?.id ?? '');

  const speaker = current ? participantOf(meeting, current.participantId) : undefined;
  const who = speaker?.delegation || speaker?.name || '';

  // One box for both, there from the start: the focus is kept within it (useFocusKept).
  return (
    <div ref={box} className="paragraph-link">
      {link ? (
        <>
          <p ref={linkedLine} tabIndex={-1} className="paragraph-linked-line">
            {isolatedIn(t('paragraphs.actions.linked', { delegation: SLOT_VALUE }), link.delegation)}
            {link.note && (
              <> {isolatedIn(t('paragraphs.actions.linkedNote', { note: SLOT_VALUE }), link.note)}</>
            )}
          </p>
          {iCan(state, 'paragraph.unlinkIntervention') && (
            <button
              type="button"
              aria-disabled={busy}
              onClick={() =>
                void run(() => room.send({ type: 'paragraph.unlinkIntervention', linkId: link.id }))
              }
            >
              {t('paragraphs.actions.unlink')}
            </button>
          )}
        </>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const text = note.trim();
            void run(() =>
              room.send({
                type: 'paragraph.linkIntervention',
                proposalId: proposal.id,
                paragraphId: paragraph.id!,
                ...(text ? { note: text } : {}),
              }),
            ).then((ack) => {
              if (ack?.ok) setNote('');
            });
          }}
        >
          <label htmlFor={noteId}>{t('paragraphs.actions.note')}</label>
          <textarea
            ref={noteField}
            id={noteId}
            rows={2}
            maxLength={NOTE_CHARS}
            value={note}
            dir="auto"
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" aria-disabled={busy}>
            {isolatedIn(t('paragraphs.actions.link', { delegation: SLOT_VALUE }), who)}
          </button>
        </form>
      )}
    </div>
  );
}
