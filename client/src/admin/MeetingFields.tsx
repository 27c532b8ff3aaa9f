import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared';
import type { FieldTrouble } from './fields/FieldMessage';
import { SpeakingTimeField } from './fields/SpeakingTimeField';
import { TextField } from './fields/TextField';
import { WhenField } from './fields/WhenField';
import { ZonePicker } from './fields/ZonePicker';
import type { MeetingField, MeetingValues, Problems } from './meetingForm';

/** What is wrong with each field: the form's own findings and the server's. */
export type Troubles<F extends string> = Partial<Record<F, FieldTrouble>>;

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

/** The form's problems as troubles to show, each with the values its sentence names (the zone). */
export function troublesOf<F extends string>(problems: Problems<F>, zone: string): Troubles<F> {
  const out: Troubles<F> = {};
  for (const [field, problem] of Object.entries(problems) as [F, Problems<F>[F]][]) {
    if (problem) out[field] = { problem, values: { zone } };
  }
  return out;
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

/** The troubles with the server's words added to the fields they name. */
export function withServerWords<F extends string>(
  troubles: Troubles<F>,
  words: Record<string, string>,
): Troubles<F> {
  const out: Troubles<F> = { ...troubles };
  for (const [field, server] of Object.entries(words) as [F, string][])
    out[field] = { ...out[field], server };
  return out;
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
      <div className="admin-when-pair">
        <WhenField
          id={`${prefix}-start`}
          what={t('admin.meeting.start')}
          zone={values.timezone}
          value={values.start}
          onChange={(start) => onChange({ start })}
          trouble={troubles.startsAt}
          disabled={disabled}
        />
        <WhenField
          id={`${prefix}-end`}
          what={t('admin.meeting.end')}
          zone={values.timezone}
          value={values.end}
          onChange={(end) => onChange({ end })}
          trouble={troubles.endsAt}
          disabled={disabled}
        />
      </div>
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
