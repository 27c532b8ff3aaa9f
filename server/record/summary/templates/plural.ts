import type { Language } from '../../../../shared';
import { formatNumber } from './format';

/**
 * The plural categories of each language, as Unicode CLDR (and so Intl.PluralRules) has them for
 * cardinal numbers. Russian needs four forms and Arabic six; plural.test.ts checks this table
 * against the running Intl, so a form the rules can select is never missing.
 */
export const PLURAL_CATEGORIES = {
  ar: ['zero', 'one', 'two', 'few', 'many', 'other'],
  zh: ['other'],
  en: ['one', 'other'],
  fr: ['one', 'many', 'other'],
  ru: ['one', 'few', 'many', 'other'],
  es: ['one', 'many', 'other'],
} as const satisfies Record<Language, readonly Intl.LDMLPluralRule[]>;

/** One phrase per plural category of `L`; `{n}` stands for the number, written the language's way. */
export type PluralForms<L extends Language> = Record<(typeof PLURAL_CATEGORIES)[L][number], string> & {
  other: string;
};

const rules = new Map<Language, Intl.PluralRules>();

/** The language's rules: a locale's region or numbering system (ar-u-nu-latn) does not change them. */
function rulesFor(lang: Language): Intl.PluralRules {
  let found = rules.get(lang);
  if (!found) {
    found = new Intl.PluralRules(lang);
    rules.set(lang, found);
  }
  return found;
}

/**
 * The phrase for `n` in `lang`, the number written as `locale` writes it: `plural('ru', 'ru-RU', 21,
 * {one: '{n} участник', …})` is "21 участник", and with Arabic's dual form, 2 is "مشاركان".
 */
export function plural<L extends Language>(
  lang: L,
  locale: string,
  n: number,
  forms: PluralForms<L>,
): string {
  const category = rulesFor(lang).select(n);
  const table: Partial<Record<string, string>> = forms;
  return (table[category] ?? forms.other).replaceAll('{n}', formatNumber(locale, n));
}

/** The plural categories Intl selects from in `lang` (for the test against the table above). */
export const categoriesOf = (lang: Language): string[] =>
  [...rulesFor(lang).resolvedOptions().pluralCategories].sort();
