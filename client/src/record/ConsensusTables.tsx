import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ParagraphStatus, RecordParagraphStatus, RecordProposal } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { ChecksTable } from './ChecksTable';
import { RecordTime } from './RecordTime';
import type { RecordClock } from './recordClock';
import { RecordTable } from './TableScroll';

/** The key of each status's word (record.consensus.status*). */
const STATUS_KEY = {
  open: 'statusOpen',
  'ad-referendum': 'statusAdReferendum',
  agreed: 'statusAgreed',
} as const satisfies Record<ParagraphStatus, string>;

/** Whether anything of paragraph consensus happened to the text. */
const hasConsensus = ({ consensus: c }: RecordProposal): boolean =>
  c.checks.length + c.statuses.length + c.revisions.length + c.links.length > 0;

const joined = (language: string, list: string[]) =>
  new Intl.ListFormat(language, { type: 'conjunction' }).format(list);

function statusText(s: RecordParagraphStatus, t: TFunction, language: string) {
  if (s.status === 'ad-referendum' && s.delegations.length > 0)
    return isolatedIn(
      t('record.consensus.adReferendumOf', { delegations: SLOT_VALUE }),
      joined(language, s.delegations),
    );
  return t(`record.consensus.${STATUS_KEY[s.status]}`);
}

/**
 * How a text was agreed paragraph by paragraph, under a heading of `level`: its calls for
 * objections, its paragraphs' changes of status, its revisions and the interventions linked to its
 * paragraphs, each a captioned table (only those with rows). `interventionNumbers`: each
 * intervention's number in the item's table, to refer a link to it. Nothing for a text never checked.
 */
export function ConsensusTables(props: {
  proposal: RecordProposal;
  clock: RecordClock;
  level: 4 | 5;
  interventionNumbers: ReadonlyMap<string, number>;
}) {
  const { proposal, clock, level, interventionNumbers } = props;
  const { t, i18n } = useTranslation();
  if (!hasConsensus(proposal)) return null;
  const c = proposal.consensus;
  const values = { symbol: proposal.symbol, offset: clock.offset };
  const Heading = level === 4 ? 'h4' : 'h5';
  const checkNumber = new Map<string, number>(c.checks.map((check, i) => [check.checkId, i + 1]));
  const statusesCaption = t('record.consensus.statuses', values);
  const revisionsCaption = t('record.consensus.revisions', values);
  const linksCaption = t('record.consensus.links', values);
  return (
    <div className="record-consensus" data-testid="record-consensus">
      <Heading>{t('record.consensus.heading', { symbol: proposal.symbol })}</Heading>
      {c.checks.length > 0 && (
        <ChecksTable checks={c.checks} caption={t('record.consensus.checks', values)} clock={clock} />
      )}
      {c.statuses.length > 0 && (
        <RecordTable
          caption={statusesCaption}
          columns={[
            t('record.consensus.paragraph'),
            t('record.consensus.status'),
            t('record.consensus.by'),
            t('record.consensus.at'),
            t('record.consensus.check'),
          ]}
        >
          {c.statuses.map((s, index) => (
            // Changes have no id of their own; their order is the log's and never shifts.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <tr key={index}>
              <th scope="row">{s.paragraph}</th>
              <td>{statusText(s, t, i18n.language)}</td>
              <td>{s.by ? <bdi>{s.by.name}</bdi> : <span className="muted">{t('record.none')}</span>}</td>
              <td>
                <RecordTime time={s.at} clock={clock} seconds />
              </td>
              <td>
                {s.checkId
                  ? t('record.consensus.byCheck', { number: checkNumber.get(s.checkId) ?? '?' })
                  : t('record.consensus.directly')}
              </td>
            </tr>
          ))}
        </RecordTable>
      )}
      {c.revisions.length > 0 && (
        <RecordTable
          caption={revisionsCaption}
          columns={[
            t('record.consensus.revision'),
            t('record.consensus.published'),
            t('record.consensus.by'),
            t('record.consensus.count'),
            t('record.consensus.statusOpen'),
            t('record.consensus.statusAdReferendum'),
            t('record.consensus.statusAgreed'),
          ]}
        >
          {c.revisions.map((r) => (
            <tr key={r.number}>
              <th scope="row">
                <bdi>{r.symbol}</bdi>
              </th>
              <td>
                <RecordTime time={r.publishedAt} clock={clock} seconds />
              </td>
              <td>
                <bdi>{r.publishedBy.name}</bdi>
              </td>
              <td>{r.paragraphs}</td>
              <td>{r.counts.open}</td>
              <td>{r.counts['ad-referendum']}</td>
              <td>{r.counts.agreed}</td>
            </tr>
          ))}
        </RecordTable>
      )}
      {c.links.length > 0 && (
        <RecordTable
          caption={linksCaption}
          columns={[
            t('record.consensus.paragraph'),
            t('record.consensus.delegation'),
            t('record.consensus.speaker'),
            t('record.consensus.note'),
            t('record.consensus.at'),
            t('record.consensus.intervention'),
          ]}
        >
          {c.links.map((l) => {
            const number = l.interventionId ? interventionNumbers.get(l.interventionId) : undefined;
            return (
              <tr key={l.linkId}>
                <th scope="row">{l.paragraph}</th>
                <td>
                  <bdi>{l.delegation}</bdi>
                </td>
                <td>
                  <bdi>{l.speaker.name}</bdi>
                </td>
                <td>{l.note ? <bdi>{l.note}</bdi> : <span className="muted">{t('record.none')}</span>}</td>
                <td>
                  <RecordTime time={l.at} clock={clock} seconds />
                </td>
                <td>
                  {number !== undefined
                    ? t('record.consensus.interventionNo', { number })
                    : l.interventionId
                      ? t('record.none')
                      : t('record.consensus.stillSpeaking')}
                </td>
              </tr>
            );
          })}
        </RecordTable>
      )}
    </div>
  );
}
