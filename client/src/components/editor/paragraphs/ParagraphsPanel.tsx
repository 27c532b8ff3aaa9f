import type { Editor } from '@tiptap/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../../shared';
import { SLOT_VALUE } from '../../Isolated';
import type { TextParagraph } from './model';
import { ParagraphDetails } from './ParagraphDetails';
import { SaidText } from './SaidText';
import type { ParagraphsView } from './useParagraphs';
import type { Said } from './words';

const DOT: Said = [{ text: ' · ' }];

/** Which paragraph's details are open, and whether they were opened from the text or the list. */
export interface OpenParagraph {
  pid: string;
  from: 'text' | 'list';
  /** Changes each time it is asked for, so asking again (Ctrl/⌘+Alt+P) takes the focus again. */
  seq: number;
}

/**
 * The paragraphs of the text, one button each ("Paragraph 3: Agreed · 2 interventions"): the
 * keyboard's and screen readers' way to the margin's facts, and to each paragraph's details and
 * actions. Closing the details puts the focus back where they were opened from.
 */
export function ParagraphsPanel(props: {
  editor: Editor;
  proposal: Proposal;
  paragraphs: TextParagraph[];
  view: ParagraphsView;
  open: OpenParagraph | null;
  onOpen: (open: { pid: string; from: 'text' | 'list' } | null) => void;
}) {
  const { editor, proposal, paragraphs, view, open, onOpen } = props;
  const { t } = useTranslation();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const close = () => {
    const from = open;
    onOpen(null);
    if (!from) return;
    if (from.from === 'text') editor.commands.focus();
    else buttons.current.get(from.pid)?.focus();
  };
  return (
    <section className="side-panel paragraphs-panel" aria-labelledby="paragraphs-heading">
      <h3 id="paragraphs-heading">{t('paragraphs.heading')}</h3>
      <ol className="paragraph-list" aria-label={t('paragraphs.list')}>
        {paragraphs.map((p) => {
          const c = view.consensus.of(p.id);
          if (!p.id)
            return (
              <li key={`n${p.number}`} className="paragraph-item muted small">
                {t('paragraphs.noId', { number: p.number })}
              </li>
            );
          const pid = p.id;
          const expanded = open?.pid === pid;
          // "Paragraph 2: Open · Objection: Egypt · 1 intervention", the delegations in <bdi>.
          const [before = '', after = ''] = t('paragraphs.item', {
            number: p.number,
            status: SLOT_VALUE,
          }).split(SLOT_VALUE);
          const extra = [
            view.words.objected(c),
            c.check ? view.words.underCheck : null,
            view.words.links(c.links.length),
          ];
          const facts: Said = [
            { text: before },
            ...view.words.badge(c),
            { text: after },
            ...extra.flatMap(
              (x): Said => (x === null ? [] : [...DOT, ...(typeof x === 'string' ? [{ text: x }] : x)]),
            ),
          ];
          return (
            <li key={pid} className={`paragraph-item status-${c.status}`}>
              <button
                ref={(el) => {
                  if (el) buttons.current.set(pid, el);
                  else buttons.current.delete(pid);
                }}
                type="button"
                className="link-button"
                aria-expanded={expanded}
                onClick={() => onOpen(expanded ? null : { pid, from: 'list' })}
              >
                <SaidText said={facts} />
              </button>
              {expanded && (
                <ParagraphDetails
                  key={open.seq}
                  editor={editor}
                  proposal={proposal}
                  paragraph={p}
                  consensus={c}
                  words={view.words}
                  onClose={close}
                />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
