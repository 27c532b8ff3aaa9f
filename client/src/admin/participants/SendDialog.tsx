import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationsResult, ParticipantRecord } from '../../../../shared';
import { Dialog } from '../Dialog';
import type { ParticipantsApi } from './api';
import { PersonName } from './labels';
import { refusalText } from './refusal';

interface SendDialogProps {
  api: ParticipantsApi;
  participants: readonly ParticipantRecord[];
  /** The rows ticked in the table (may be none). */
  selected: ReadonlySet<string>;
  onSent: (result: InvitationsResult) => void;
  onClose: () => void;
  fallbackFocus: () => HTMLElement | null;
}

/**
 * "Send invitations" by e-mail, to the ticked rows or to everyone with an address. The answer is
 * shown in full: how many went, and for each that did not, who and why (never silent).
 */
export function SendDialog({ api, participants, selected, onSent, onClose, fallbackFocus }: SendDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [target, setTarget] = useState<'selected' | 'all'>(selected.size > 0 ? 'selected' : 'all');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InvitationsResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const byId = new Map(participants.map((p) => [p.id as string, p]));
  const chosen = participants.filter((p) => selected.has(p.id));
  const withEmail = participants.filter((p) => p.email).length;
  const chosenWithout = chosen.filter((p) => !p.email).length;

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const send = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await api.sendInvitations(target === 'selected' ? chosen.map((p) => p.id) : undefined);
      setResult(answer);
      onSent(answer);
    } catch (error) {
      setProblem(refusalText(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('people.send.title')} onClose={onClose} fallbackFocus={fallbackFocus}>
      {result ? (
        <section aria-labelledby={`${id}-result`} className="people-send-result">
          <h3 id={`${id}-result`} ref={resultHeading} tabIndex={-1}>
            {t('people.send.sent', { n: result.sent.length })}
            {result.failed.length > 0 && ` ${t('people.send.failedCount', { n: result.failed.length })}`}
          </h3>
          {result.failed.length > 0 && (
            <section
              className="people-import-list"
              aria-labelledby={`${id}-failed`}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus
              tabIndex={0}
            >
              <h4 id={`${id}-failed`}>{t('people.send.failedHeading')}</h4>
              <ul>
                {result.failed.map((f) => {
                  const person = byId.get(f.participantId);
                  return (
                    <li key={f.participantId}>
                      {person ? <PersonName person={person} /> : <bdi>{f.participantId}</bdi>}
                      {t('people.import.colon')}
                      <bdi>{f.message}</bdi>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
        </section>
      ) : (
        <fieldset className="people-send-choice">
          <legend>{t('people.send.to')}</legend>
          <label className="check">
            <input
              type="radio"
              name={`${id}-target`}
              checked={target === 'selected'}
              disabled={chosen.length === 0}
              onChange={() => setTarget('selected')}
            />
            {t('people.send.selected', { n: chosen.length })}
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${id}-target`}
              checked={target === 'all'}
              onChange={() => setTarget('all')}
            />
            {t('people.send.all', { n: withEmail })}
          </label>
          {target === 'selected' && chosenWithout > 0 && (
            <p className="hint">{t('people.send.noAddress', { n: chosenWithout })}</p>
          )}
        </fieldset>
      )}
      <p role="status" className="muted">
        {busy && t('people.send.sending')}
      </p>
      <div role="alert">{problem && <p className="error">{problem}</p>}</div>
      <div className="button-row">
        {!result && (
          <button type="button" className="primary" aria-disabled={busy} onClick={send}>
            {t('people.send.confirm')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {result ? t('people.close') : t('people.form.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
