import { fileNameOf } from './download';

/** What separates the cells of the file: Excel in French, Spanish or Russian settings splits on ";". */
export type CsvSeparator = 'comma' | 'semicolon';

/** The separator a spreadsheet in this interface language most likely expects. */
export const separatorFor = (language: string): CsvSeparator =>
  /^(fr|es|ru)\b/.test(language) ? 'semicolon' : 'comma';

/**
 * Ids per request: they travel in the address (`?participantIds=…`), which must fit the server's
 * header limit (16 KiB in Node) and a proxy's (8 KiB in nginx); 400 ids of 16 characters is 7 KiB.
 */
const IDS_PER_REQUEST = 400;

/** One `GET …/invitations.csv`: of these participants, or of everyone when `ids` is undefined. */
export type FetchInvitations = (ids: string[] | undefined) => Promise<Response>;

/**
 * The invitations file of everyone (`ids` null) or of the participants ticked: asked for in
 * batches when they are many, and joined into one file (one BOM, one header line, every row).
 */
export async function invitationsFile(
  fetchPart: FetchInvitations,
  ids: readonly string[] | null,
  perRequest = IDS_PER_REQUEST,
): Promise<{ blob: Blob; fileName: string }> {
  if (!ids || ids.length <= perRequest) {
    const res = await fetchPart(ids ? [...ids] : undefined);
    return { blob: await res.blob(), fileName: nameOf(res) };
  }
  const parts: string[] = [];
  let fileName = '';
  for (let at = 0; at < ids.length; at += perRequest) {
    const res = await fetchPart(ids.slice(at, at + perRequest));
    fileName ||= nameOf(res);
    // text() has taken the BOM off; each part after the first also loses its header line (the
    // header holds no line break: every other line break in the file is inside quotes).
    const text = await res.text();
    parts.push(parts.length === 0 ? text : text.slice(text.indexOf('\r\n') + 2));
  }
  return { blob: new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' }), fileName };
}

const nameOf = (res: Response) => fileNameOf(res.headers.get('content-disposition'), 'invitations.csv');
