import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreateMeetingBody, LIMITS } from '../../../shared';
import { localZone } from '../format';
import { createMeeting } from './api';
import { TextField } from './fields/TextField';
import { fieldElementId, MeetingFields } from './MeetingFields';
import { checkMeeting, MEETING_FIELDS, type MeetingField, type MeetingValues } from './meetingForm';
import { NewMeetingDialog, useNewMeeting } from './NewMeetingDialog';
import { troublesOf } from './troubles';
import { useWorkspace } from './workspace';
import { allZones } from './zones';

type CreateField = MeetingField | 'chairName' | 'chairDelegation';
const CREATE_FIELDS: readonly CreateField[] = [...MEETING_FIELDS, 'chairName', 'chairDelegation'];

const elementId = (field: CreateField): string =>
  field === 'chairName'
    ? 'create-chair-name'
    : field === 'chairDelegation'
      ? 'create-chair-delegation'
      : fieldElementId('create', field);

/** The operator's own zone when the browser knows it, else UTC: a first guess to search from. */
const firstZone = () => (allZones().includes(localZone()) ? localZone() : 'UTC');

interface CreateMeetingDialogProps {
  /** The meeting exists (the list reloads behind the dialog, which now shows the chair's link). */
  onCreated: (meetingId: string) => void;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}

/**
 * Creates a meeting: its settings and its chair. Once created, the dialog shows the chair's join
 * link, this once (it signs the chair in; the participants tab gives it again later).
 */
export function CreateMeetingDialog({ onCreated, onClose, returnFocus }: CreateMeetingDialogProps) {
  const { t } = useTranslation();
  const { token } = useWorkspace();
  const [values, setValues] = useState<MeetingValues>(() => ({
    title: '',
    timezone: firstZone(),
    start: { date: '', time: '' },
    end: { date: '', time: '' },
    speaking: { minutes: '3', seconds: '0' },
    videoUrl: '',
  }));
  const [chair, setChair] = useState({ name: '', delegation: '' });
  const creation = useNewMeeting(CREATE_FIELDS, elementId, onCreated);
  const { troubles } = creation;

  const submit = () => {
    const checked = checkMeeting(values);
    if (!checked.ok) return creation.refuse(troublesOf(checked.problems, values.timezone));
    const body: CreateMeetingBody = {
      ...checked.settings,
      ...(chair.name.trim() ? { chairName: chair.name.trim() } : {}),
      ...(chair.delegation.trim() ? { chairDelegation: chair.delegation.trim() } : {}),
    };
    void creation.send(t('admin.create.sending'), () => createMeeting(token, body));
  };

  return (
    <NewMeetingDialog
      prefix="create"
      heading={t('admin.create.heading')}
      submitLabel={t('admin.create.submit')}
      onSubmit={submit}
      state={creation}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <div className="admin-form-grid">
        <MeetingFields
          prefix="create"
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          troubles={troubles}
          focusTitle
        />
        <fieldset className="admin-chair">
          <legend>{t('admin.create.chair')}</legend>
          <TextField
            id="create-chair-name"
            label={t('admin.create.chairName')}
            hint={t('admin.create.chairHint')}
            value={chair.name}
            onChange={(name) => setChair((c) => ({ ...c, name }))}
            trouble={troubles.chairName}
            maxLength={LIMITS.shortText}
            userText
          />
          <TextField
            id="create-chair-delegation"
            label={t('admin.create.chairDelegation')}
            value={chair.delegation}
            onChange={(delegation) => setChair((c) => ({ ...c, delegation }))}
            trouble={troubles.chairDelegation}
            maxLength={LIMITS.shortText}
            userText
          />
        </fieldset>
      </div>
    </NewMeetingDialog>
  );
}
