import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type InvitationRow, invitationsCsv } from './invitationsCsv';

const row = (over: Partial<InvitationRow>): InvitationRow => ({
  name: 'Amina Diallo',
  delegation: 'Kenya',
  email: 'amina.diallo@example.ke',
  role: 'delegate',
  lang: 'en',
  joinUrl: 'https://irm.example.org/join#token=eyJ.abc.def',
  ...over,
});

describe('invitationsCsv', () => {
  it('writes a BOM, the header and one CRLF line per participant', () => {
    const csv = invitationsCsv([
      row({}),
      row({ name: 'Zoé Müller', email: null, lang: null, role: 'vice-chair' }),
    ]);
    expect(csv.startsWith('\uFEFFname,delegation,email,role,lang,joinUrl\r\n')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFname,delegation,email,role,lang,joinUrl',
      'Amina Diallo,Kenya,amina.diallo@example.ke,delegate,en,https://irm.example.org/join#token=eyJ.abc.def',
      'Zoé Müller,Kenya,,vice-chair,,https://irm.example.org/join#token=eyJ.abc.def',
      '',
    ]);
  });

  it('quotes commas, quotes and scripts so a spreadsheet reads the same cells back', () => {
    const names = [
      row({ delegation: 'Tanzania, United Republic of', name: 'María "Majo" Quispe' }),
      row({ name: 'محمد بن راشد', delegation: 'الإمارات العربية المتحدة', lang: 'ar' }),
      row({ name: '王伟', delegation: '中华人民共和国', lang: 'zh' }),
    ];
    const back = parse(invitationsCsv(names), { bom: true, columns: true });
    expect(back).toEqual(names.map((r) => ({ ...r, email: r.email ?? '', lang: r.lang ?? '' })));
  });

  it('separates cells with semicolons when asked (Excel in French or Spanish), quoting a cell that holds one', () => {
    const names = [row({ name: 'Omar; Jr.', delegation: 'Côte d’Ivoire, République de' })];
    const csv = invitationsCsv(names, { delimiter: ';' });
    expect(csv.split('\r\n')[0]).toBe('\uFEFFname;delegation;email;role;lang;joinUrl');
    expect(csv.split('\r\n')[1]).toMatch(/^"Omar; Jr\.";Côte d’Ivoire, République de;/);
    expect(parse(csv, { bom: true, columns: true, delimiter: ';' })).toEqual(names);
  });

  it('makes cells that a spreadsheet would run as formulas inert with a leading quote', () => {
    const csv = invitationsCsv([
      row({ name: '=HYPERLINK("https://evil.example","click")', delegation: '+41 22 730 5111' }),
      row({ name: '@SUM(A1:A9)', delegation: '-2+3' }),
      row({ name: '\t=1+1', delegation: 'Kenya' }),
    ]);
    const cells = parse(csv, { bom: true, from_line: 2 }).map((r: string[]) => [r[0], r[1]]);
    expect(cells).toEqual([
      ['\'=HYPERLINK("https://evil.example","click")', "'+41 22 730 5111"],
      ["'@SUM(A1:A9)", "'-2+3"],
      ["'\t=1+1", 'Kenya'],
    ]);
  });
});
