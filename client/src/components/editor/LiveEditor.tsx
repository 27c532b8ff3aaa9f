import { Extension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../shared';
import { COLLAB_LIMITS } from '../../../../shared/collab/limits';
import { type BracketLogEntry, DOC_FIELDS } from '../../../../shared/collab/schema';
import { registerAuthor } from '../../collab/authors';
import { removedBracketTexts } from '../../collab/brackets';
import { EditsAtCaret } from '../../collab/caretEdits';
import { CommentHighlights, refreshHighlights } from '../../collab/commentHighlights';
import type { DocConnection } from '../../collab/docConnection';
import { recordEdits } from '../../collab/editLog';
import { contentExtensions } from '../../collab/extensions';
import { displayName } from '../../collab/identity';
import type { Version, VersionsApi } from '../../collab/versions';
import { AgreedHistory } from './AgreedHistory';
import { AwarenessBar } from './AwarenessBar';
import { BracketList } from './BracketList';
import { type CommentDraft, CommentsPanel } from './CommentsPanel';
import { CompareView } from './CompareView';
import { ExportPanel } from './ExportPanel';
import { FrozenParagraphs } from './paragraphs/frozen';
import { ParagraphShortcut, useFrozenNotice } from './paragraphs/frozenNotice';
import { type MarginModel, ParagraphMargin } from './paragraphs/margin';
import { paragraphAtCaret } from './paragraphs/model';
import { DETAILS_SHORTCUT, ParagraphSummary } from './paragraphs/ParagraphSummary';
import { type OpenParagraph, ParagraphsPanel } from './paragraphs/ParagraphsPanel';
import { paragraphIds } from './paragraphs/paragraphIds';
import {
  marginModel,
  useParagraphSync,
  useParagraphsView,
  useTextParagraphs,
} from './paragraphs/useParagraphs';
import { Toolbar } from './Toolbar';
import { VersionsPanel } from './VersionsPanel';

/** The signed-in participant as the editor shows them to others. */
export interface EditorUser {
  participantId: string;
  name: string;
  delegation: string;
  color: string;
}

/** A caret of someone else, labelled "Name (Delegation)" in their colour. */
function caret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#666666';
  const name = displayName({
    name: String(user.name ?? '?'),
    delegation: typeof user.delegation === 'string' ? user.delegation : '',
  });
  const cursor = document.createElement('span');
  cursor.className = 'collaboration-carets__caret';
  cursor.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = name;
  cursor.append(label);
  // Not part of the text for screen readers; the "in the text now" list names everyone.
  cursor.setAttribute('aria-hidden', 'true');
  return cursor;
}

/** Mod-Alt-M comments on the selection, like the toolbar button. */
const CommentShortcut = Extension.create<{ run: () => void }>({
  name: 'commentShortcut',
  addOptions: () => ({ run: () => undefined }),
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => {
        this.options.run();
        return true;
      },
    };
  },
});

/**
 * The co-editing surface of one proposal, once its text has arrived: Tiptap over the shared Y.Doc
 * with live carets, the toolbar, the paragraphs' summary and margin (agreed paragraphs and those
 * under a check are read-only), and beside it the paragraphs, brackets, comments, versions, agreed
 * text and export.
 */
