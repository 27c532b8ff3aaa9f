import { Extension } from '@tiptap/core';
import type { Node as ProseNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import { type Editor, EditorContent, useEditor } from '@tiptap/react';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Proposal, ProposalId, Revision } from '../../../../shared';
import { docParagraphs } from '../../../../shared/collab/schema';
import { compareBlocks } from '../../collab/compare';
import type { DocConnection, DocConnector } from '../../collab/docConnection';
import { contentExtensions } from '../../collab/extensions';
import { useCollabStatus } from '../../collab/hooks';
import type { VersionsApi } from '../../collab/versions';
import { useRoom, useRoomPort } from '../../room/RoomContext';
import { followedParagraph, type ParagraphMark, paragraphMarks } from './following';
import { type MarginInfo, type ProjectorMeta, projectorKey, projectorPlugin } from './projectorPlugin';
import { readOnlyConnector } from './readOnlyConnection';
import { revisionDecorations } from './revisionMarks';
import { scrollToParagraph } from './scrollToParagraph';
import { projectText } from './yToProse';

/** Remote edits arrive in bursts (50 editors may type at once): the projection is redone at most this often. */
const REFRESH_MS = 150;

const ProjectorDecorations = Extension.create({
  name: 'projectorDecorations',
  addProseMirrorPlugins: () => [projectorPlugin()],
});

/** A transaction turning the shown document into `next`, touching only the part that differs. */
function showDoc(editor: Editor, next: ProseNode): Transaction {
  const current = editor.state.doc;
  const tr = editor.state.tr;
  const start = current.content.findDiffStart(next.content);
  if (start === null) return tr;
  const end = current.content.findDiffEnd(next.content);
  if (end) {
    let { a, b } = end;
    const overlap = start - Math.min(a, b);
    if (overlap > 0) {
      a += overlap;
      b += overlap;
    }
    tr.replace(start, a, next.slice(start, b));
    if (tr.doc.eq(next)) return tr;
  }
  // A change the slice could not express: the whole text is replaced (the view still reuses the DOM
  // of unchanged blocks).
  return editor.state.tr.replaceWith(0, current.content.size, next.content);
}

/** The version revision marks are shown against: the latest revision, else the base text. */
function baseVersion(
  proposalId: string,
  revisions: readonly Revision[],
): { id: string; symbol: string | null } {
  const last = revisions[revisions.length - 1];
  // The base text's version id is fixed by the co-editing server (server/collab/doc/baseText.ts).
  return last ? { id: last.versionId, symbol: last.symbol } : { id: `v_base_${proposalId}`, symbol: null };
}

/**
 * A proposal's text on the projector: read-only and live over the collab WebSocket with the view
 * token, drawn by Tiptap with the editor's own content extensions (brackets and formatting look as
 * in the editor), at projector size. The margin numbers each paragraph with its status; the
 * paragraph under consideration is highlighted and scrolled to when it changes (never on edits
 * elsewhere); revision marks show the changes since the latest revision (or the base text).
 *
 * It never writes: there is no Yjs binding (the text is read into the editor, ./yToProse.ts) and the
 * connection relays no local update (./readOnlyConnection.ts).
 */
export function ProjectorText(props: {
  proposal: Proposal;
  /** How to open the text (tests give an in-memory one). */
  connect?: DocConnector;
  versions: VersionsApi | null;
}) {
  const { proposal, connect = readOnlyConnector, versions } = props;
  const { t } = useTranslation();
  const room = useRoomPort();
  const meeting = useRoom().meeting!;
  const headingId = useId();
  const [connection, setConnection] = useState<DocConnection | null>(null);
  useEffect(() => {
    const opened = connect(proposal.id, room.token ?? '');
    setConnection(opened);
    return () => {
      setConnection(null);
      opened.destroy();
    };
  }, [connect, proposal.id, room.token]);
  const status = useCollabStatus(connection);
  const synced = status === 'synced' || !!connection?.everSynced();

  const revisions = meeting.consensus.revisions[proposal.id] ?? [];
  const against = baseVersion(proposal.id, revisions);
  const base = useBaseText(versions, against.id);

  const editor = useEditor({
    extensions: [...contentExtensions(), ProjectorDecorations],
    editable: false,
    editorProps: {
      attributes: {
        class: 'projector-doc',
        // Each paragraph finds its direction: the text may be in any of the six languages.
        dir: 'auto',
      },
    },
  });

  useShownText(editor, synced ? connection : null, base);
  const info = useMarginInfo(proposal.id);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(projectorKey, { info } satisfies ProjectorMeta));
  }, [editor, info]);
  useFollow(editor, info.followed);

  return (
    <section className="projector-text" aria-labelledby={headingId} data-testid="projector-text">
      <h2 id={headingId} className="projector-text-title">
        <span className="proposal-symbol">{proposal.symbol}</span> <bdi>{proposal.title}</bdi>
      </h2>
      {base && (
        <p className="projector-legend">
          {t('projectorText.marks', {
            name: against.symbol ?? t('projectorText.baseText'),
          })}
        </p>
      )}
      {status === 'offline' && <p className="projector-warning">{t('projectorText.offline')}</p>}
      {(status === 'refused' || status === 'replaced' || status === 'overLimit') && (
        <p className="projector-warning">{t('projectorText.refused')}</p>
      )}
      {!synced && status === 'connecting' && <p className="muted">{t('projectorText.connecting')}</p>}
      <TextScroll labelledBy={headingId} hidden={!synced}>
        <EditorContent editor={editor} className="projector-frame" />
      </TextScroll>
    </section>
  );
}

