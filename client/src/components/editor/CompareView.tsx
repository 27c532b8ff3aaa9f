import { Fragment, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { colorFor } from '../../../../shared/collab/caretColor';
import { type Block, docParagraphs } from '../../../../shared/collab/schema';
import { authorsOf, blockWriters } from '../../collab/authors';
import { isolate } from '../../collab/bidi';
import { type CompareBlock, compareBlocks, hasChanges } from '../../collab/compare';
import { download, fileNameOf } from '../../collab/export/download';
import { comparisonParagraphs } from '../../collab/export/model';
import { useDocVersion } from '../../collab/hooks';
import { displayName } from '../../collab/identity';
import type { Version, VersionsApi } from '../../collab/versions';

/**
 * The current text against a saved version with revision marks (ITU MOD convention: insertions
 * underlined, deletions struck through), live as the text changes; inserted parts name who typed
 * them. Exports the same comparison as a Word file with tracked changes.
 */
export function CompareView(props: {
  doc: Y.Doc;
  api: VersionsApi;
  version: Version;
  symbol: string;
  title: string;
  onClose: () => void;
}) {
  const { doc, api, version, symbol, title, onClose } = props;
  const { t } = useTranslation();
  const [base, setBase] = useState<Block[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setBase(null);
    setFailed(false);
    api
      .load(version.id)
      .then((old) => {
        if (live) setBase(docParagraphs(old));
        old.destroy();
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [api, version.id]);
  const tick = useDocVersion(doc);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` changes with every edit of `doc`.
  const blocks = useMemo(
    () => (base ? compareBlocks(base, docParagraphs(doc), blockWriters(doc)) : null),
    [base, doc, tick],
  );
  const authors = authorsOf(doc);
  const authorOf = (writer: number | undefined) => {
    const a = writer === undefined ? undefined : authors.get(String(writer));
    return a ? { name: displayName(a), color: colorFor(a.participantId) } : null;
  };
  const heading = t('compare.heading', { name: isolate(version.name) });
  return (
    <section className="compare-view" aria-labelledby="compare-heading" data-testid="compare-view">
      <div className="compare-head">
        <h3 id="compare-heading">{heading}</h3>
        <div className="button-row">
          <button
            type="button"
            disabled={!blocks}
            onClick={async () => {
              if (!blocks) return;
              const paragraphs = comparisonParagraphs(blocks, (w) => authorOf(w)?.name ?? 'IRM Room');
              // The Word writer is large: loaded on first export.
              const { wordBlob, wordDocument } = await import('../../collab/export/docx');
              const word = wordDocument(paragraphs, { title: `${symbol} — ${title}`, subtitle: heading });
              download(await wordBlob(word), `${fileNameOf(symbol)}-compare.docx`);
            }}
          >
            {t('compare.export')}
          </button>
          <button type="button" onClick={onClose}>
            {t('compare.close')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('compare.legend')}</p>
      {failed && (
        <p className="error" role="alert">
          {t('versions.loadFailed')}
        </p>
      )}
      {!blocks && !failed && <p className="muted">{t('compare.loading')}</p>}
      {blocks && !hasChanges(blocks) && <p className="muted">{t('compare.noChanges')}</p>}
      {blocks && (
        <div className="compare-text" dir="auto">
          {blocks.map((block, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity across diffs.
            <CompareParagraph key={i} block={block} authorOf={authorOf} />
          ))}
        </div>
      )}
    </section>
  );
}

function CompareParagraph({
  block,
  authorOf,
}: {
  block: CompareBlock;
  authorOf: (writer: number | undefined) => { name: string; color: string } | null;
}) {
  const { t } = useTranslation();
  const Tag = block.type === 'heading' ? 'h4' : 'p';
  const list = block.list ? (block.list === 'ordered' ? '№ ' : '• ') : '';
  return (
    <Tag className={`compare-block compare-${block.change}`} dir="auto">
      {list && <span aria-hidden="true">{list}</span>}
      {block.segments.map((s, i) => {
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional.
        if (s.change === 'same') return <Fragment key={i}>{s.text}</Fragment>;
        if (s.change === 'del')
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional.
            <del key={i}>
              <span className="sr-only">[{t('compare.deleted')}] </span>
              {s.text}
            </del>
          );
        const author = authorOf(s.writer);
        const label = author
          ? t('compare.insertedBy', { name: isolate(author.name) })
          : t('compare.inserted');
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional.
          <ins key={i} title={label} style={author ? { textDecorationColor: author.color } : undefined}>
            <span className="sr-only">[{label}] </span>
            {s.text}
          </ins>
        );
      })}
    </Tag>
  );
}
