import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantRecord } from '../../../../shared';
import { isolatedIn, SLOT_VALUE } from '../../components/Isolated';
import { Dialog } from '../Dialog';
import type { JoinLink, ParticipantsApi } from './api';
import { copyText } from './clipboard';
import { personText } from './labels';
import { qrDataUrl } from './qr';
import { refusalText } from './refusal';

interface LinkDialogProps {
  api: ParticipantsApi;
  participant: ParticipantRecord;
  onReissued: (participant: ParticipantRecord) => void;
  onClose: () => void;
  fallbackFocus: () => HTMLElement | null;
}

type Status = { kind: 'copied' | 'copyFailed' | 'reissued' } | { kind: 'error'; text: string } | null;

/**
 * A participant's join link: to copy, as a QR code to scan, and to reissue when it was shared by
 * mistake (after a confirmation: the old link stops working at once).
 */
export function LinkDialog({ api, participant, onReissued, onClose, fallbackFocus }: LinkDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [link, setLink] = useState<JoinLink | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const reissueButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const focusField = useRef(false);

  useEffect(() => {
    let live = true;
    api.invite(participant.id).then(
      (answer) => live && setLink(answer),
      (error) => live && setStatus({ kind: 'error', text: refusalText(error, t) }),
    );
    return () => {
      live = false;
    };
  }, [api, participant.id, t]);

  useEffect(() => {
    if (!link) return;
    let live = true;
    setQr(null);
    qrDataUrl(link.joinUrl).then(
      (url) => live && setQr(url),
      () => undefined, // no QR code: the link itself is there to copy
    );
    if (focusField.current) {
      focusField.current = false;
      field.current?.focus();
    }
    return () => {
      live = false;
    };
  }, [link]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const copy = async () => {
    if (!link) return;
    const copied = await copyText(link.joinUrl, field.current);
    copyButton.current?.focus();
    setStatus({ kind: copied ? 'copied' : 'copyFailed' });
  };

  const reissue = async () => {
    if (busy) return;
    setBusy(true);
    setStatus(null);
    try {
      const answer = await api.reissue(participant.id);
      focusField.current = true;
      setConfirming(false);
      setLink({ token: answer.token, joinUrl: answer.joinUrl });
      setStatus({ kind: 'reissued' });
      onReissued(answer.participant);
    } catch (error) {
      setStatus({ kind: 'error', text: refusalText(error, t) });
    } finally {
      setBusy(false);
    }
  };

  const cancelConfirm = () => {
    setConfirming(false);
    queueMicrotask(() => reissueButton.current?.focus());
  };

  return (
    <Dialog
      title={isolatedIn(t('people.link.title', { person: SLOT_VALUE }), personText(participant))}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      className="people-link-dialog"
    >
      {link ? (
        <div className="people-link">
          <label htmlFor={`${id}-link`}>{t('people.link.label')}</label>
          <div className="people-link-row">
            <input
              ref={field}
              id={`${id}-link`}
              className="people-link-field"
              readOnly
              value={link.joinUrl}
              dir="ltr"
              onFocus={(e) => e.target.select()}
            />
            <button ref={copyButton} type="button" onClick={copy}>
              {t('people.link.copy')}
            </button>
          </div>
          {qr && (
            <img
              className="people-qr"
              src={qr}
              width={192}
              height={192}
              alt={t('people.link.qrAlt', { person: personText(participant) })}
            />
          )}
          <p className="hint">{t('people.link.private')}</p>
        </div>
      ) : (
        !status && <p className="muted">{t('people.link.loading')}</p>
      )}
      <p role="status" className="people-link-status">
        {status?.kind === 'copied' && t('people.link.copied')}
        {status?.kind === 'copyFailed' && t('people.link.copyFailed')}
        {status?.kind === 'reissued' && t('people.link.reissued')}
      </p>
      <div role="alert">{status?.kind === 'error' && <p className="error">{status.text}</p>}</div>
      {confirming ? (
        <div className="people-confirm">
          <p id={`${id}-confirm`}>
            {isolatedIn(t('people.link.confirm', { person: SLOT_VALUE }), personText(participant))}
          </p>
          <div className="button-row">
            <button
              ref={confirmButton}
              type="button"
              className="danger"
              aria-disabled={busy}
              onClick={reissue}
            >
              {busy ? t('people.link.reissuing') : t('people.link.reissueConfirm')}
            </button>
            <button type="button" onClick={cancelConfirm}>
              {t('people.form.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          {link && (
            <button ref={reissueButton} type="button" className="warn" onClick={() => setConfirming(true)}>
              {t('people.link.reissue')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('people.close')}
          </button>
        </div>
      )}
    </Dialog>
  );
}
