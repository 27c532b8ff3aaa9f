import type { ParagraphStatus, RecordProposal } from '../../../shared';
import { userText } from './phrases';
import { formatList } from './templates/format';
import type { SummaryTemplates } from './templates/types';

/**
 * Runs of consecutive numbers, "1 to 3", "5", so a long text's agreed paragraphs stay short; at
 * worst (every other paragraph) half as many entries as paragraphs, which a check bounds.
 */
function runs(t: SummaryTemplates, numbers: number[]): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= numbers.length; i++) {
    if (i < numbers.length && numbers[i] === numbers[i - 1]! + 1) continue;
    const [first, last] = [numbers[start]!, numbers[i - 1]!];
    out.push(first === last ? String(first) : t.range(String(first), String(last)));
    start = i;
  }
  return out;
}

/** Each paragraph's status at the end of the record (its last change), by paragraph id. */
function finalStatuses(proposal: RecordProposal): Map<string, { number: number; status: ParagraphStatus }> {
  const last = new Map<string, { number: number; status: ParagraphStatus }>();
  for (const s of proposal.consensus.statuses)
    last.set(s.paragraphId, { number: s.paragraph, status: s.status });
  return last;
}

/**
 * What the texts agreed paragraph by paragraph came to, in brief: for each, the paragraphs agreed
 * and agreed ad referendum (as their statuses stand at the end of the record), and the revisions
 * published. Nothing for a text never checked.
 */
export function consensusSentences(proposals: readonly RecordProposal[], t: SummaryTemplates): string[] {
  const sentences: string[] = [];
  for (const proposal of proposals) {
    const symbol = userText(t, proposal.symbol);
    const statuses = [...finalStatuses(proposal).values()];
    const numbersOf = (status: ParagraphStatus) =>
      statuses
        .filter((s) => s.status === status)
        .map((s) => s.number)
        .sort((a, b) => a - b);
    const agreed = numbersOf('agreed');
    if (agreed.length > 0)
      sentences.push(t.paragraphsAgreed(symbol, formatList(t.locale, runs(t, agreed)), agreed.length));
    const adReferendum = numbersOf('ad-referendum');
    if (adReferendum.length > 0)
      sentences.push(
        t.paragraphsAdReferendum(symbol, formatList(t.locale, runs(t, adReferendum)), adReferendum.length),
      );
    const revisions = proposal.consensus.revisions.map((r) => userText(t, r.symbol));
    if (revisions.length > 0)
      sentences.push(t.revisionsPublished(formatList(t.locale, revisions), revisions.length));
  }
  return sentences;
}
