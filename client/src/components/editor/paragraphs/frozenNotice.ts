import { Extension } from '@tiptap/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextParagraph } from './model';
import type { ParagraphsView } from './useParagraphs';

/** How long the notice stays after the last refused edit. */
const NOTICE_MS = 8000;

/**
 * Why an edit was refused ("Paragraph 3 is agreed, so it can no longer be edited…"), for a polite
 * live region next to the text. Trying again resets the time it stays without saying it twice.
 */
export function useFrozenNotice(
  paragraphs: TextParagraph[],
  view: ParagraphsView,
): { notice: string; refuse: (pid: string) => void } {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<{ pid: string; at: number } | null>(null);
  useEffect(() => {
    if (!refused) return;
    const timer = setTimeout(() => setRefused(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [refused]);
  // Called from inside ProseMirror's dispatch: the state is set after it.
  const refuse = useCallback((pid: string) => queueMicrotask(() => setRefused({ pid, at: Date.now() })), []);
  const paragraph = refused && paragraphs.find((p) => p.id === refused.pid);
  if (!paragraph) return { notice: '', refuse };
  const why = view.consensus.of(paragraph.id).check ? 'check' : 'agreed';
  return { notice: t(`paragraphs.frozen.${why}`, { number: paragraph.number }), refuse };
}

/** Ctrl/⌘+Alt+P in the text opens the details of the paragraph at the caret. */
export const ParagraphShortcut = Extension.create<{ keys: string; run: () => boolean }>({
  name: 'paragraphShortcut',
  addOptions: () => ({ keys: 'Mod-Alt-p', run: () => false }),
  addKeyboardShortcuts() {
    return { [this.options.keys]: () => this.options.run() };
  },
});
