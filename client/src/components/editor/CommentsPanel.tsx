import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { COLLAB_LIMITS } from '../../../../shared/collab/limits';
import { isolate } from '../../collab/bidi';
import {
  addComment,
  type LiveComment,
  listComments,
  replyTo,
  setResolved,
  type Writer,
} from '../../collab/comments';
import { useDocVersion } from '../../collab/hooks';
import { showRange } from './BracketList';

/** A comment being written on the selected range. */
export interface CommentDraft {
  from: number;
  to: number;
  quote: string;
}

/**
 * Comments on ranges of the text, visible to everyone with the text open: add one on the selection,
 * reply, resolve or reopen. Each shows the words it was made on; clicking them selects the range.
 */
export function CommentsPanel(props: {
  editor: Editor;
  doc: Y.Doc;
  me: Writer | null;
  readOnly: boolean;
  draft: CommentDraft | null;
  onDraftDone: () => void;
  active: string | null;
  onActivate: (id: string | null) => void;
}) {
  const { editor, doc, me, readOnly, draft, onDraftDone, active, onActivate } = props;
  const { t } = useTranslation();
  useDocVersion(doc);
  const comments = listComments(doc);
  const open = comments.filter((c) => !c.resolved);
  const resolved = comments.filter((c) => c.resolved);
  const canWrite = !readOnly && !!me;
  const item = (c: LiveComment) => (
    <CommentItem
      key={c.id}
      comment={c}
      canWrite={canWrite}
      active={c.id === active}
      onShow={() => {
        onActivate(c.id);
        if (c.range) showRange(editor, c.range);
      }}
      onReply={(text) => me && replyTo(doc, c.id, text, me)}
      onResolve={(value) => setResolved(doc, c.id, value)}
    />
  );
  return (
    <section className="side-panel comments-panel" aria-labelledby="comments-heading">
      <h3 id="comments-heading">
        {t('comments.heading')} <small>({open.length})</small>
      </h3>
      {draft && canWrite && (
        <NewComment
          draft={draft}
          onCancel={() => {
            onDraftDone();
            editor.commands.focus();
          }}
          onSave={(text) => {
            const id = addComment(doc, { ...draft, text, author: me! });
            onDraftDone();
            if (id) onActivate(id);
          }}
        />
      )}
      {!draft && canWrite && <p className="muted small">{t('comments.howTo')}</p>}
      {open.length === 0 && !draft ? (
        <p className="muted small">{t('comments.empty')}</p>
      ) : (
        <ul className="comment-list" data-testid="comments">
          {open.map(item)}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="resolved-comments">
          <summary>{t('comments.showResolved', { n: resolved.length })}</summary>
          <ul className="comment-list">{resolved.map(item)}</ul>
        </details>
      )}
    </section>
  );
}

function NewComment(props: { draft: CommentDraft; onSave: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="stack-form comment-form"
      aria-label={t('comments.add')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Escape closes this form, not the whole text.
        e.stopPropagation();
        props.onCancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) props.onSave(text.trim());
      }}
    >
      <p className="comment-quote small" dir="auto">
        {t('comments.on', { quote: isolate(short(props.draft.quote)) })}
      </p>
      <label>
        {t('comments.text')}
        <textarea
          ref={ref}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={3}
          maxLength={COLLAB_LIMITS.commentChars}
          required
          dir="auto"
        />
      </label>
      <div className="button-row">
        <button type="submit" className="primary">
          {t('comments.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('comments.cancel')}
        </button>
      </div>
    </form>
  );
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

function CommentItem(props: {
  comment: LiveComment;
  canWrite: boolean;
  active: boolean;
  onShow: () => void;
  onReply: (text: string) => void;
  onResolve: (resolved: boolean) => void;
}) {
  const { comment: c, canWrite } = props;
  const { t, i18n } = useTranslation();
  const [reply, setReply] = useState('');
  const when = (ms: number) => new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(ms);
  return (
    <li className={`comment ${props.active ? 'comment-active' : ''} ${c.resolved ? 'comment-resolved' : ''}`}>
      {c.range ? (
        <button type="button" className="link-button comment-quote" onClick={props.onShow} dir="auto">
          {t('comments.on', { quote: isolate(short(c.quote)) })}
        </button>
      ) : (
        <p className="comment-quote muted small">
          <s dir="auto">{short(c.quote)}</s> — {t('comments.textGone')}
        </p>
      )}
      <p className="comment-body" dir="auto">
        <strong>{c.authorName}</strong> <span className="muted small">{when(c.createdAt)}</span>
        <br />
        {c.text}
      </p>
      {c.replies.length > 0 && (
        <ul className="replies">
          {c.replies.map((r) => (
            <li key={r.id} dir="auto">
              <strong>{r.authorName}</strong> <span className="muted small">{when(r.createdAt)}</span>
              <br />
              {r.text}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <div className="comment-actions">
          {!c.resolved && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!reply.trim()) return;
                props.onReply(reply.trim());
                setReply('');
              }}
            >
              <input
                aria-label={t('comments.replyTo', { name: isolate(c.authorName) })}
                placeholder={t('comments.reply')}
                value={reply}
                onChange={(e) => setReply(e.target.value)}
                maxLength={COLLAB_LIMITS.commentChars}
                dir="auto"
              />
              <button type="submit">{t('comments.send')}</button>
            </form>
          )}
          <button type="button" onClick={() => props.onResolve(!c.resolved)}>
            {c.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
    </li>
  );
}
