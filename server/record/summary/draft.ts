import type { Language, MeetingRecord, SummaryDraft } from '../../../shared';

/**
 * The draft of the chair's summary of `record`, in `lang`, from that language's templates: per item,
 * what was presented and by whom, who took the floor by region in the order given, and the outcome.
 */
export function draftSummary(record: MeetingRecord, lang: Language): SummaryDraft {
  throw new Error(`the summary of ${record.meeting.id} in ${lang}: the templates are being built`);
}
