import type { TFunction } from 'i18next';
import { ApiError } from '../http';

/**
 * What a failed call says to the secretariat: the server's own reason for a refusal (its messages
 * say what to do), or what happened when there was no answer.
 */
export function refusalText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('people.errors.network');
  if (error.status === 0) return t('people.errors.network');
  if (error.status === 401) return t('people.errors.unauthorized');
  return t('people.errors.refused', { message: error.message });
}
