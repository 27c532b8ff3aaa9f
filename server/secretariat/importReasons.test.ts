import { describe, expect, it } from 'vitest';
import { type ImportReason, PARTICIPANT_QUOTA } from '../../shared';
import { REGISTRATION_CSV_MAX_BYTES, readRegistrationCsv } from './registrationCsv';

/** The one error of a file, with its line and reason (the English words are registrationCsv.test.ts's). */
const reasonOf = (input: string | Uint8Array) => {
  const { errors } = readRegistrationCsv(input);
  expect(errors).toHaveLength(1);
  return { line: errors[0]!.line, reason: errors[0]!.reason };
};

const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('name,delegation\n', 'utf16le')]);
const manyRows = [
  'name,delegation',
  ...Array.from({ length: PARTICIPANT_QUOTA.perMeeting + 1 }, () => 'A,B'),
];

describe('readRegistrationCsv: a reason for the client with every error', () => {
  it.each<[string, string | Uint8Array, number, ImportReason]>([
    ['too large', 'x'.repeat(REGISTRATION_CSV_MAX_BYTES + 1), 1, { code: 'too_large', maxMiB: 1 }],
    ['UTF-16', utf16, 1, { code: 'utf16' }],
    ['not UTF-8', Buffer.from('name,delegation\nA,Espa\xf1a\n', 'latin1'), 2, { code: 'not_utf8' }],
    [
      'a quote never closed',
      'name;delegation\nA;"Kenya\n',
      2,
      { code: 'csv_syntax', problem: 'unclosed_quote', separator: ';' },
    ],
    [
      'a quote in a cell',
      'name,delegation\nA,Ke"nya\n',
      2,
      { code: 'csv_syntax', problem: 'stray_quote', separator: ',' },
    ],
    [
      'text after a closing quote',
      'name;delegation\n"A"x;Kenya\n',
      2,
      { code: 'csv_syntax', problem: 'text_after_quote', separator: ';' },
    ],
    [
      'another CSV error',
      'name,delegation\n"A" x,Kenya\n',
      2,
      { code: 'csv_syntax', problem: 'unreadable', separator: ',' },
    ],
    ['an empty file', '\uFEFF\r\n', 1, { code: 'empty_file', separator: ',' }],
    [
      'no name column',
      'Nom\tdelegation\nA\tB\n',
      1,
      { code: 'missing_columns', columns: ['name'], separator: 'tab' },
    ],
    ['a column twice', 'name,delegation,Language,lang\n', 1, { code: 'duplicate_column', column: 'lang' }],
    [
      'too many rows',
      manyRows.join('\n'),
      PARTICIPANT_QUOTA.perMeeting + 2,
      { code: 'too_many_rows', rows: PARTICIPANT_QUOTA.perMeeting + 1, max: PARTICIPANT_QUOTA.perMeeting },
    ],
    [
      'a ragged row',
      'name\tdelegation\nA\tKenya\tx\n',
      2,
      { code: 'ragged_row', cells: 3, header: 2, separator: 'tab' },
    ],
    ['an empty name', 'Name,Delegation\n,Kenya\n', 2, { code: 'empty', field: 'name', column: 'Name' }],
    [
      'a name too long',
      `name,delegation\n${'x'.repeat(201)},Kenya\n`,
      2,
      { code: 'too_long', field: 'name', column: 'name', max: 200 },
    ],
    [
      'an e-mail address too long',
      `name,delegation,E-mail\nA,Kenya,${'a'.repeat(250)}@example.org\n`,
      2,
      { code: 'too_long', field: 'email', column: 'E-mail', max: 254 },
    ],
    [
      'an invisible character',
      'name,DELEGATION\nA,Ken\u200Bya\n',
      2,
      { code: 'invisible_character', field: 'delegation', column: 'DELEGATION', codePoint: 'U+200B' },
    ],
    [
      'a control character',
      'name,delegation\nA\u0007,Kenya\n',
      2,
      { code: 'invisible_character', field: 'name', column: 'name', codePoint: 'U+0007' },
    ],
    [
      'combining marks piled up',
      `name,delegation\nZ${'\u0301'.repeat(9)},Kenya\n`,
      2,
      { code: 'combining_marks', field: 'name', column: 'name' },
    ],
    [
      'not an e-mail address',
      'name,delegation,E-mail\nA,Kenya,a@@b\n',
      2,
      { code: 'bad_value', field: 'email', column: 'E-mail', value: 'a@@b' },
    ],
    [
      'an unknown role',
      'name,delegation,Role\nA,Kenya,Président\n',
      2,
      { code: 'unknown_value', field: 'role', column: 'Role', value: 'Président' },
    ],
    [
      'an unknown category',
      'name,delegation,category\nA,Kenya,Government\n',
      2,
      { code: 'unknown_value', field: 'category', column: 'category', value: 'Government' },
    ],
    [
      'an unknown region',
      'name,delegation,region\nA,Kenya,Oceania\n',
      2,
      { code: 'unknown_value', field: 'region', column: 'region', value: 'Oceania' },
    ],
    [
      'an unknown RTO',
      'name,delegation,RTO\nA,Kenya,XYZ\n',
      2,
      { code: 'unknown_value', field: 'rto', column: 'RTO', value: 'XYZ' },
    ],
    [
      'an unknown language',
      'name,delegation,Language\nA,Kenya,Deutsch\n',
      2,
      { code: 'unknown_value', field: 'lang', column: 'Language', value: 'Deutsch' },
    ],
  ])('%s', (_what, input, line, reason) => {
    expect(reasonOf(input)).toEqual({ line, reason });
  });

  it('quotes the cell as the English message does: its first 60 characters', () => {
    const { reason } = reasonOf(`name,delegation,region\nA,Kenya,${'é'.repeat(70)}\n`);
    expect(reason).toMatchObject({ code: 'unknown_value', value: `${'é'.repeat(60)}…` });
  });

  it('gives the reason of the first bad column, the one its message names', () => {
    const { errors } = readRegistrationCsv('name,delegation,role,email\n,Kenya,Boss,x\n');
    expect(errors).toEqual([
      {
        line: 2,
        message: expect.stringMatching(/^name is empty/),
        reason: { code: 'empty', field: 'name', column: 'name' },
      },
    ]);
  });
});
