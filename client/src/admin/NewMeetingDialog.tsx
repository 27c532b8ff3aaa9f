import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolatedIn, SLOT_VALUE } from '../components/Isolated';
import type { ChairLink } from './api';
import { Dialog } from './Dialog';
import { JoinLink } from './JoinLink';
import { fieldRefusal, focusFirstTrouble, type Troubles } from './troubles';
import { useFailure } from './workspace';

/** What the server answers a new meeting (created or cloned): a clone may have no chair. */
interface Created {
  meeting: { id: string; title: string };
  chair: ChairLink | null;
}

/** The new meeting, and its chair's join link (null: the meeting has no chair). */
interface Done {
  title: string;
  joinUrl: string | null;
}

/** Where a new meeting's dialog is: its status line, whether it is sending, the meeting once made. */
interface NewMeetingState {
  status: string;
  sending: boolean;
  done: Done | null;
}

/**
 * The state of a dialog that makes a new meeting (create, clone): what is wrong with its fields,
 * its status line, and the meeting once made. `elementId` names the element of each field that
 * takes the focus when it must be fixed; `fields` are in the form's order.
 */
export function useNewMeeting<F extends string>(
  fields: readonly F[],
  elementId: (field: F) => string,
  onCreated: (meetingId: string) => void,
): NewMeetingState & {
  troubles: Troubles<F>;
  refuse: (found: Troubles<F>, text?: string) => void;
  send: (sendingText: string, request: () => Promise<Created>) => Promise<void>;
} {
  const { t } = useTranslation();
  const failure = useFailure();
  const [troubles, setTroubles] = useState<Troubles<F>>({});
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  /** Shows what to fix (the form's findings or the server's) and puts the focus on the first. */
  const refuse = (found: Troubles<F>, text = t('admin.form.fix')) => {
    setTroubles(found);
    setStatus(text);
    focusFirstTrouble(fields, found, elementId);
  };

  /** Sends the new meeting (`sendingText` said meanwhile); once made, the dialog shows its chair's link. */
  const send = async (sendingText: string, request: () => Promise<Created>) => {
    setTroubles({});
    setStatus(sendingText);
    setSending(true);
    try {
      const answer = await request();
      onCreated(answer.meeting.id);
      setStatus('');
      setDone({ title: answer.meeting.title, joinUrl: answer.chair?.joinUrl ?? null });
    } catch (error) {
      const refused = fieldRefusal(error, fields);
      if (refused)
        refuse(
          refused.troubles,
          refused.general ? t('admin.failure.other', { message: refused.general }) : undefined,
        );
      else setStatus(failure(error));
    } finally {
      setSending(false);
    }
  };

  return { troubles, status, sending, done, refuse, send };
}

interface NewMeetingDialogProps {
  /** `create` or `clone`: the ids of the dialog's elements start with it. */
  prefix: string;
  /** The form's title ("Create a meeting"). */
  heading: ReactNode;
  submitLabel: string;
  /** The form's fields (the status line and the buttons follow). */
  children: ReactNode;
  onSubmit: () => void;
  state: NewMeetingState;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}

/**
 * The dialog of a new meeting: its form, then, once the meeting is made, its chair's join link,
 * shown this once (it signs the chair in; the participants tab gives it again later). The title
 * then says the meeting is made and takes the focus.
 */
export function NewMeetingDialog({
  prefix,
  heading,
  submitLabel,
  children,
  onSubmit,
  state: { status, sending, done },
  onClose,
  returnFocus,
}: NewMeetingDialogProps) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (done) title.current?.focus();
  }, [done]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <Dialog
      title={done ? isolatedIn(t('admin.create.done', { title: SLOT_VALUE }), done.title) : heading}
      titleRef={title}
      onClose={onClose}
      returnFocus={returnFocus}
      className="admin-dialog-wide"
    >
      {done ? (
        <>
          {done.joinUrl ? (
            <>
              <p>{t('admin.create.linkOnce')}</p>
              <JoinLink id={`${prefix}-chair-link`} label={t('admin.create.chairLink')} url={done.joinUrl} />
            </>
          ) : (
            <p>{t('admin.clone.noChair')}</p>
          )}
          <div className="button-row admin-dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              {t('admin.dialog.done')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          {children}
          <p role="status" className="admin-status">
            {status}
          </p>
          <div className="button-row admin-dialog-actions">
            <button type="submit" className="primary" disabled={sending}>
              {submitLabel}
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
