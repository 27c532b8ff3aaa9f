import type { Language } from '../../../../shared';
import { AR } from './ar';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { RU } from './ru';
import type { SummaryTemplates } from './types';
import { ZH } from './zh';

/** The summary's templates in each of the six languages of the ITU. */
export const TEMPLATES: Record<Language, SummaryTemplates> = {
  ar: AR,
  zh: ZH,
  en: EN,
  fr: FR,
  ru: RU,
  es: ES,
};
