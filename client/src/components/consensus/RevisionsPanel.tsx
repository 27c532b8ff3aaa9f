import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Proposal, Revision } from '../../../../shared';
import { download } from '../../collab/export/download';
import type { VersionsApi } from '../../collab/versions';
import { useRoom, useTimeFormat } from '../../room/RoomContext';
import { iCan, participantOf } from '../../room/selectors';
import { PublishRevision } from './PublishRevision';
import { useRevisionStatuses } from './revisionStatuses';

type Export = 'clean' | 'compared';

/**
 * The numbered revisions of a proposal (`symbol/Rev.N`, each freezing the text and its paragraph
 * statuses): "Publish Rev.N" for the presiding officer and the secretariat (confirmed first); each revision with when
 * (meeting time) and by whom it was published, its paragraphs by status, and its two Word files:
 * the clean text, and the comparison with the revision before (the base text for Rev.1) as tracked
 * changes with their authors, both opening with the paragraphs' statuses as the revision froze them.
 */
export function RevisionsPanel({ proposal, api }: { proposal: Proposal; api: VersionsApi | null }) {
  const { t } = useTranslation();
  const state = useRoom();
  const meeting = state.meeting!;
  const revisions = meeting.consensus.revisions[proposal.id] ?? [];
  const [said, setSaid] = useState('');
  const headingId = useId();
  const next = `Rev.${revisions.length + 1}`;
  const onPublished = useCallback(
    () => setSaid(t('consensus.revisions.published', { symbol: `${proposal.symbol}/${next}` })),
    [t, proposal.symbol, next],
  );
  if (proposal.kind !== 'proposal') return null;
  const canPublish = iCan(state, 'proposal.publishRevision');
  if (!canPublish && revisions.length === 0) return null;
  return (
    <section className="side-panel revisions-panel" aria-labelledby={headingId} data-testid="revisions">
      <h3 id={headingId}>{t('consensus.revisions.heading')}</h3>
      {canPublish && <PublishRevision proposal={proposal} next={next} onPublished={onPublished} />}
      <p className="sr-only" role="status">
        {said}
      </p>
      {revisions.length === 0 ? (
        <p className="muted small">{t('consensus.revisions.none')}</p>
      ) : (
        <ul className="revision-list">
          {[...revisions].reverse().map((r) => (
            <RevisionRow
              key={r.number}
              proposal={proposal}
              revision={r}
              previous={revisions[r.number - 2]}
              api={api}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function RevisionRow(props: {
  proposal: Proposal;
  revision: Revision;
  previous: Revision | undefined;
  api: VersionsApi | null;
}) {
  const { proposal, revision, previous, api } = props;
  const { t } = useTranslation();
  const meeting = useRoom().meeting!;
  const time = useTimeFormat();
  const statusesOf = useRevisionStatuses();
  const titleId = useId();
  const [working, setWorking] = useState<Export | null>(null);
  const [failed, setFailed] = useState(false);
  const by = participantOf(meeting, revision.publishedBy);
  const counts = { agreed: 0, 'ad-referendum': 0, open: 0 };
  for (const p of revision.paragraphs) counts[p.status]++;

  // aria-disabled rather than disabled while a file is made: the focus stays on the button pressed.
  const run = async (kind: Export) => {
    if (!api || working) return;
    setWorking(kind);
    setFailed(false);
    const docs: Y.Doc[] = [];
    try {
      // The Word writer is large: loaded on first export.
      const files = await import('../../collab/export/revisions');
      const text = await api.load(revision.versionId);
      docs.push(text);
      const title = `${revision.symbol} — ${proposal.title}`;
      const statuses = statusesOf(revision);
      if (kind === 'clean') {
        download(
          await files.cleanDocx(text, { title, statuses }),
          files.revisionFileName(revision.symbol, false),
        );
        return;
      }
      const before = previous ? await api.load(previous.versionId) : await files.baseTextOf(api, proposal.id);
      docs.push(before);
      const blob = await files.comparisonDocx(before, text, {
        title,
        subtitle: previous
          ? t('consensus.revisions.comparedWith', { symbol: previous.symbol })
          : t('consensus.revisions.comparedWithBase'),
        unknownAuthor: t('texts.unknownAuthor'),
        statuses,
      });
      download(blob, files.revisionFileName(revision.symbol, true));
    } catch {
      // Its version not saved yet (just published), or the network: say so, the button stays.
      setFailed(true);
    } finally {
      for (const doc of docs) doc.destroy();
      setWorking(null);
    }
  };

  return (
    <li className="revision" data-testid="revision">
      <p className="revision-title" id={titleId}>
        <bdi className="proposal-symbol">{revision.symbol}</bdi>
      </p>
      <p className="muted small">
        {t('consensus.revisions.publishedAt', { time: time(revision.publishedAt, 'meeting') })}
        {by && (
          <>
            {' · '}
            {t('consensus.revisions.by')} <bdi>{by.name}</bdi>
          </>
        )}
      </p>
      <p className="small" data-testid="revision-counts">
        {t('consensus.revisions.counts', {
          total: revision.paragraphs.length,
          agreed: counts.agreed,
          adRef: counts['ad-referendum'],
          open: counts.open,
        })}
      </p>
      <div className="button-row">
        <button
          type="button"
          aria-describedby={titleId}
          aria-disabled={!api || working !== null}
          onClick={() => void run('clean')}
        >
          {t('consensus.revisions.download')}
        </button>
        <button
          type="button"
          aria-describedby={titleId}
          aria-disabled={!api || working !== null}
          onClick={() => void run('compared')}
        >
          {previous
            ? t('consensus.revisions.compare', { symbol: `Rev.${previous.number}` })
            : t('consensus.revisions.compareBase')}
        </button>
      </div>
      {working && (
        <p className="muted small" role="status">
          {t('consensus.revisions.preparing')}
        </p>
      )}
      {failed && (
        <p className="error small" role="alert">
          {t('consensus.revisions.failed')}
        </p>
      )}
    </li>
  );
}
