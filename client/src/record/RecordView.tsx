import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from '../../../shared';
import { useRoom, useRoomPort } from '../room/RoomContext';
import { AttendanceSection } from './AttendanceSection';
import { recordApi } from './api';
import { ExportsSection } from './ExportsSection';
import { FailureAlert } from './FailureAlert';
import { InterventionsTable } from './InterventionsTable';
import { ItemsTable } from './ItemsTable';
import { ProposalHistory } from './ProposalHistory';
import { recordClock } from './recordClock';
import { SpeakingTimeSection } from './SpeakingTimeSection';
import { useMeetingRecord } from './useMeetingRecord';

/** How the record view is opened and left (RoomView, with useRecordView). */
export interface RecordViewProps {
  /** "Back to the meeting". */
  onClose: () => void;
  /** Opens a text in the room's editor: the new draft of the chair's summary. */
  onOpenText: (proposalId: string) => void;
  /** A new value moves the focus to the view's heading (each time it is opened). */
  focusRequest: number;
}

/** Texts under no item refer to no item's table of interventions. */
const NO_NUMBERS: ReadonlyMap<string, number> = new Map();

/** Whether the record still changes: while the meeting is in session or suspended. */
const isLive = (status: MeetingStatus | undefined) => status === 'open' || status === 'suspended';

/**
 * The record of the meeting for the chair, the vice-chairs and the secretariat: the agenda items
 * against their plan (each item's interventions and proposals on demand, with how each text was
 * agreed paragraph by paragraph), texts under no item that were, attendance, speaking time
 * against each region's share, the exports and the draft chair's summary. Live while the meeting
 * runs: loaded again as the room's events arrive (throttled), the current item's time ticking.
 */
export function RecordView({ onClose, onOpenText, focusRequest }: RecordViewProps) {
  const { t, i18n } = useTranslation();
  const state = useRoom();
  const room = useRoomPort();
  const meetingId = state.meeting?.id ?? '';
  const api = useMemo(() => recordApi(meetingId, room.token ?? ''), [meetingId, room.token]);
  const live = useMeetingRecord(api, state.seq);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new request moves the focus again.
  useEffect(() => heading.current?.focus(), [focusRequest]);
  const record = live.record;
  const clock = useMemo(() => (record ? recordClock(record, i18n.language) : null), [record, i18n.language]);
  const status = state.meeting?.status;
  return (
    <section
      className="panel record"
      id="record-view"
      aria-labelledby="record-heading"
      data-testid="record-view"
    >
      <div className="record-head">
        <h2 id="record-heading" ref={heading} tabIndex={-1}>
          {t('record.heading')}
        </h2>
        <button type="button" onClick={onClose} data-testid="record-back">
          {t('record.back')}
        </button>
      </div>
      {record && clock && (
        <p className="record-asof" data-testid="record-asof">
          <time dateTime={record.meeting.asOf} title={clock.long(record.meeting.asOf)}>
            {t('record.asOf', { time: clock.short(record.meeting.asOf), offset: clock.offset })}
          </time>
          {isLive(status) && <span className="record-live"> · {t('record.live')}</span>}
          {status === 'closed' && <span> · {t('record.final')}</span>}
        </p>
      )}
      {live.error !== null && (
        <FailureAlert
          failure={{ task: 'load', error: live.error }}
          onRetry={() => {
            // The alert (and this button) goes once the record comes: the focus waits on the heading.
            heading.current?.focus();
            live.retry();
          }}
        />
      )}
      {!record && live.error === null && (
        <p className="muted" role="status">
          {t('record.loading')}
        </p>
      )}
      {record && clock && (
        <>
          <ExportsSection api={api} onOpenText={onOpenText} />
          <ItemsTable record={record} clock={clock} />
          {record.outsideAgenda.length > 0 && (
            <section className="record-section" aria-labelledby="record-outside-heading">
              <h3 id="record-outside-heading">{t('record.outside.heading')}</h3>
              <InterventionsTable
                interventions={record.outsideAgenda}
                caption={t('record.outside.caption', { offset: clock.offset })}
                clock={clock}
              />
            </section>
          )}
          {record.unlinkedProposals.length > 0 && (
            <section className="record-section" aria-labelledby="record-unlinked-heading">
              <h3 id="record-unlinked-heading">{t('record.consensus.unlinked')}</h3>
              <p className="hint">{t('record.item.clock', { offset: clock.offset })}</p>
              <ProposalHistory
                proposals={record.unlinkedProposals}
                clock={clock}
                level={4}
                interventionNumbers={NO_NUMBERS}
              />
            </section>
          )}
          <AttendanceSection attendance={record.attendance} clock={clock} />
          <SpeakingTimeSection speakingTime={record.speakingTime} />
        </>
      )}
    </section>
  );
}
