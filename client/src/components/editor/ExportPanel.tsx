import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { docParagraphs } from '../../../../shared/collab/schema';
import { download, fileNameOf } from '../../collab/export/download';
import { toMarkdown } from '../../collab/export/markdown';
import { textParagraphs } from '../../collab/export/model';

/** Downloads the current text as Markdown or Word, square brackets kept. */
export function ExportPanel({ doc, symbol, title }: { doc: Y.Doc; symbol: string; title: string }) {
  const { t } = useTranslation();
  const heading = `${symbol} — ${title}`;
  return (
    <section className="side-panel export-panel" aria-labelledby="export-heading">
      <h3 id="export-heading">{t('export.heading')}</h3>
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            download(
              toMarkdown(docParagraphs(doc), heading),
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
            const word = wordDocument(textParagraphs(docParagraphs(doc)), { title: heading });
            download(await wordBlob(word), `${fileNameOf(symbol)}.docx`);
          }}
        >
          {t('export.docx')}
        </button>
      </div>
    </section>
  );
}
