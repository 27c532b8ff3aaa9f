import type { Language } from '../../../../shared';
import { AR } from './ar';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { RU } from './ru';
import type { RecordWords } from './types';
import { ZH } from './zh';

/** The record's words in each of the six languages: a language without one does not compile. */
export const RECORD_WORDS: Record<Language, RecordWords> = { ar: AR, zh: ZH, en: EN, fr: FR, ru: RU, es: ES };
