import { oneLine } from './format';

/** A meeting's title in a file name is cut to this many characters: enough to tell meetings apart. */
const TITLE_IN_NAME = 60;

/**
 * `<meeting title> <what>.<ext>`, e.g. `IRM-1 for WTDC-25 compte rendu.docx`: the title on one line,
 * without control characters and cut to `TITLE_IN_NAME` characters (whole characters, never half a
 * surrogate pair). The route makes the name safe for the Content-Disposition header.
 */
export function exportFileName(meetingTitle: string, what: string, extension: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const title = [...oneLine(meetingTitle).replace(/[\u0000-\u001f\u007f]/g, '')]
    .slice(0, TITLE_IN_NAME)
    .join('')
    .trim();
  return `${title || 'meeting'} ${what}.${extension}`;
}
