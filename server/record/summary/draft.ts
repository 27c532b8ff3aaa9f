import {
  type Language,
  LIMITS,
  type MeetingRecord,
  SUMMARY_MAX_CHARS,
  type SummaryDraft,
} from '../../../shared';
import { composeSummary, type SummaryLimits } from './compose';
import { inline } from './plainText';
import { TEMPLATES } from './templates';
import type { SummaryTemplates } from './templates/types';

/** Ever shorter lists of names, tried in turn until the text fits. */
const NAMES_PER_LIST = [Number.POSITIVE_INFINITY, 30, 12, 6, 3, 1];

/**
 * The draft of the chair's summary of `record`, in `lang`, from that language's templates: per item,
 * what was presented and by whom, who took the floor by region in the order given, and the outcome.
 * Deterministic: the same record and language give the same text. A huge meeting's lists are
 * shortened ("… and 14 other delegations"), then its last items left to the record, so the text
 * stays within `SUMMARY_MAX_CHARS` and ends with the closing paragraph; no sentence is cut.
 */
export function draftSummary(record: MeetingRecord, lang: Language): SummaryDraft {
  const t = TEMPLATES[lang];
  const titled = t.titled(inline(record.meeting.title));
  return {
    title: titled.length <= LIMITS.shortText ? titled : t.title,
    submittedBy: t.submittedBy,
    text: fittingText(record, t),
  };
}

function fittingText(record: MeetingRecord, t: SummaryTemplates): string {
  const fits = (limits: SummaryLimits) => {
    const text = composeSummary(record, t, limits);
    return text.length <= SUMMARY_MAX_CHARS ? text : null;
  };
  const all = record.items.length;
  for (const names of NAMES_PER_LIST) {
    const text = fits({ names, items: all });
    if (text !== null) return text;
  }
  // Still too long with the shortest lists: summarise as many items as fit, the rest named only.
  const names = NAMES_PER_LIST.at(-1)!;
  let [low, high] = [0, all];
  let best = fits({ names, items: 0 });
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const text = fits({ names, items: middle });
    if (text !== null) {
      best = text;
      low = middle;
    } else high = middle - 1;
  }
  if (best === null)
    throw new Error(
      `the summary of ${record.meeting.id} exceeds ${SUMMARY_MAX_CHARS} characters without its items`,
    );
  return best;
}
