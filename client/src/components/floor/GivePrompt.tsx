import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GiveQuestion } from './givePrompt';

/**
 * The in-place question before giving the floor: "Brazil is not connected. Give the floor anyway?"
 * and, for a right of reply during a speech, whether to suspend the speaker.
 */
export function GivePrompt(props: {
  question: GiveQuestion;
  onGive: (suspend: boolean) => void;
  onCancel: () => void;
}) {
  const { question, onGive, onCancel } = props;
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  // The prompt replaces the button that opened it: it takes the focus.
  useEffect(() => first.current?.focus(), []);
  return (
    <fieldset
      className="give-prompt"
      aria-label={t('floorUi.giveQuestion')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      {question.offline && <p>{t('floorUi.offlineConfirm', { delegation: question.delegation })}</p>}
      {question.replyDuring ? (
        <>
          <p>{t('floorUi.replyDuring', { delegation: question.replyDuring })}</p>
          <div className="button-row">
            <button type="button" className="primary" ref={first} onClick={() => onGive(true)}>
              {t('floorUi.suspendSpeaker', { delegation: question.replyDuring })}
            </button>
            <button type="button" onClick={() => onGive(false)}>
              {t('floorUi.endSpeaker', { delegation: question.replyDuring })}
            </button>
            <button type="button" onClick={onCancel}>
              {t('floorUi.cancel')}
            </button>
          </div>
        </>
      ) : (
        <div className="button-row">
          <button type="button" className="primary" ref={first} onClick={() => onGive(false)}>
            {t('floorUi.giveAnyway')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('floorUi.cancel')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
