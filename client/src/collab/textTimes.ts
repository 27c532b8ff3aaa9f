import { zoneName } from '../format';
import type { Version } from './versions';

type Translate = (key: 'texts.atMeetingTime', values: { time: string; zone: string }) => string;

/**
 * A time of the text's history (a version, an edit, a comment) on the meeting's clock, saying so:
 * "01/12/2026, 14:05 (meeting time, CET)". Times of texts are always given in meeting time, so that
 * delegates in several time zones quote the same one. (The room-wide formatter in ../format.ts that
 * names the clock the same way everywhere can replace this once it lands.)
 */
export function atMeetingTime(
  ms: number,
  timeZone: string | undefined,
  language: string,
  t: Translate,
): string {
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(
    ms,
  );
  return t('texts.atMeetingTime', { time, zone: zoneName(ms, timeZone, language) });
}

/** The version 0 the server makes from the base text (server/collab/doc/baseText.ts). */
const isBaseText = (v: Version) => v.createdBy === null && v.id.startsWith('v_base_');

/** A version's name as shown: the base text's is translated (the server names it in English). */
export const versionName = (v: Version, t: (key: 'texts.baseText') => string): string =>
  isBaseText(v) ? t('texts.baseText') : v.name;
