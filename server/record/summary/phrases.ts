import type { RecordIntervention, ZonedTime } from '../../../shared';
import { literalBrackets } from '../../../shared/collab/baseTextSyntax';
import type { SummaryLimits } from './compose';
import { inline } from './plainText';
import { type Speaker, speakersByRegion } from './speakers';
import { formatList } from './templates/format';
import type { ListKind, SpeakerGroup, SummaryTemplates } from './templates/types';

/** Values of the record in the words of `t`: user text, times, lists, speakers. */

/**
 * User text (a name, a title, a symbol, an outcome) as the draft's sentences take it: on one line,
 * its square brackets literal (the draft's own brackets are its placeholders: text not yet agreed),
 * isolated when its direction is not the sentence's.
 */
export const userText = (t: SummaryTemplates, text: string): string => t.user(literalBrackets(inline(text)));

export const clock = (t: SummaryTemplates, time: ZonedTime): string => t.time(time.slice(11, 16));

/** "on 14 July 2025 at 15:50", in the meeting's zone (the zone the record's times are in). */
export const moment = (t: SummaryTemplates, time: ZonedTime): string =>
  t.moment(t.date(time.slice(0, 10)), clock(t, time));

/** The first `limit` entries, and a count of the others in place of the rest. */
export function capped(t: SummaryTemplates, entries: string[], limit: number, kind: ListKind): string[] {
  if (entries.length <= limit) return entries;
  return [...entries.slice(0, limit), t.others(kind, entries.length - limit)];
}

/** A speaker as the lists name them: a delegation, an RTO's spokesperson, or a delegation on an RTO's behalf. */
export function speakerName(t: SummaryTemplates, speaker: Speaker): string {
  const { delegation, onBehalfOf } = speaker;
  // A spokesperson registered under the RTO's own name speaks as the RTO, not on its behalf.
  const name =
    onBehalfOf === null
      ? userText(t, delegation)
      : delegation === onBehalfOf
        ? t.spokesperson(onBehalfOf)
        : t.onBehalfOf(userText(t, delegation), onBehalfOf);
  return speaker.times > 1 ? `${name}${t.interventions(speaker.times)}` : name;
}

/** Who took the floor, region by region, each region's speakers joined into one list. */
export function speakerGroups(
  t: SummaryTemplates,
  interventions: readonly RecordIntervention[],
  limits: SummaryLimits,
): SpeakerGroup[] {
  return speakersByRegion(interventions).map(({ region, speakers }) => ({
    region,
    count: speakers.length,
    speakers: formatList(
      t.locale,
      capped(
        t,
        speakers.map((s) => speakerName(t, s)),
        limits.names,
        'delegations',
      ),
    ),
  }));
}