/** The text, scrolling under its title (which stays), as a group named after the proposal. */
function TextScroll({
  labelledBy,
  hidden,
  children,
}: {
  labelledBy: string;
  hidden: boolean;
  children: ReactNode;
}) {
  return (
    // A group, not a fieldset (no form here); focusable, for a region that scrolls is reachable by
    // keyboard only so.
    // biome-ignore lint/a11y/useSemanticElements: see above.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above.
    <div className="projector-scroll" role="group" aria-labelledby={labelledBy} tabIndex={0} hidden={hidden}>
      {children}
    </div>
  );
}

/** The text a revision marks are shown against, or null (none, not loaded, or not found). */
function useBaseText(versions: VersionsApi | null, versionId: string): Y.Doc | null {
  const [base, setBase] = useState<Y.Doc | null>(null);
  useEffect(() => {
    if (!versions) return;
    let live = true;
    let loaded: Y.Doc | null = null;
    versions
      .load(versionId)
      .then((doc) => {
        loaded = doc;
        if (live) setBase(doc);
        else doc.destroy();
      })
      // No base text (a proposal created without one) or the server is away: no marks, the text only.
      .catch(() => live && setBase(null));
    return () => {
      live = false;
      setBase(null);
      loaded?.destroy();
    };
  }, [versions, versionId]);
  return base;
}

/** Keeps the editor showing the shared text (and its revision marks), redone after remote changes. */
function useShownText(editor: Editor | null, connection: DocConnection | null, base: Y.Doc | null) {
  useEffect(() => {
    if (!editor || !connection) return;
    const doc = connection.doc;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      if (editor.isDestroyed) return;
      const shown = projectText(doc, editor.schema);
      const revisions = base
        ? revisionDecorations(shown.doc, compareBlocks(docParagraphs(base), docParagraphs(doc)))
        : [];
      const meta: ProjectorMeta = { blocks: shown.blocks, revisions };
      editor.view.dispatch(
        showDoc(editor, shown.doc).setMeta(projectorKey, meta).setMeta('addToHistory', false),
      );
    };
    const schedule = () => {
      timer ??= setTimeout(refresh, REFRESH_MS);
    };
    refresh();
    doc.on('update', schedule);
    return () => {
      doc.off('update', schedule);
      if (timer) clearTimeout(timer);
    };
  }, [editor, connection, base]);
}

/** The margin's statuses and the followed paragraph from the meeting state, in the UI language. */
function useMarginInfo(proposalId: ProposalId): MarginInfo {
  const { t } = useTranslation();
  const consensus = useRoom().meeting!.consensus;
  return useMemo(() => {
    const statusLabel = Object.fromEntries(
      (['open', 'ad-referendum', 'agreed', 'checking'] as const).map((m) => [
        m,
        t(`projectorText.status.${m}`),
      ]),
    ) as Record<ParagraphMark, string>;
    return {
      marks: paragraphMarks(consensus, proposalId),
      followed: followedParagraph(consensus, proposalId),
      numberLabel: (number: number) => t('projectorText.paragraph', { number }),
      statusLabel,
    };
  }, [consensus, proposalId, t]);
}

/**
 * Scrolls the followed paragraph's start to the top of the text panel (./scrollToParagraph.ts) when
 * the paragraph followed changes, or when it first appears in the text, and again (at once) when the text's width changes (the countdown opening
 * beside it re-wraps every line); edits elsewhere never move the screen.
 */
function useFollow(editor: Editor | null, followed: string | null) {
  const scrolled = useRef<string | null>(null);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const followedDom = () => {
      const at = projectorKey.getState(editor.state)?.followedAt;
      if (at === null || at === undefined) return null;
      const dom = editor.view.nodeDOM(at);
      return dom instanceof HTMLElement ? dom : null;
    };
    const check = () => {
      if (followed === null) {
        scrolled.current = null;
        return;
      }
      if (scrolled.current === followed) return;
      const dom = followedDom();
      if (!dom) return;
      scrolled.current = followed;
      const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      scrollToParagraph(dom, reduced ? 'auto' : 'smooth');
    };
    check();
    editor.on('transaction', check);
    let width = editor.view.dom.clientWidth;
    const resized =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            const now = editor.view.dom.clientWidth;
            if (now === width) return;
            width = now;
            const dom = followed !== null && scrolled.current === followed ? followedDom() : null;
            if (dom) scrollToParagraph(dom, 'auto');
          });
    resized?.observe(editor.view.dom);
    return () => {
      editor.off('transaction', check);
      resized?.disconnect();
    };
  }, [editor, followed]);
}
