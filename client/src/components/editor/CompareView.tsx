import { Fragment, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { colorFor } from '../../../../shared/collab/caretColor';
import { docParagraphs } from '../../../../shared/collab/schema';
import { attributionOf } from '../../collab/attribution';
import { authorsOf } from '../../collab/authors';
import { isolate } from '../../collab/bidi';
import { listComments } from '../../collab/comments';
import { type CompareBlock, compareBlocks, hasChanges } from '../../collab/compare';
import { onComparison, wordComments } from '../../collab/export/commentAnchors';
import { download, fileNameOf } from '../../collab/export/download';
import { comparisonMarkdown } from '../../collab/export/markdown';
import { comparisonParagraphs } from '../../collab/export/model';
import { useDocVersion } from '../../collab/hooks';
import { displayName } from '../../collab/identity';
import { atMeetingTime, versionName } from '../../collab/textTimes';
import type { Version, VersionsApi } from '../../collab/versions';
import { useRoom } from '../../room/RoomContext';

type Segment = CompareBlock['segments'][number];

/**
 * The current text against a saved version with revision marks (ITU MOD convention: insertions
 * underlined, deletions struck through), live as the text changes; every insertion and deletion
 * names who made it and when (from the text's edit log, ../../collab/attribution.ts). Exports the
 * same comparison as a Word file with tracked changes, or Markdown with CriticMarkup.
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
  const { t, i18n } = useTranslation();
  const timezone = useRoom().meeting?.timezone;
  const [base, setBase] = useState<Y.Doc | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    let loaded: Y.Doc | null = null;
    setBase(null);
    setFailed(false);
    api
      .load(version.id)
      .then((old) => {
        loaded = old;
        if (live) setBase(old);
        else old.destroy();
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      loaded?.destroy();
    };
  }, [api, version.id]);
  const tick = useDocVersion(doc);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` changes with every edit of `doc`.
  const blocks = useMemo(
    () => (base ? compareBlocks(docParagraphs(base), docParagraphs(doc), attributionOf(doc, base)) : null),
    [base, doc, tick],
  );
  const authors = authorsOf(doc);
  const authorOf = (writer: number | undefined) => {
    const a = writer === undefined ? undefined : authors.get(String(writer));
    return a ? { name: displayName(a), color: colorFor(a.participantId) } : null;
  };
  const when = (ms: number) => atMeetingTime(ms, timezone, i18n.language, t);
  /** "inserted by Name (Delegation), 01/12/2026, 14:05 (meeting time)", as far as it is known. */
  const creditOf = (s: Segment): string => {
    const author = authorOf(s.writer);
    const name = author ? isolate(author.name) : null;
    const time = s.at !== undefined ? isolate(when(s.at)) : null;
    if (s.change === 'ins') {
      if (name && time) return t('texts.insertedByAt', { name, time });
      return name ? t('compare.insertedBy', { name }) : t('compare.inserted');
    }
    if (name && time) return t('texts.deletedByAt', { name, time });
    return name ? t('texts.deletedBy', { name }) : t('compare.deleted');
  };
  const heading = t('compare.heading', { name: isolate(versionName(version, t)) });
  const fullTitle = `${symbol} — ${title}`;
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
              const paragraphs = comparisonParagraphs(
                blocks,
                (w) => authorOf(w)?.name ?? t('texts.unknownAuthor'),
              );
              // The Word writer is large: loaded on first export.
              const { wordBlob, wordDocument } = await import('../../collab/export/docx');
              const comments = onComparison(
                wordComments(doc, listComments(doc), {
                  on: (quote) => t('texts.commentOn', { quote }),
                  resolved: `(${t('texts.resolved')})`,
                }),
                blocks,
              );
              const word = wordDocument(paragraphs, { title: fullTitle, subtitle: heading, comments });
              download(await wordBlob(word), `${fileNameOf(symbol)}-compare.docx`);
            }}
          >
            {t('compare.export')}
          </button>
          <button
            type="button"
            disabled={!blocks}
            onClick={() =>
              blocks &&
              download(
                comparisonMarkdown(blocks, `${fullTitle}: ${heading}`, creditOf),
                `${fileNameOf(symbol)}-compare.md`,
                'text/markdown;charset=utf-8',
              )
            }
          >
            {t('texts.exportMarkdown')}
          </button>
          <button type="button" onClick={onClose}>
            {t('compare.close')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('texts.legend')}</p>
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
            <CompareParagraph key={i} block={block} authorOf={authorOf} creditOf={creditOf} />
          ))}
        </div>
      )}
    </section>
  );
}

function CompareParagraph({
  block,
  authorOf,
  creditOf,
}: {
  block: CompareBlock;
  authorOf: (writer: number | undefined) => { name: string; color: string } | null;
  creditOf: (segment: Segment) => string;
}) {
  const Tag = block.type === 'heading' ? 'h4' : 'p';
  const list = block.list ? (block.list === 'ordered' ? '№ ' : '• ') : '';
  return (
    <Tag className={`compare-block compare-${block.change}`} dir="auto">
      {list && <span aria-hidden="true">{list}</span>}
      {block.segments.map((s, i) => {
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional.
        if (s.change === 'same') return <Fragment key={i}>{s.text}</Fragment>;
        const author = authorOf(s.writer);
        const label = creditOf(s);
        const Mark = s.change === 'del' ? 'del' : 'ins';
        return (
          <Mark
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional.
            key={i}
            title={label}
            style={author ? { textDecorationColor: author.color } : undefined}
          >
            <span className="sr-only">[{label}] </span>
            {s.text}
          </Mark>
        );
      })}
    </Tag>
  );
}
