import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type MeetingSummary } from '../../../shared';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import { cloneMeeting } from './api';
import { Dialog } from './Dialog';
import { TextField } from './fields/TextField';
import { WhenField } from './fields/WhenField';
import { ApiError } from './http';
import { JoinLink } from './JoinLink';
import { type Troubles, troublesOf, withServerWords } from './MeetingFields';
import { type Problems, readDates, wallOf } from './meetingForm';
import { serverProblems } from './serverErrors';
import { useFailure, useWorkspace } from './workspace';

type CloneField = 'title' | 'startsAt' | 'endsAt';
const CLONE_FIELDS: readonly CloneField[] = ['title', 'startsAt', 'endsAt'];
const ELEMENT: Record<CloneField, string> = {
  title: 'clone-title',
  startsAt: 'clone-start-date',
  endsAt: 'clone-end-date',
};

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
  const failure = useFailure();
  const zone = source.timezone;
  const [title, setTitle] = useState('');
  const [start, setStart] = useState(() => wallOf(source.startsAt, zone));
  const [end, setEnd] = useState(() => wallOf(source.endsAt, zone));
  const [troubles, setTroubles] = useState<Troubles<CloneField>>({});
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<{ title: string; joinUrl: string | null } | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (done) doneHeading.current?.focus();
  }, [done]);

  const show = (found: Troubles<CloneField>, text: string) => {
    setTroubles(found);
    setStatus(text);
    const first = CLONE_FIELDS.find((f) => found[f]);
    if (first) document.getElementById(ELEMENT[first])?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Problems<CloneField> = {};
    if (!title.trim()) problems.title = 'required';
    const dates = readDates(start, end, zone);
    if (!dates.startsAt.ok) problems.startsAt = dates.startsAt.problem;
    if (!dates.endsAt.ok) problems.endsAt = dates.endsAt.problem;
    if (!dates.startsAt.ok || !dates.endsAt.ok || problems.title)
      return show(troublesOf(problems, zone), t('admin.form.fix'));
    setTroubles({});
    setStatus(t('admin.clone.sending'));
    setSending(true);
    try {
      const answer = await cloneMeeting(token, source.id, {
        title: title.trim(),
        startsAt: dates.startsAt.ms,
        endsAt: dates.endsAt.ms,
      });
      onCreated(answer.meeting.id);
      setStatus('');
      setDone({ title: answer.meeting.title, joinUrl: answer.chair?.joinUrl ?? null });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid') {
        const words = serverProblems(error.message, CLONE_FIELDS);
        show(
          withServerWords<CloneField>({}, words.fields),
          words.general.length
            ? t('admin.failure.other', { message: words.general.join('; ') })
            : t('admin.form.fix'),
        );
      } else setStatus(failure(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog labelledBy="clone-heading" onClose={onClose} returnFocus={returnFocus}>
      {done ? (
        <div className="admin-dialog-body">
          <h2 id="clone-heading" tabIndex={-1} ref={doneHeading}>
            {isolatedIn(t('admin.create.done', { title: SLOT_VALUE }), done.title)}
          </h2>
          {done.joinUrl ? (
            <>
              <p>{t('admin.create.linkOnce')}</p>
              <JoinLink id="clone-chair-link" label={t('admin.create.chairLink')} url={done.joinUrl} />
            </>
          ) : (
            <p>{t('admin.clone.noChair')}</p>
          )}
          <div className="button-row admin-dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              {t('admin.dialog.done')}
            </button>
          </div>
        </div>
      ) : (
        <form className="admin-dialog-body" onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="clone-heading">
            {isolatedIn(t('admin.clone.heading', { title: SLOT_VALUE }), source.title)}
          </h2>
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
            <div className="admin-when-pair">
              <WhenField
                id="clone-start"
                what={t('admin.meeting.start')}
                zone={zone}
                value={start}
                onChange={setStart}
                trouble={troubles.startsAt}
              />
              <WhenField
                id="clone-end"
                what={t('admin.meeting.end')}
                zone={zone}
                value={end}
                onChange={setEnd}
                trouble={troubles.endsAt}
              />
            </div>
          </div>
          <p role="status" className="admin-status">
            {status}
          </p>
          <div className="button-row admin-dialog-actions">
            <button type="submit" className="primary" disabled={sending}>
              {t('admin.clone.submit')}
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
