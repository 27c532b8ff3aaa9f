import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { bracketRanges } from '../../../collab/brackets';
import { shortcut } from '../shortcuts';
import { paragraphAtCaret, summarize, type TextParagraph } from './model';
import type { ParagraphsView } from './useParagraphs';

/** Opens the details of the paragraph at the caret, from the text (Ctrl/⌘+Alt+P). */
export const DETAILS_SHORTCUT = 'Mod-Alt-p';

/**
 * The line above the text: "14 paragraphs: 9 agreed, 2 ad ref., 3 open; 4 open brackets", live;
 * and a button for the paragraph at the caret, one Shift+Tab away from the text.
 */
export function ParagraphSummary(props: {
  editor: Editor;
  paragraphs: TextParagraph[];
  view: ParagraphsView;
  onOpen: (pid: string) => void;
}) {
  const { editor, paragraphs, view, onOpen } = props;
  const { t } = useTranslation();
  const brackets = useEditorState({ editor, selector: ({ editor: e }) => bracketRanges(e.state.doc).length });
  const caret = useEditorState({ editor, selector: ({ editor: e }) => paragraphAtCaret(e.state) });
  const summary = summarize(paragraphs, brackets, view.consensus);
  const atCaret = caret ? paragraphs.find((p) => p.id === caret) : undefined;
  const keys = shortcut(DETAILS_SHORTCUT);
  return (
    <div className="paragraph-summary">
      <p className="paragraph-summary-line" data-testid="paragraph-summary" aria-live="polite">
        {view.words.summary(summary)}
      </p>
      {atCaret?.id && (
        <button
          type="button"
          className="link-button"
          aria-keyshortcuts={keys.aria}
          title={keys.label}
          onClick={() => onOpen(atCaret.id!)}
        >
          {t('paragraphs.atCaret', { number: atCaret.number })}
        </button>
      )}
    </div>
  );
}
