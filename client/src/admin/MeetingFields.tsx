import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared';
import { SpeakingTimeField } from './fields/SpeakingTimeField';
import { StartEndFields } from './fields/StartEndFields';
import { TextField } from './fields/TextField';
import { ZonePicker } from './fields/ZonePicker';
import type { MeetingField, MeetingValues } from './meetingForm';
import type { Troubles } from './troubles';

/** The element of a field that takes the focus when it must be fixed. */
export function fieldElementId(prefix: string, field: MeetingField): string {
  switch (field) {
    case 'title':
      return `${prefix}-title`;
    case 'timezone':
      return `${prefix}-zone`;
    case 'startsAt':
      return `${prefix}-start-date`;
    case 'endsAt':
      return `${prefix}-end-date`;
    case 'defaultSpeakingSeconds':
      return `${prefix}-speaking-min`;
    case 'videoUrl':
      return `${prefix}-video`;
  }
}

interface MeetingFieldsProps {
  prefix: string;
  values: MeetingValues;
  onChange: (patch: Partial<MeetingValues>) => void;
  troubles: Troubles<MeetingField>;
  disabled?: boolean;
  /** In a dialog: the title takes the focus first. */
  focusTitle?: boolean;
}

/** A meeting's settings as fields: the create dialog and the settings tab show the same ones. */
export function MeetingFields({
  prefix,
  values,
  onChange,
  troubles,
  disabled,
  focusTitle,
}: MeetingFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${prefix}-title`}
        label={t('admin.meeting.title')}
        value={values.title}
        onChange={(title) => onChange({ title })}
        trouble={troubles.title}
        required
        maxLength={LIMITS.shortText}
        disabled={disabled}
        userText
        className="wide"
        initialFocus={focusTitle}
      />
      <ZonePicker
        id={`${prefix}-zone`}
        value={values.timezone}
        onChange={(timezone) => onChange({ timezone })}
        trouble={troubles.timezone}
        disabled={disabled}
      />
      <StartEndFields
        prefix={prefix}
        zone={values.timezone}
        dates={values}
        onChange={onChange}
        troubles={troubles}
        disabled={disabled}
      />
      <div className="admin-when-pair">
        <SpeakingTimeField
          id={`${prefix}-speaking`}
          value={values.speaking}
          onChange={(speaking) => onChange({ speaking })}
          trouble={troubles.defaultSpeakingSeconds}
          disabled={disabled}
        />
        <TextField
          id={`${prefix}-video`}
          type="url"
          label={t('admin.meeting.video')}
          hint={t('admin.meeting.videoHint')}
          value={values.videoUrl}
          onChange={(videoUrl) => onChange({ videoUrl })}
          trouble={troubles.videoUrl}
          maxLength={2000}
          disabled={disabled}
          className="wide"
        />
      </div>
    </>
  );
}
