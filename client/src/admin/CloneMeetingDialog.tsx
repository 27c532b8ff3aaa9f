import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type MeetingSummary } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { cloneMeeting } from './api';
import { StartEndFields } from './fields/StartEndFields';
import { TextField } from './fields/TextField';
import { type Problems, readDates, wallOf } from './meetingForm';
import { NewMeetingDialog, useNewMeeting } from './NewMeetingDialog';
import { troublesOf } from './troubles';
import { useWorkspace } from './workspace';

type CloneField = 'title' | 'startsAt' | 'endsAt';
const CLONE_FIELDS: readonly CloneField[] = ['title', 'startsAt', 'endsAt'];
const ELEMENT: Record<CloneField, string> = {
  title: 'clone-title',
  startsAt: 'clone-start-date',
  endsAt: 'clone-end-date',
};
const elementId = (field: CloneField) => ELEMENT[field];

interface CloneMeetingDialogProps {
  source: MeetingSummary;
  onCreated: (meetingId: string) => void;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}

/**
 * A new meeting from an old one (IRM-2 from IRM-1): its agenda, participants and settings, with a
 * new title and dates in the same time zone, and fresh join links. The dates start as the source's,
 * to be changed; emptied, the new meeting has none. The new chair's link is shown once, after.
 */
export function CloneMeetingDialog({ source, onCreated, onClose, returnFocus }: CloneMeetingDialogProps) {
  const { t } = useTranslation();
  const { token } = useWorkspace();
  const zone = source.timezone;
  const [title, setTitle] = useState('');
  const [dates, setDates] = useState(() => ({
    start: wallOf(source.startsAt, zone),
    end: wallOf(source.endsAt, zone),
  }));
  const creation = useNewMeeting(CLONE_FIELDS, elementId, onCreated);
  const { troubles } = creation;

  const submit = () => {
    const problems: Problems<CloneField> = {};
    if (!title.trim()) problems.title = 'required';
    const { startsAt, endsAt } = readDates(dates.start, dates.end, zone);
    if (!startsAt.ok) problems.startsAt = startsAt.problem;
    if (!endsAt.ok) problems.endsAt = endsAt.problem;
    if (!startsAt.ok || !endsAt.ok || problems.title) return creation.refuse(troublesOf(problems, zone));
    const body = { title: title.trim(), startsAt: startsAt.ms, endsAt: endsAt.ms };
    void creation.send(t('admin.clone.sending'), () => cloneMeeting(token, source.id, body));
  };

  return (
    <NewMeetingDialog
      prefix="clone"
      heading={isolatedIn(t('admin.clone.heading', { title: SLOT_VALUE }), source.title)}
      submitLabel={t('admin.clone.submit')}
      onSubmit={submit}
      state={creation}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <p className="hint">{t('admin.clone.intro')}</p>
      <div className="admin-form-grid">
        <TextField
          id="clone-title"
          label={t('admin.clone.title')}
          value={title}
          onChange={setTitle}
          trouble={troubles.title}
          required
          maxLength={LIMITS.shortText}
          userText
          initialFocus
          className="wide"
        />
        <StartEndFields
          prefix="clone"
          zone={zone}
          dates={dates}
          onChange={(patch) => setDates((d) => ({ ...d, ...patch }))}
          troubles={troubles}
        />
      </div>
    </NewMeetingDialog>
  );
}
