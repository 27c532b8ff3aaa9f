import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { type BracketRange, bracketRanges } from '../../collab/brackets';

/** Selects a range of the text and scrolls it into view (also in a read-only text). */
export function showRange(editor: Editor, range: { from: number; to: number }): void {
  editor.chain().focus().setTextSelection(range).scrollIntoView().run();
}

/** The running count of open square brackets, and a list to go from one to the next. */
export function BracketList({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const ranges: BracketRange[] = useEditorState({
    editor,
    selector: ({ editor: e }) => bracketRanges(e.state.doc),
  });
  return (
    <section className="side-panel brackets-panel" aria-labelledby="brackets-heading">
      <h3 id="brackets-heading">{t('brackets.heading')}</h3>
      <p className="bracket-count" data-testid="bracket-count" aria-live="polite">
        {ranges.length > 0 ? t('brackets.count', { n: ranges.length }) : t('brackets.none')}
      </p>
      {ranges.length > 0 && (
        <ol className="bracket-list" aria-label={t('brackets.list')}>
          {ranges.map((r, i) => (
            <li key={`${r.from}-${r.to}`}>
              <button
                type="button"
                className="link-button"
                aria-label={t('brackets.jump', { n: i + 1, text: r.text })}
                onClick={() => showRange(editor, r)}
              >
                {/* Cut by CSS, not here: the visible text stays part of the button's name. */}
                <span className="bracket bracket-jump-text">{r.text}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
