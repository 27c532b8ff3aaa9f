import { formatTime } from '../format';
import type { Version } from './versions';

type Translate = (key: 'shell.clock.meeting' | 'shell.clock.yours', values: { time: string }) => string;

/**
 * A time of the text's history (a version, an edit, a comment) on the meeting's clock, saying so
 * like every time in the room (../format.ts): "01/12/2026, 14:05 (meeting time)". Times of texts are
 * always given in meeting time, so that delegates in several time zones quote the same one.
 */
export const atMeetingTime = (
  ms: number,
  timeZone: string | undefined,
  language: string,
  t: Translate,
): string => formatTime(ms, 'meeting', { meetingZone: timeZone ?? 'UTC', language, t, withDate: true });

/** The version 0 the server makes from the base text (server/collab/doc/baseText.ts). */
const isBaseText = (v: Version) => v.createdBy === null && v.id.startsWith('v_base_');

/** A version's name as shown: the base text's is translated (the server names it in English). */
export const versionName = (v: Version, t: (key: 'texts.baseText') => string): string =>
  isBaseText(v) ? t('texts.baseText') : v.name;
