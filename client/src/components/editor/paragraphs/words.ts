import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SLOT_VALUE } from '../../Isolated';
import type { ParagraphConsensus, ParagraphSummary } from './model';

/**
 * A sentence in the UI language with user text in it (delegations), cut into parts: the user text
 * is drawn in a <bdi> (an English name keeps its direction in an Arabic sentence), never reordering
 * the words around it. Its `textContent` is the sentence as is, without isolation characters.
 */
export type Said = ReadonlyArray<{ text: string; user?: true }>;

/** The sentence of `said` as one string, for a tooltip: the user text in FSI … PDI isolates. */
export const tooltipOf = (said: Said): string =>
  said.map((p) => (p.user ? `\u2068${p.text}\u2069` : p.text)).join('');

/** How the paragraphs' facts read in the UI language: the margin, the list and the summary agree. */
export interface ParagraphWords {
  /** "Open", "Ad ref. (Egypt and Brazil)", "Agreed". */
  badge(c: ParagraphConsensus): Said;
  /** "Agreed ad referendum (Egypt and Brazil)": the full words, for the details. */
  status(c: ParagraphConsensus): Said;
  /** "Objection: Egypt", while the latest check's objections stand; else null. */
  objected(c: ParagraphConsensus): Said | null;
  /** "Under check". */
  underCheck: string;
  /** "2 interventions", or null when none. */
  links(count: number): string | null;
  /** "14 paragraphs: 9 agreed, 2 ad ref., 3 open; 4 open brackets". */
  summary(s: ParagraphSummary): string;
  /** A list of delegations the way the language joins one ("Egypt, Brazil and Kenya"), in parts. */
  list(names: readonly string[]): Said;
  dir: 'ltr' | 'rtl';
  language: string;
}

/** `sentence` (translated with `SLOT_VALUE` for its one value) with `value` where the slot was. */
function around(sentence: string, value: Said): Said {
  const [before = '', ...after] = sentence.split(SLOT_VALUE);
  if (after.length === 0) return [{ text: sentence }];
  return [{ text: before }, ...value, { text: after.join('') }].filter((p) => p.text !== '');
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
    const list = (names: readonly string[]): Said =>
      join
        ? join
            .formatToParts(names)
            .map((p) => (p.type === 'element' ? { text: p.value, user: true } : { text: p.value }))
        : names.flatMap((n, i) => [...(i > 0 ? [{ text: ', ' }] : []), { text: n, user: true as const }]);
    const delegations = (c: ParagraphConsensus) => list(c.record?.delegations ?? []);
    return {
      list,
      badge: (c) =>
        c.status === 'ad-referendum'
          ? around(t('paragraphs.badge.adReferendum', { delegations: SLOT_VALUE }), delegations(c))
          : [{ text: t(`paragraphs.badge.${c.status}`) }],
      status: (c) =>
        c.status === 'ad-referendum'
          ? around(t('paragraphs.status.adReferendumOf', { delegations: SLOT_VALUE }), delegations(c))
          : [{ text: t(`paragraphs.status.${c.status}`) }],
      objected: (c) => {
        if (!c.objections) return null;
        const names = [...new Set(c.objections.map((o) => o.delegation))];
        return around(
          t('paragraphs.objected', { count: names.length, delegations: SLOT_VALUE }),
          list(names),
        );
      },
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
