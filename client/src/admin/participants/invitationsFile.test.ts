import { describe, expect, it } from 'vitest';
import { invitationsFile, separatorFor } from './invitationsFile';

const HEADER = 'name,delegation,email,role,lang,joinUrl';
/** The server's answer for these ids: a BOM, the header, one line each (a name with a line break too). */
const answer = (ids: string[] | undefined): Response =>
  new Response(
    `\uFEFF${HEADER}\r\n${(ids ?? ['all']).map((id) => `"${id}\r\nJr.",Kenya,,delegate,,u\r\n`).join('')}`,
    {
      headers: { 'content-disposition': 'attachment; filename="IRM-2-invitations.csv"' },
    },
  );

describe('invitationsFile', () => {
  it('asks once for everyone, or for a short selection, and keeps the file as sent', async () => {
    const asked: (string[] | undefined)[] = [];
    const fetchPart = async (ids: string[] | undefined) => {
      asked.push(ids);
      return answer(ids);
    };
    const all = await invitationsFile(fetchPart, null);
    expect(all.fileName).toBe('IRM-2-invitations.csv');
    expect([...new Uint8Array(await all.blob.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await invitationsFile(fetchPart, ['p_1', 'p_2'], 2);
    expect(asked).toEqual([undefined, ['p_1', 'p_2']]);
  });

  it('asks for a long selection in batches and joins them: one BOM, one header, every row', async () => {
    const asked: (string[] | undefined)[] = [];
    const ids = ['p_1', 'p_2', 'p_3', 'p_4', 'p_5'];
    const file = await invitationsFile(
      async (part) => {
        asked.push(part);
        return answer(part);
      },
      ids,
      2,
    );
    expect(asked).toEqual([['p_1', 'p_2'], ['p_3', 'p_4'], ['p_5']]);
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.split(HEADER)).toHaveLength(2);
    expect(text).toBe(`${HEADER}\r\n${ids.map((id) => `"${id}\r\nJr.",Kenya,,delegate,,u\r\n`).join('')}`);
    expect(file.fileName).toBe('IRM-2-invitations.csv');
  });

  it('takes semicolons for French, Spanish and Russian, commas otherwise', () => {
    expect(['fr', 'fr-CH', 'es', 'en', 'ar', 'ru', 'zh'].map(separatorFor)).toEqual([
      'semicolon',
      'semicolon',
      'semicolon',
      'comma',
      'comma',
      'semicolon',
      'comma',
    ]);
  });
});
