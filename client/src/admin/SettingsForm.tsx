import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorOptions, Meeting } from '../../../shared';
import { formatTime } from '../format';
import { updateMeeting } from './api';
import { dateLocale } from './dateLocale';
import { fieldElementId, MeetingFields } from './MeetingFields';
import { checkMeeting, MEETING_FIELDS, type MeetingField, type MeetingValues, valuesOf } from './meetingForm';
import { fieldRefusal, focusFirstTrouble, type Troubles, troublesOf } from './troubles';
import { useFailure, useWorkspace } from './workspace';

interface SettingsFormProps {
  meeting: Meeting;
  readOnly: boolean;
  onSaved: (meeting: Meeting) => void;
}

/** The options of the list of speakers' order, with their words. */
const ORDER_OPTIONS = [
  ['rtoSpokespersonsFirst', 'meeting.rtoFirst'],
  ['newDelegationsFirst', 'meeting.newFirst'],
] as const;

const settingsOf = (meeting: Meeting): MeetingValues =>
  valuesOf({ ...meeting, defaultSpeakingSeconds: meeting.floor.limitSeconds });

/**
 * The meeting's settings: title, time zone, dates (on the meeting's clock), default speaking time,
 * the order of the list of speakers and the video call. Saved together; the outcome is announced,
 * and what the server refuses is shown next to its field.
 */
export function SettingsForm({ meeting, readOnly, onSaved }: SettingsFormProps) {
  const { t, i18n } = useTranslation();
  const { token } = useWorkspace();
  const failure = useFailure();
  const [values, setValues] = useState(() => settingsOf(meeting));
  const [options, setOptions] = useState<FloorOptions>(meeting.options);
  const [troubles, setTroubles] = useState<Troubles<MeetingField>>({});
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  const fail = (found: Troubles<MeetingField>, text: string) => {
    setTroubles(found);
    setStatus({ text, failed: true });
    focusFirstTrouble(MEETING_FIELDS, found, (f) => fieldElementId('settings', f));
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkMeeting(values);
    if (!checked.ok) return fail(troublesOf(checked.problems, values.timezone), t('admin.settings.fix'));
    setTroubles({});
    setSaving(true);
    setStatus({ text: t('admin.settings.saving'), failed: false });
    try {
      const saved = await updateMeeting(token, meeting.id, { ...checked.settings, options });
      onSaved(saved);
      setValues(settingsOf(saved));
      setOptions(saved.options);
      const time = formatTime(Date.now(), 'yours', {
        meetingZone: saved.timezone,
        language: dateLocale(i18n.language),
        t,
      });
      setStatus({ text: t('admin.settings.saved', { time }), failed: false });
    } catch (error) {
      const refused = fieldRefusal(error, MEETING_FIELDS);
      if (refused)
        fail(
          refused.troubles,
          refused.general
            ? t('admin.settings.failed', { message: refused.general })
            : t('admin.settings.fix'),
        );
      else setStatus({ text: failure(error), failed: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="admin-settings"
      onSubmit={(e) => void save(e)}
      aria-labelledby="settings-heading"
      noValidate
    >
      <h2 id="settings-heading">{t('admin.settings.heading')}</h2>
      {readOnly && (
        <p className="admin-notice">
          {meeting.archived ? t('admin.settings.archived') : t('admin.settings.readOnly')}
        </p>
      )}
      <div className="admin-form-grid">
        <MeetingFields
          prefix="settings"
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          troubles={troubles}
          disabled={readOnly}
        />
        <fieldset className="admin-options" disabled={readOnly}>
          <legend>{t('meeting.options')}</legend>
          {ORDER_OPTIONS.map(([option, words]) => (
            <label key={option} className="check">
              <input
                type="checkbox"
                checked={options[option]}
                onChange={(e) => setOptions((o) => ({ ...o, [option]: e.target.checked }))}
              />
              {t(words)}
            </label>
          ))}
        </fieldset>
      </div>
      {!readOnly && (
        <div className="admin-save-row">
          <button type="submit" className="primary" disabled={saving}>
            {t('admin.settings.save')}
          </button>
          <p role="status" className={`admin-status ${status?.failed ? 'admin-status-failed' : ''}`}>
            {status?.text ?? ''}
          </p>
        </div>
      )}
    </form>
  );
}
