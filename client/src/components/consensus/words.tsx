import { Fragment, type ReactNode, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared';

/** A list in the UI language ("2, 3 and 5", « 2, 3 et 5 », "2 و3 و5"), as Intl writes it. */
function listFormat(language: string): Intl.ListFormat {
  try {
    return new Intl.ListFormat(language, { type: 'conjunction', style: 'long' });
  } catch {
    // A language tag Intl does not know: English lists rather than none.
    return new Intl.ListFormat('en', { type: 'conjunction', style: 'long' });
  }
}

/**
 * How checks are worded on screen and to screen readers: paragraph numbers ("Paragraph 2",
 * "Paragraphs 2, 3 and 5") and lists of delegations, in the UI language.
 */
export function useCheckWords() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const list = useCallback((items: readonly string[]) => listFormat(language).format(items), [language]);
  const paragraphs = useCallback(
    (numbers: readonly number[]) =>
      numbers.length === 1
        ? t('consensus.paragraph', { number: numbers[0] })
        : t('consensus.paragraphs', { numbers: list(numbers.map(String)) }),
    [t, list],
  );
  return useMemo(() => ({ list, paragraphs, language }), [list, paragraphs, language]);
}

/** The symbol of a proposal ("IRM-1/5"), or '' when it is gone. */
export const symbolOf = (meeting: Meeting, proposalId: string): string =>
  meeting.proposals.find((p) => p.id === proposalId)?.symbol ?? '';

/**
 * A list of user texts (delegations) in the UI language's list style, each in a <bdi> so that an
 * English name keeps its direction in an Arabic sentence.
 */
export function IsolatedList({ items, language }: { items: readonly string[]; language: string }) {
  const nodes: ReactNode[] = [];
  let at = 0;
  // Keyed by where each part starts in the sentence: the parts never move.
  for (const part of listFormat(language).formatToParts(items)) {
    nodes.push(
      part.type === 'element' ? <bdi key={at}>{part.value}</bdi> : <Fragment key={at}>{part.value}</Fragment>,
    );
    at += part.value.length;
  }
  return <>{nodes}</>;
}
