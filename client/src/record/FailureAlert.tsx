import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../admin/http';
import { SLOT_VALUE } from '../components/Isolated';

/** What failed, for the first words of the alert. */
type RecordTask = 'load' | 'download' | 'summary';

/** A failure as the view's alert shows it: what could not be done, and the error that says why. */
export interface RecordFailure {
  task: RecordTask;
  error: unknown;
}

/**
 * Why a call failed, for the secretariat: the server's own message for a refusal (it says what to
 * do: "only the chair, the vice-chairs and the secretariat…", "this meeting has 20 drafts of the
 * summary already…"), isolated and marked English as the API words it; or what happened when no
 * answer came.
 */
function failureReason(error: unknown, t: TFunction): ReactNode {
  if (!(error instanceof ApiError) || error.status === 0) return t('record.errors.network');
  if (error.status === 401) return t('record.errors.signedOut');
  const [before, ...after] = t('record.errors.server', { message: SLOT_VALUE }).split(SLOT_VALUE);
  return (
    <>
      {before}
      <bdi lang="en">{error.message}</bdi>
      {after.join('')}
    </>
  );
}

/**
 * A failed call as an alert (announced at once): what could not be done, then why. `onRetry`
 * offers to try again.
 */
export function FailureAlert({ failure, onRetry }: { failure: RecordFailure; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="record-alert" role="alert" data-testid="record-alert">
      <p>
        <strong>{t(`record.errors.${failure.task}`)}</strong> {failureReason(failure.error, t)}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('record.errors.retry')}
        </button>
      )}
    </div>
  );
}
