import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../shared';
import { Dialog } from '../../admin/Dialog';
import { DialogRefusal, useDialogCommand } from './useDialogCommand';

/**
 * "Publish Rev.N" for the presiding officer and the secretariat, asked again before it is done: a
 * revision's number is kept for good, and two presses a second apart would otherwise publish two
 * revisions of the same text. The confirmation sends the command once (pending, it does nothing),
 * says a refusal in the dialog, and on success closes and has `onPublished` announce it; the focus
 * goes back to the button.
 */
export function PublishRevision(props: { proposal: Proposal; next: string; onPublished: () => void }) {
  const { t } = useTranslation();
  const { proposal, next, onPublished } = props;
  const [confirming, setConfirming] = useState(false);
  const { pending, refusal, send } = useDialogCommand();
  const symbol = `${proposal.symbol}/${next}`;
  return (
    <div className="button-row">
      <button type="button" onClick={() => setConfirming(true)}>
        {t('consensus.revisions.publish', { revision: next })}
      </button>
      {confirming && (
        <Dialog
          title={t('consensus.revisions.confirmTitle', { symbol })}
          onClose={() => setConfirming(false)}
        >
          <form
            className="stack-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (!(await send({ type: 'proposal.publishRevision', proposalId: proposal.id }))) return;
              setConfirming(false);
              onPublished();
            }}
          >
            <p>{t('consensus.revisions.confirmText')}</p>
            <DialogRefusal action={t('shell.action.proposal.publishRevision')} refusal={refusal} />
            <div className="button-row">
              <button type="submit" className="primary" aria-disabled={pending} data-autofocus="">
                {t('consensus.revisions.publish', { revision: next })}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('consensus.cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
