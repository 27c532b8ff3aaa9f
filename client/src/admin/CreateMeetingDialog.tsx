import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreateMeetingBody, LIMITS } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { localZone } from '../format';
import { createMeeting } from './api';
import { Dialog } from './Dialog';
import { TextField } from './fields/TextField';
import { ApiError } from './http';
import { JoinLink } from './JoinLink';
import { fieldElementId, MeetingFields, type Troubles, troublesOf, withServerWords } from './MeetingFields';
import { checkMeeting, MEETING_FIELDS, type MeetingField, type MeetingValues } from './meetingForm';
import { serverProblems } from './serverErrors';
import { useFailure, useWorkspace } from './workspace';
import { allZones } from './zones';

type CreateField = MeetingField | 'chairName' | 'chairDelegation';
const CREATE_FIELDS: readonly CreateField[] = [...MEETING_FIELDS, 'chairName', 'chairDelegation'];

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
  const failure = useFailure();
  const [values, setValues] = useState<MeetingValues>(() => ({
    title: '',
    timezone: firstZone(),
    start: { date: '', time: '' },
    end: { date: '', time: '' },
    speaking: { minutes: '3', seconds: '0' },
    videoUrl: '',
  }));
  const [chair, setChair] = useState({ name: '', delegation: '' });
  const [troubles, setTroubles] = useState<Troubles<CreateField>>({});
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<{ title: string; joinUrl: string } | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  const focusFirst = (found: Troubles<CreateField>) => {
    const first = CREATE_FIELDS.find((f) => found[f]);
    if (!first) return;
    const id =
      first === 'chairName'
        ? 'create-chair-name'
        : first === 'chairDelegation'
          ? 'create-chair-delegation'
          : fieldElementId('create', first);
    document.getElementById(id)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkMeeting(values);
    if (!checked.ok) {
      const found = troublesOf(checked.problems, values.timezone);
      setTroubles(found);
      setStatus(t('admin.form.fix'));
      focusFirst(found);
      return;
    }
    const body: CreateMeetingBody = {
      ...checked.settings,
      ...(chair.name.trim() ? { chairName: chair.name.trim() } : {}),
      ...(chair.delegation.trim() ? { chairDelegation: chair.delegation.trim() } : {}),
    };
    setTroubles({});
    setStatus(t('admin.create.sending'));
    setSending(true);
    try {
      const answer = await createMeeting(token, body);
      onCreated(answer.meeting.id);
      setStatus('');
      setDone({ title: answer.meeting.title, joinUrl: answer.chair.joinUrl });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid') {
        const words = serverProblems(error.message, CREATE_FIELDS);
        const found = withServerWords<CreateField>({}, words.fields);
        setTroubles(found);
        setStatus(
          words.general.length
            ? t('admin.failure.other', { message: words.general.join('; ') })
            : t('admin.form.fix'),
        );
        focusFirst(found);
      } else setStatus(failure(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog labelledBy="create-heading" onClose={onClose} returnFocus={returnFocus}>
      {done ? (
        <div className="admin-dialog-body">
          <h2 id="create-heading" tabIndex={-1} ref={doneHeading}>
            {isolatedIn(t('admin.create.done', { title: SLOT_VALUE }), done.title)}
          </h2>
          <p>{t('admin.create.linkOnce')}</p>
          <JoinLink id="create-chair-link" label={t('admin.create.chairLink')} url={done.joinUrl} />
          <div className="button-row admin-dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              {t('admin.dialog.done')}
            </button>
          </div>
        </div>
      ) : (
        <form className="admin-dialog-body" onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="create-heading">{t('admin.create.heading')}</h2>
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
          <p role="status" className="admin-status">
            {status}
          </p>
          <div className="button-row admin-dialog-actions">
            <button type="submit" className="primary" disabled={sending}>
              {t('admin.create.submit')}
            </button>
            <button type="button" onClick={onClose}>
              {t('admin.dialog.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
