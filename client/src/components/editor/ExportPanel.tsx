import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { docParagraphs } from '../../../../shared/collab/schema';
import { listComments } from '../../collab/comments';
import { wordComments } from '../../collab/export/commentAnchors';
import { download, fileNameOf } from '../../collab/export/download';
import { type CommentLabels, toMarkdown } from '../../collab/export/markdown';
import { textParagraphs } from '../../collab/export/model';
import { atMeetingTime } from '../../collab/textTimes';
import { useRoom } from '../../room/RoomContext';

/**
 * Downloads the current text as Markdown or Word, square brackets kept, with its comments and their
 * replies (a "Comments" section in Markdown, Word comments in .docx).
 */
export function ExportPanel({ doc, symbol, title }: { doc: Y.Doc; symbol: string; title: string }) {
  const { t, i18n } = useTranslation();
  const timezone = useRoom().meeting?.timezone;
  const heading = `${symbol} — ${title}`;
  const time = (ms: number) => atMeetingTime(ms, timezone, i18n.language, t);
  const labels: CommentLabels = {
    heading: t('texts.commentsHeading'),
    byOn: (name, at, quote) => t('texts.commentByOn', { name, time: at, quote }),
    by: (name, at) => t('versions.by', { name, time: at }),
    resolved: t('texts.resolved'),
    time,
  };
  return (
    <section className="side-panel export-panel" aria-labelledby="export-heading">
      <h3 id="export-heading">{t('export.heading')}</h3>
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            download(
              toMarkdown(docParagraphs(doc), heading, { comments: listComments(doc), labels }),
              `${fileNameOf(symbol)}.md`,
              'text/markdown;charset=utf-8',
            )
          }
        >
          {t('export.markdown')}
        </button>
        <button
          type="button"
          onClick={async () => {
            // The Word writer is large: loaded on first export.
            const { wordBlob, wordDocument } = await import('../../collab/export/docx');
            const comments = wordComments(doc, listComments(doc), {
              on: (quote) => t('texts.commentOn', { quote }),
              resolved: `(${t('texts.resolved')})`,
            });
            const word = wordDocument(textParagraphs(docParagraphs(doc)), { title: heading, comments });
            download(await wordBlob(word), `${fileNameOf(symbol)}.docx`);
          }}
        >
          {t('export.docx')}
        </button>
      </div>
    </section>
  );
}
