import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParagraphConsensus, ParagraphSummary } from './model';

/** How the paragraphs' facts read in the UI language: the margin, the list and the summary agree. */
export interface ParagraphWords {
  /** "Open", "Ad ref. (Egypt and Brazil)", "Agreed". */
  badge(c: ParagraphConsensus): string;
  /** "Agreed ad referendum (Egypt and Brazil)": the full words, for the details. */
  status(c: ParagraphConsensus): string;
  /** "Under check". */
  underCheck: string;
  /** "2 interventions", or null when none. */
  links(count: number): string | null;
  /** "14 paragraphs: 9 agreed, 2 ad ref., 3 open; 4 open brackets". */
  summary(s: ParagraphSummary): string;
  /** A list of delegations the way the language joins one ("Egypt, Brazil and Kenya"). */
  list(names: readonly string[]): string;
  dir: 'ltr' | 'rtl';
  language: string;
}

/** The words of the paragraphs in the current UI language. */
export function useParagraphWords(): ParagraphWords {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    let join: Intl.ListFormat | null = null;
    try {
      join = new Intl.ListFormat(language, { type: 'conjunction' });
    } catch {
      // An engine without ListFormat: commas.
    }
    const list = (names: readonly string[]) => join?.format(names) ?? names.join(', ');
    return {
      list,
      badge: (c) =>
        c.status === 'ad-referendum'
          ? t('paragraphs.badge.adReferendum', { delegations: list(c.record?.delegations ?? []) })
          : t(`paragraphs.badge.${c.status}`),
      status: (c) =>
        c.status === 'ad-referendum'
          ? t('paragraphs.status.adReferendumOf', { delegations: list(c.record?.delegations ?? []) })
          : t(`paragraphs.status.${c.status}`),
      underCheck: t('paragraphs.underCheck'),
      links: (count) => (count > 0 ? t('paragraphs.links', { count }) : null),
      summary: (s) =>
        t('paragraphs.summary.line', {
          paragraphs: t('paragraphs.summary.paragraphs', { count: s.paragraphs }),
          agreed: t('paragraphs.summary.agreed', { count: s.agreed }),
          adReferendum: t('paragraphs.summary.adReferendum', { count: s.adReferendum }),
          open: t('paragraphs.summary.open', { count: s.open }),
          brackets: t('paragraphs.summary.brackets', { count: s.brackets }),
        }),
      dir: i18n.dir(language) === 'rtl' ? 'rtl' : 'ltr',
      language,
    } satisfies ParagraphWords;
  }, [t, i18n, language]);
}
