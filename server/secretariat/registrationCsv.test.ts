import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARTICIPANT_QUOTA } from '../../shared';
import { REGISTRATION_CSV_MAX_BYTES, readRegistrationCsv } from './registrationCsv';

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/registration');
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

/** The rows of a file that should read without an error (one fails the test, with its message). */
const readClean = (input: string | Uint8Array) => {
  const { rows, errors } = readRegistrationCsv(input);
  expect(errors).toEqual([]);
  return rows;
};

describe('readRegistrationCsv: files as spreadsheets write them', () => {
  it('reads Excel in French settings: BOM, semicolons, CRLF, accents, a quoted cell with ";"', () => {
    const bytes = fixture('excel-fr-semicolon-bom.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);
    expect(readClean(bytes)).toEqual([
      {
        line: 2,
        name: 'Élodie Lefèvre',
        delegation: 'France',
        role: 'delegate',
        category: 'member-state',
        region: 'EUR',
        email: 'elodie.lefevre@example.fr',
        lang: 'fr',
      },
      {
        line: 3,
        name: 'Jean-François Ngom',
        delegation: 'Sénégal',
        role: 'spokesperson',
        category: 'member-state',
        region: 'AFR',
        rto: 'ATU',
        email: 'jf.ngom@example.sn',
        lang: 'fr',
      },
      {
        line: 4,
        name: 'Hélène Dubois-Côté',
        delegation: "Ministère de l'Économie; Direction du numérique",
        role: 'observer',
        category: 'sector-member',
        region: 'none',
        email: 'helene.dubois@example.fr',
        lang: 'fr',
      },
      {
        line: 5,
        name: 'Raphaël Thériault',
        delegation: 'Canada',
        role: 'vice-chair',
        category: 'member-state',
        region: 'AMS',
        email: 'r.theriault@example.ca',
        lang: 'fr',
      },
      // Empty cells are absent, not cleared; the ";;;;;;;" row Excel leaves at the end is no row.
      {
        line: 6,
        name: 'Zoé Müller',
        delegation: 'Suisse',
        category: 'member-state',
        region: 'EUR',
      },
    ]);
  });

  it('reads commas with quoted commas and escaped quotes, columns in any order and case, others ignored', () => {
    const rows = readClean(fixture('comma-quoted.csv'));
    expect(rows.map((r) => [r.line, r.name, r.delegation, r.role, r.rto, r.region, r.lang])).toEqual([
      [2, 'Kim Min-jun', 'Korea (Republic of)', 'delegate', undefined, 'ASP', 'en'],
      [3, 'Neema Mwakyusa', 'Tanzania, United Republic of', 'spokesperson', 'ATU', 'AFR', 'en'],
      [4, 'María "Majo" Quispe', 'Bolivia (Plurinational State of)', 'vice-chair', undefined, 'AMS', 'es'],
      [5, 'Secretariat BDT', 'ITU', 'secretariat', undefined, 'none', 'en'],
    ]);
    expect(rows[3]).toMatchObject({ category: 'bdt', email: 'irm@itu.int' });
    expect(rows[0]).not.toHaveProperty('notes');
  });

  it('keeps names and delegations in Arabic, Chinese and Cyrillic as written', () => {
    expect(readClean(fixture('scripts.csv')).map((r) => [r.name, r.delegation, r.region, r.lang])).toEqual([
      ['محمد بن راشد المهيري', 'الإمارات العربية المتحدة', 'ARB', 'ar'],
      ['فاطمة الزهراء بنعلي', 'المملكة المغربية', 'ARB', 'ar'],
      ['王伟', '中华人民共和国', 'ASP', 'zh'],
      ['李娜', '中国', 'ASP', 'zh'],
      ['Ольга Смирнова', 'Российская Федерация', 'CIS', 'ru'],
      ['Айгерим Нурланова', 'Республика Казахстан', 'CIS', 'ru'],
    ]);
  });

  it('gives each bad row one message naming the column, at the line where the row starts', () => {
    const { rows, errors } = readRegistrationCsv(fixture('bad-rows.csv'));
    expect(errors).toEqual([
      {
        line: 3,
        message: 'email: "pedro.alves(at)example.br" is not an e-mail address',
        reason: { code: 'bad_value', field: 'email', column: 'email', value: 'pedro.alves(at)example.br' },
      },
      {
        line: 4,
        message:
          'role: "president" is not a role (chair, vice-chair, secretariat, spokesperson, delegate or observer)',
        reason: { code: 'unknown_value', field: 'role', column: 'role', value: 'president' },
      },
      {
        line: 5,
        message:
          'region: "Oceania" is not a region: ARB, EUR, ASP, AMS, AFR, CIS, none, or Arab States, Europe, ' +
          'Asia-Pacific, Americas, Africa, CIS',
        reason: { code: 'unknown_value', field: 'region', column: 'region', value: 'Oceania' },
      },
      {
        line: 6,
        message: 'name is empty: every row needs a name and a delegation',
        reason: { code: 'empty', field: 'name', column: 'name' },
      },
      // Line 7 is a row whose quoted note holds a line break: the rows after it start one line later.
      {
        line: 9,
        message:
          'this row has 4 cells but the header has 8: check for a missing or extra ",", and put a cell that ' +
          'contains "," in double quotes',
        reason: { code: 'ragged_row', cells: 4, header: 8, separator: ',' },
      },
      {
        line: 10,
        message: 'rto: "XYZ" is not an RTO (APT, ATU, CEPT, CITEL, LAS or RCC)',
        reason: { code: 'unknown_value', field: 'rto', column: 'rto', value: 'XYZ' },
      },
      {
        line: 11,
        message:
          'lang: "Deutsch" is not one of the six languages: ar, zh, en, fr, ru, es, or English, Français, ' +
          'Español, Русский, العربية, 中文',
        reason: { code: 'unknown_value', field: 'lang', column: 'lang', value: 'Deutsch' },
      },
    ]);
    // A spokesperson without an RTO is the domain's to refuse, not the parser's.
    expect(rows.map((r) => [r.line, r.name, r.role])).toEqual([
      [2, 'Amina Diallo', 'delegate'],
      [7, 'Tomasz Nowak', 'spokesperson'],
    ]);
  });

  it('reads the 300-row IRM-2 list with its four bad rows at lines 37, 88, 154 and 251', () => {
    const { rows, errors } = readRegistrationCsv(fixture('irm2-300.csv'));
    expect(errors.map((e) => e.line)).toEqual([37, 88, 154, 251]);
    expect(errors.map((e) => e.message.split(':')[0])).toEqual([
      'email',
      'region',
      'delegation is empty',
      'lang',
    ]);
    expect(rows).toHaveLength(296);
    expect(new Set(rows.map((r) => r.region))).toEqual(
      new Set(['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR', 'none']),
    );
    expect(
      rows
        .filter((r) => r.role === 'spokesperson')
        .map((r) => r.rto)
        .sort(),
    ).toEqual(['APT', 'ATU', 'CEPT', 'CITEL', 'LAS', 'RCC']);
    expect(rows.at(-1)?.line).toBe(301);
  });
});

describe('readRegistrationCsv: header', () => {
  it('takes the columns in any order and case, with spaces around them', () => {
    const csv = ' LANG , Delegation ,NAME,E-mail, Role\nfr-FR,Mali,Awa Keita,awa@example.ml,VICE_CHAIR\n';
    expect(readClean(csv)).toEqual([
      {
        line: 2,
        name: 'Awa Keita',
        delegation: 'Mali',
        role: 'vice-chair',
        email: 'awa@example.ml',
        lang: 'fr',
      },
    ]);
  });

  it('refuses a file without a delegation column on line 1, and reads no row', () => {
    expect(readRegistrationCsv('name;email\nAwa Keita;awa@example.ml\n')).toEqual({
      rows: [],
      errors: [
        {
          line: 1,
          message:
            'the header has no "delegation" column: the first line names the columns, e.g. ' +
            'name;delegation;role;category;region;rto;email;lang',
          reason: { code: 'missing_columns', columns: ['delegation'], separator: ';' },
        },
      ],
    });
    expect(readRegistrationCsv('nom,pays\nAwa Keita,Mali\n').errors).toEqual([
      {
        line: 1,
        message: expect.stringContaining('the header has no "name" and "delegation" columns'),
        reason: { code: 'missing_columns', columns: ['name', 'delegation'], separator: ',' },
      },
    ]);
  });

  it('refuses a column named twice, and an empty file', () => {
    expect(readRegistrationCsv('name,delegation,Email,email\n').errors).toEqual([
      {
        line: 1,
        message: 'the header has two "email" columns: keep one',
        reason: { code: 'duplicate_column', column: 'email' },
      },
    ]);
    expect(readRegistrationCsv('').errors).toEqual([
      {
        line: 1,
        message: expect.stringContaining('the file is empty'),
        reason: { code: 'empty_file', separator: ',' },
      },
    ]);
    expect(readRegistrationCsv('\uFEFF\r\n').errors).toHaveLength(1);
  });

  it('reads tab-separated text (copied from a spreadsheet)', () => {
    const { rows } = readRegistrationCsv(
      'name\tdelegation\tregion\nKim Min-jun\tKorea, Republic of\tAsia-Pacific\n',
    );
    expect(rows).toEqual([{ line: 2, name: 'Kim Min-jun', delegation: 'Korea, Republic of', region: 'ASP' }]);
  });
});

describe('readRegistrationCsv: rows', () => {
  it('is the same for text and bytes', () => {
    const bytes = fixture('scripts.csv');
    expect(readRegistrationCsv(bytes.toString('utf8'))).toEqual(readRegistrationCsv(new Uint8Array(bytes)));
  });

  it('counts blank lines and blank rows in the line numbers, and reads no row from them', () => {
    const { rows, errors } = readRegistrationCsv(
      '\r\n\r\nname,delegation,email\r\n\r\nA,Kenya," "\r\n   \r\n,,\r\nB,,\r\n',
    );
    // No role cell: the row names no role (a new participant is a delegate; one there keeps theirs).
    expect(rows).toEqual([{ line: 5, name: 'A', delegation: 'Kenya' }]);
    expect(errors).toEqual([
      {
        line: 8,
        message: 'delegation is empty: every row needs a name and a delegation',
        reason: { code: 'empty', field: 'delegation', column: 'delegation' },
      },
    ]);
  });

  it('accepts readable values for role, category, region and language', () => {
    const csv = [
      'name,delegation,role,category,region,lang',
      'A,X,Vice-Chair,Member State,Arab States,العربية',
      'B,X,vice chair,Sector Member,Asia and the Pacific,中文',
      'C,X,RTO spokesperson,RTO,Americas,Spanish',
      'D,X,OBSERVER,academia,cis,Русский',
      'E,X,,Associate,none,zh-Hans',
    ].join('\n');
    expect(readClean(csv).map((r) => [r.role, r.category, r.region, r.lang])).toEqual([
      ['vice-chair', 'member-state', 'ARB', 'ar'],
      ['vice-chair', 'sector-member', 'ASP', 'zh'],
      ['spokesperson', 'rto', 'AMS', 'es'],
      ['observer', 'academia', 'CIS', 'ru'],
      [undefined, 'associate', 'none', 'zh'],
    ]);
  });

  it('refuses an invisible character in a name, naming the column as the file does', () => {
    const { errors } = readRegistrationCsv('Name,Delegation\nAmina,\u202Eecnarf\n');
    expect(errors).toEqual([
      {
        line: 2,
        message: 'Delegation: contains U+202E right-to-left override, not allowed in names and titles',
        reason: {
          code: 'invisible_character',
          field: 'delegation',
          column: 'Delegation',
          codePoint: 'U+202E',
        },
      },
    ]);
  });

  it('refuses a row with more cells than the header, and takes trailing empty cells', () => {
    const { rows, errors } = readRegistrationCsv('name,delegation,,\nA,Kenya,,\nB,Kenya,extra\nC,Mali\n');
    expect(rows.map((r) => r.name)).toEqual(['A', 'C']);
    expect(errors).toEqual([
      {
        line: 3,
        message: expect.stringContaining('this row has 3 cells but the header has 2'),
        reason: { code: 'ragged_row', cells: 3, header: 2, separator: ',' },
      },
    ]);
  });

  it(`refuses more than ${PARTICIPANT_QUOTA.perMeeting} rows with one error, and reads none`, () => {
    const lines = ['name,delegation'];
    for (let i = 0; i <= PARTICIPANT_QUOTA.perMeeting; i++) lines.push(`Delegate ${i},Kenya`);
    expect(readRegistrationCsv(lines.join('\n'))).toEqual({
      rows: [],
      errors: [
        {
          line: PARTICIPANT_QUOTA.perMeeting + 2,
          message: `the file has ${PARTICIPANT_QUOTA.perMeeting + 1} rows: a meeting has at most ${PARTICIPANT_QUOTA.perMeeting} participants`,
          reason: {
            code: 'too_many_rows',
            rows: PARTICIPANT_QUOTA.perMeeting + 1,
            max: PARTICIPANT_QUOTA.perMeeting,
          },
        },
      ],
    });
  });

  it('reports a quote that is never closed at the line where its row starts', () => {
    const { rows, errors } = readRegistrationCsv('name,delegation\nA,Kenya\n"B,Ghana\nC,Mali\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      {
        line: 3,
        message: expect.stringContaining('never closed'),
        reason: { code: 'csv_syntax', problem: 'unclosed_quote', separator: ',' },
      },
    ]);
  });

  it('refuses text that is not UTF-8, at its line, saying how to save it', () => {
    const latin1 = Buffer.from('name;delegation\nAmina;Kenya\nRapha\xebl;France\n', 'latin1');
    expect(readRegistrationCsv(latin1).errors).toEqual([
      { line: 3, message: expect.stringContaining('CSV UTF-8'), reason: { code: 'not_utf8' } },
    ]);
  });

  it('refuses a file over the size limit before reading it', () => {
    const big = `name,delegation\n${'A,Kenya\n'.repeat(REGISTRATION_CSV_MAX_BYTES / 8)}`;
    expect(readRegistrationCsv(big).errors).toEqual([
      {
        line: 1,
        message: expect.stringContaining('larger than 1 MiB'),
        reason: { code: 'too_large', maxMiB: 1 },
      },
    ]);
  });
});
