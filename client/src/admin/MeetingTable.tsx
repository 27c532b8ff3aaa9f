import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { MeetingDates } from './MeetingDates';

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
  const control = (action: string) => ({ 'data-meeting': meeting.id, 'data-action': action });
  const title = meeting.title;
  return (
    <tr data-testid="meeting-row">
      <th scope="row">
        <bdi>{title}</bdi>
      </th>
      <td>
        <MeetingDates startsAt={meeting.startsAt} endsAt={meeting.endsAt} zone={meeting.timezone} />
      </td>
      <td>
        <span className={`pill status-${meeting.status}`}>{t(`status.${meeting.status}`)}</span>
      </td>
      <td>{meeting.archived ? t('admin.list.yes') : t('admin.list.no')}</td>
      <td className="admin-number">{meeting.participants}</td>
      <td className="admin-number">{meeting.online}</td>
      <td>
        {asking ? (
          // Confirmed in place: the question, then the action again, or Cancel (Escape too).
          <fieldset
            className="admin-confirm"
            onKeyDown={(e) => {
              if (e.key === 'Escape') onCancel(meeting);
            }}
          >
            <legend>
              {isolatedIn(
                asking.archive
                  ? t('admin.list.confirmArchive', { title: SLOT_VALUE })
                  : t('admin.list.confirmUnarchive', { title: SLOT_VALUE }),
                title,
              )}
            </legend>
            <div className="button-row">
              <button
                type="button"
                className={asking.archive ? 'warn' : 'primary'}
                onClick={() => onConfirm(meeting)}
                disabled={busy === meeting.id}
                {...control('confirm')}
              >
                {asking.archive ? t('admin.list.archive') : t('admin.list.unarchive')}
              </button>
              <button type="button" onClick={() => onCancel(meeting)} {...control('cancel')}>
                {t('admin.list.cancel')}
              </button>
            </div>
          </fieldset>
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="primary"
              onClick={() => onOpen(meeting.id)}
              aria-label={t('admin.list.openLabel', { title })}
              {...control('open')}
            >
              {t('admin.list.open')}
            </button>
            <button
              type="button"
              onClick={() => onClone(meeting)}
              aria-label={t('admin.list.cloneLabel', { title })}
              {...control('clone')}
            >
              {t('admin.list.clone')}
            </button>
            {meeting.archived ? (
              <button
                type="button"
                onClick={() => onAsk(meeting, false)}
                aria-label={t('admin.list.unarchiveLabel', { title })}
                {...control('unarchive')}
              >
                {t('admin.list.unarchive')}
              </button>
            ) : (
              <button
                type="button"
                className="warn"
                onClick={() => onAsk(meeting, true)}
                aria-label={t('admin.list.archiveLabel', { title })}
                {...control('archive')}
              >
                {t('admin.list.archive')}
              </button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
