import { type MeetingRecord, utcOffsetOf } from '../../../shared';
import { attendanceFacts } from './attendance';
import { awaitedItemSection, itemSection } from './itemSections';
import { meetingDates, nextDate, type SittingDay } from './meetingDates';
import { capped, clock, speakerGroups, userText } from './phrases';
import { type Block, heading, inline, paragraph, toText } from './plainText';
import { formatList } from './templates/format';
import type { OpeningFacts, SummaryTemplates } from './templates/types';

/**
 * How much of a large meeting the draft tells: at most `names` entries in any list (the rest
 * counted: "… and 14 other delegations"), and the first `items` agenda items taken up (the others
 * named in a bracketed note). Unlimited for an ordinary meeting; draft.ts lowers them until the
 * text fits.
 */
export interface SummaryLimits {
  names: number;
  items: number;
}

/**
 * The draft's text for `record` in the language of `t`, within `limits`: the title, the opening,
 * a section per item taken up (in agenda order), what was said outside the agenda, the items not
 * taken up, and the closing paragraph.
 */
export function composeSummary(record: MeetingRecord, t: SummaryTemplates, limits: SummaryLimits): string {
  const blocks: Block[] = [
    heading(t.titled(userText(t, record.meeting.title))),
    paragraph(opening(record, t)),
  ];
  // Before the meeting opens, the draft is a template: every item, with placeholders to fill in.
  const held = record.meeting.openedAt !== null;
  const takenUp = held ? record.items.filter((item) => item.sessions.length > 0) : record.items;
  for (const item of takenUp.slice(0, limits.items)) {
    blocks.push(
      ...(held ? itemSection(item, record.meeting.status, t, limits) : awaitedItemSection(item, t, limits)),
    );
  }
  const left = takenUp.slice(limits.items);
  if (left.length > 0) {
    // The last items of the agenda: named by the first and the last, however many they are.
    const [first, last] = [userText(t, left[0]!.number), userText(t, left.at(-1)!.number)];
    const numbers =
      left.length === 1
        ? first
        : left.length === 2
          ? formatList(t.locale, [first, last])
          : t.range(first, last);
    blocks.push(paragraph(t.omitted(numbers, left.length)));
  }
  const outside = speakerGroups(t, record.outsideAgenda, limits);
  if (outside.length > 0) blocks.push(paragraph(t.tookTheFloorOutsideAgenda(outside)));
  const notTakenUp = held ? record.items.filter((item) => item.sessions.length === 0) : [];
  if (notTakenUp.length > 0) {
    const references = notTakenUp.map((item) =>
      t.itemReference(userText(t, item.number), userText(t, item.title)),
    );
    const listed = t.series(capped(t, references, limits.names, 'items'));
    blocks.push(paragraph(t.notTakenUp(listed, notTakenUp.length)));
  }
  const closedAt = record.meeting.closedAt;
  const closed = closedAt ? { date: t.date(closedAt.slice(0, 10)), time: clock(t, closedAt) } : null;
  blocks.push(paragraph(t.closing(closed)));
  return toText(blocks);
}

/** When and how the meeting was held, by whom chaired, and who attended from which regions. */
function opening(record: MeetingRecord, t: SummaryTemplates): string {
  const { meeting } = record;
  const dates = meetingDates(meeting);
  const facts: OpeningFacts = {
    when: dates ? when(t, dates.days, dates.hours) : t.unknownDay,
    zone: t.user(meeting.timezone),
    offsets: formatList(t.locale, dates?.offsets ?? [utcOffsetOf(meeting.asOf)]),
    chair: meeting.chair
      ? {
          name: userText(t, meeting.chair.name),
          delegation: userText(t, meeting.chair.delegation),
          bracketed: /[)\]）]$/.test(inline(meeting.chair.delegation)),
        }
      : null,
    attendance: meeting.openedAt === null ? null : attendanceFacts(record),
  };
  return t.opening(facts);
}

/** Up to three days with their hours; more, or planned days, as runs of consecutive dates. */
function when(t: SummaryTemplates, days: SittingDay[], hours: boolean): string {
  const date = (d: string) => t.date(d);
  if (hours && days.length <= 3) {
    return formatList(
      t.locale,
      days.map((d) => t.dayWithHours(date(d.date), t.time(d.from), t.time(d.to))),
    );
  }
  const runs: { first: string; last: string }[] = [];
  for (const { date: d } of days) {
    const run = runs.at(-1);
    if (run && nextDate(run.last) === d) run.last = d;
    else runs.push({ first: d, last: d });
  }
  return formatList(
    t.locale,
    runs.map((run) =>
      run.first === run.last ? t.day(date(run.first)) : t.days(date(run.first), date(run.last)),
    ),
  );
}
