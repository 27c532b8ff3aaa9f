import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { MeetingDates } from './MeetingDates';
import { ConfirmInPlace, RowButtons } from './RowActions';

interface MeetingTableProps {
  caption: string;
  meetings: MeetingSummary[];
  onOpen: (meetingId: string) => void;
  onClone: (meeting: MeetingSummary) => void;
  /** Asks to archive (true) or bring back (false): the row then asks for confirmation. */
  onAsk: (meeting: MeetingSummary, archive: boolean) => void;
  onConfirm: (meeting: MeetingSummary) => void;
  onCancel: (meeting: MeetingSummary) => void;
  confirming: { id: string; archive: boolean } | null;
  busy: string | null;
}

/**
 * One table of meetings. Each row's title is its header, and each button names the meeting it acts
 * on after its visible word ("Open IRM-2"), so a screen reader's list of buttons is not ten "Open".
 * On a phone the rows are laid out as cards, each cell after its column's name (`data-label`, shown
 * by the style sheet only: a screen reader has the column headers already).
 */
export function MeetingTable({ caption, meetings, ...actions }: MeetingTableProps) {
  const { t } = useTranslation();
  return (
    <div className="admin-table-scroll">
      <table className="admin-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.list.title')}</th>
            <th scope="col">{t('admin.list.dates')}</th>
            <th scope="col">{t('admin.list.status')}</th>
            <th scope="col">{t('admin.list.archived')}</th>
            <th scope="col" className="admin-number">
              {t('admin.list.participants')}
            </th>
            <th scope="col" className="admin-number">
              {t('admin.list.online')}
            </th>
            <th scope="col">{t('admin.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <MeetingRow key={meeting.id} meeting={meeting} {...actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The action that archives a meeting, or brings it back (its words are named after it). */
const verb = (archive: boolean): 'archive' | 'unarchive' => (archive ? 'archive' : 'unarchive');

function MeetingRow({
  meeting,
  onOpen,
  onClone,
  onAsk,
  onConfirm,
  onCancel,
  confirming,
  busy,
}: Omit<MeetingTableProps, 'caption' | 'meetings'> & { meeting: MeetingSummary }) {
  const { t } = useTranslation();
  const asking = confirming?.id === meeting.id ? confirming : null;
  const marks = { 'data-meeting': meeting.id };
  // What the row offers: archiving one in use, bringing back an archived one.
  const next = verb(!meeting.archived);
  const title = meeting.title;
  return (
    <>
      <tr data-testid="meeting-row" className={asking ? 'admin-asking' : undefined}>
        <th scope="row">
          <bdi>{title}</bdi>
        </th>
        <td data-label={t('admin.list.dates')}>
          <MeetingDates startsAt={meeting.startsAt} endsAt={meeting.endsAt} zone={meeting.timezone} />
        </td>
        <td data-label={t('admin.list.status')}>
          <span className={`pill status-${meeting.status}`}>{t(`status.${meeting.status}`)}</span>
        </td>
        <td data-label={t('admin.list.archived')}>
          {meeting.archived ? t('admin.list.yes') : t('admin.list.no')}
        </td>
        <td className="admin-number" data-label={t('admin.list.participants')}>
          {meeting.participants}
        </td>
        <td className="admin-number" data-label={t('admin.list.online')}>
          {meeting.online}
        </td>
        {/* While the question is asked below, the buttons keep their place (nothing moves) but
            are out of reach (inert) and out of sight. */}
        <td className="admin-row-actions" inert={asking !== null}>
          <RowButtons
            marks={marks}
            actions={[
              {
                action: 'open',
                word: t('admin.list.open'),
                label: t('admin.list.openLabel', { title }),
                className: 'primary',
                onClick: () => onOpen(meeting.id),
              },
              {
                action: 'clone',
                word: t('admin.list.clone'),
                label: t('admin.list.cloneLabel', { title }),
                onClick: () => onClone(meeting),
              },
              {
                action: next,
                word: t(`admin.list.${next}`),
                label: t(`admin.list.${next}Label`, { title }),
                className: next === 'archive' ? 'warn' : undefined,
                onClick: () => onAsk(meeting, next === 'archive'),
              },
            ]}
          />
        </td>
      </tr>
      {/* The question under the row, across the table: a sentence, not a column of words. */}
      {asking && (
        <tr className="admin-confirm-row">
          <td colSpan={7}>
            <ConfirmInPlace
              question={isolatedIn(
                asking.archive
                  ? t('admin.list.confirmArchive', { title: SLOT_VALUE })
                  : t('admin.list.confirmUnarchive', { title: SLOT_VALUE }),
                title,
              )}
              marks={marks}
              confirm={{
                action: 'confirm',
                word: t(`admin.list.${verb(asking.archive)}`),
                className: asking.archive ? 'warn' : 'primary',
                disabled: busy === meeting.id,
                onClick: () => onConfirm(meeting),
              }}
              cancel={{ action: 'cancel', word: t('admin.list.cancel'), onClick: () => onCancel(meeting) }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
