import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useMemo, useRef } from 'react';
import type { Proposal } from '../../../../../shared';
import { useRoom } from '../../../room/RoomContext';
import { type MarginModel, refreshMargin } from './margin';
import { type ProposalConsensus, proposalConsensus, readParagraphs, type TextParagraph } from './model';
import { type ParagraphWords, useParagraphWords } from './words';

/** The meeting's word on the open proposal's paragraphs, in the UI language. */
export interface ParagraphsView {
  consensus: ProposalConsensus;
  words: ParagraphWords;
  /** Changes whenever what the margin shows may have (for redraws). */
  version: string;
}

let versions = 0;

/** Reads `meeting.consensus` for `proposal`, again only when it (or the language) changes. */
export function useParagraphsView(proposal: Proposal): ParagraphsView {
  const meeting = useRoom().meeting!;
  const words = useParagraphWords();
  // Keyed on the consensus state, not the whole meeting: the floor moves far more often.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `meeting.consensus` is what it reads.
  const consensus = useMemo(() => proposalConsensus(meeting, proposal.id), [meeting.consensus, proposal.id]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new number whenever either changes.
  const version = useMemo(() => String(++versions), [consensus, words]);
  return { consensus, words, version };
}

/**
 * Keeps the editor in step with the meeting: the margin redraws when statuses, checks, links or
 * the language change; and when a paragraph freezes, the undo history is dropped, since undoing an
 * earlier edit would change a frozen paragraph behind the editor's back (undo goes through Yjs, which
 * the frozen rule lets through as a remote change).
 */
export function useParagraphSync(editor: Editor | null, view: ParagraphsView): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the margin reads the new state through its model.
  useEffect(() => {
    if (editor && !editor.isDestroyed) refreshMargin(editor.view);
  }, [editor, view.version]);
  const frozenBefore = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const before = frozenBefore.current;
    frozenBefore.current = view.consensus.frozen;
    if (!editor || editor.isDestroyed) return;
    if (![...view.consensus.frozen].some((id) => !before.has(id))) return;
    const undo = yUndoPluginKey.getState(editor.state) as { undoManager?: { clear(): void } } | undefined;
    undo?.undoManager?.clear();
  }, [editor, view.consensus.frozen]);
}

/** The paragraphs of the editor's text, re-read when it changes. */
export function useTextParagraphs(editor: Editor | null): TextParagraph[] {
  return (
    useEditorState({ editor, selector: ({ editor: e }) => (e ? readParagraphs(e.state.doc) : []) }) ?? []
  );
}

/** What the margin shows, from the meeting's word on the paragraphs. */
export function marginModel(view: ParagraphsView, onOpen: (pid: string) => void): MarginModel {
  const { consensus, words } = view;
  return {
    entry(pid) {
      const c = consensus.of(pid);
      return {
        status: c.status,
        underCheck: !!c.check,
        badge: words.badge(c),
        objected: words.objected(c),
        check: c.check ? words.underCheck : null,
        links: words.links(c.links.length),
      };
    },
    dir: words.dir,
    version: view.version,
    onOpen,
  };
}