export function LiveEditor(props: {
  connection: DocConnection;
  proposal: Proposal;
  readOnly: boolean;
  user: EditorUser | null;
  versions: VersionsApi | null;
  /** Observers read versions but do not save them. */
  canSaveVersions: boolean;
  /**
   * The text turned read-only while the cursor was in it (a lock, the meeting's close): the caller
   * moves the focus to what explains it, rather than let it drop to the page.
   */
  onLockedUnderCursor?: () => void;
}) {
  const { connection, proposal, readOnly, user, versions, canSaveVersions, onLockedUnderCursor } = props;
  const { t } = useTranslation();
  const contentId = useId();
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [comparing, setComparing] = useState<Version | null>(null);
  const [openParagraph, setOpenParagraph] = useState<OpenParagraph | null>(null);
  const openSeq = useRef(0);
  const showParagraph = (open: { pid: string; from: OpenParagraph['from'] } | null) =>
    setOpenParagraph(open && { ...open, seq: ++openSeq.current });
  const paragraphsView = useParagraphsView(proposal);
  // Read by editor callbacks created once per connection.
  const live = useRef({
    user,
    active,
    readOnly,
    startComment: (): void => undefined,
    frozen: paragraphsView.consensus.frozen,
    margin: null as MarginModel | null,
    refuse: (_pid: string): void => undefined,
    openAtCaret: (): boolean => false,
  });
  live.current.user = user;
  live.current.active = active;
  live.current.readOnly = readOnly;
  live.current.frozen = paragraphsView.consensus.frozen;
  live.current.margin = marginModel(paragraphsView, (pid) => showParagraph({ pid, from: 'text' }));

  const editor = useEditor(
    {
      extensions: [
        ...contentExtensions(),
        Collaboration.configure({ document: connection.doc, field: DOC_FIELDS.text }),
        // Typed text lands in Yjs at the caret, so every character is credited to whoever typed it.
        EditsAtCaret,
        CollaborationCaret.configure({
          provider: connection.provider,
          // The server replaces this with the authenticated identity; ours shows until it does.
          user: user ?? { name: '?', color: '#666666' },
          render: caret,
        }),
        CommentHighlights.configure({ doc: connection.doc, active: () => live.current.active }),
        CommentShortcut.configure({ run: () => live.current.startComment() }),
        paragraphIds(() => !live.current.readOnly),
        FrozenParagraphs.configure({
          frozen: () => live.current.frozen,
          onRefused: (pid) => live.current.refuse(pid),
        }),
        ParagraphMargin.configure({ model: () => live.current.margin }),
        ParagraphShortcut.configure({ keys: DETAILS_SHORTCUT, run: () => live.current.openAtCaret() }),
      ],
      editable: !readOnly,
      editorProps: {
        attributes: {
          id: contentId,
          class: 'editor-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('editor.textLabel', { symbol: proposal.symbol }),
          // The text may be in any of the six languages, Arabic included: each paragraph finds its direction.
          dir: 'auto',
        },
      },
      onTransaction: ({ transaction }) => {
        // Remote changes are logged by whoever made them.
        if (transaction.getMeta(ySyncPluginKey)) return;
        const me = live.current.user;
        const texts = removedBracketTexts(transaction);
        if (!me || texts.length === 0) return;
        const at = Date.now();
        connection.doc.getArray<BracketLogEntry>(DOC_FIELDS.bracketLog).push(
          // Cut to the server's limit (docs/collab.md): a longer entry would close the editor.
          texts.map((text) => ({
            by: me.participantId,
            byName: displayName(me),
            at,
            text: text.slice(0, COLLAB_LIMITS.bracketTextChars),
          })),
        );
      },
    },
    [connection],
  );

  live.current.startComment = () => {
    if (!editor || readOnly) return;
    const { from, to, empty } = editor.state.selection;
    if (empty) return;
    setDraft({ from, to, quote: editor.state.doc.textBetween(from, to, ' ') });
  };

  // The lock, the meeting's close and role changes apply at once, without reopening the text.
  const lockedUnderCursor = useRef(onLockedUnderCursor);
  lockedUnderCursor.current = onLockedUnderCursor;
  useEffect(() => {
    if (!editor) return;
    // Asked before the text stops being editable: then it can no longer hold the focus.
    const hadFocus = editor.view.hasFocus();
    editor.setEditable(!readOnly);
    editor.view.dom.setAttribute('aria-readonly', String(readOnly));
    if (readOnly) setDraft(null);
    if (readOnly && hadFocus) lockedUnderCursor.current?.();
  }, [editor, readOnly]);

  // Writers are registered once they may write, so revision marks can name them; their edits are
  // logged (who inserted and deleted what, when) for the Compare view and the exports.
  useEffect(() => {
    if (!readOnly && user) registerAuthor(connection.doc, user);
  }, [connection, readOnly, user]);
  const writes = !readOnly && !!user;
  useEffect(() => {
    if (!writes) return;
    const recorder = recordEdits(connection.doc);
    // Closing the text writes what is pending; a lock (read-only by now) drops it.
    return () => recorder.stop({ flush: !live.current.readOnly });
  }, [connection, writes]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the highlights read `active` through a ref.
  useEffect(() => {
    if (editor && !editor.isDestroyed) refreshHighlights(editor.view);
  }, [editor, active]);

  const paragraphs = useTextParagraphs(editor);
  useParagraphSync(editor, paragraphsView);
  const { notice, refuse } = useFrozenNotice(paragraphs, paragraphsView);
  live.current.refuse = refuse;
  live.current.openAtCaret = () => {
    const pid = editor && paragraphAtCaret(editor.state);
    if (!pid) return false;
    showParagraph({ pid, from: 'text' });
    return true;
  };

  const me = useMemo(() => (user ? { id: user.participantId, name: displayName(user) } : null), [user]);
  if (!editor) return null;
  return (
    <div className="editor-layout">
      <div className="editor-main">
        <ParagraphSummary
          editor={editor}
          paragraphs={paragraphs}
          view={paragraphsView}
          onOpen={(pid) => showParagraph({ pid, from: 'text' })}
        />
        <Toolbar
          editor={editor}
          readOnly={readOnly}
          onComment={() => live.current.startComment()}
          controls={contentId}
        />
        <EditorContent editor={editor} className={`editor-frame ${readOnly ? 'read-only' : ''}`} />
        <p className="frozen-notice" role="status" data-testid="frozen-notice">
          {notice}
        </p>
        <AwarenessBar awareness={connection.provider.awareness} />
        {comparing && versions && (
          <CompareView
            doc={connection.doc}
            api={versions}
            version={comparing}
            symbol={proposal.symbol}
            title={proposal.title}
            onClose={() => setComparing(null)}
          />
        )}
      </div>
      <div className="editor-side">
        <ParagraphsPanel
          editor={editor}
          proposal={proposal}
          paragraphs={paragraphs}
          view={paragraphsView}
          open={openParagraph}
          onOpen={showParagraph}
        />
        <BracketList editor={editor} />
        <CommentsPanel
          editor={editor}
          doc={connection.doc}
          me={me}
          readOnly={readOnly}
          draft={draft}
          onDraftDone={() => setDraft(null)}
          active={active}
          onActivate={setActive}
        />
        {versions && (
          <VersionsPanel
            api={versions}
            connection={connection}
            canSave={canSaveVersions}
            comparing={comparing?.id ?? null}
            onCompare={(v) => setComparing((c) => (c?.id === v.id ? null : v))}
          />
        )}
        <AgreedHistory doc={connection.doc} />
        <ExportPanel doc={connection.doc} symbol={proposal.symbol} title={proposal.title} />
      </div>
    </div>
  );
}
