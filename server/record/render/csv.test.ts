import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { attendanceCsv, interventionsCsv } from './csv';
import { FORMULA_NAME, hostileRecord, irmRecord, roundedPartsRecord } from './fixtures';
import { RECORD_WORDS } from './words';
import { ATTENDANCE_COLUMNS, INTERVENTION_COLUMNS } from './words/types';

const BOM = '\ufeff';

/** The file read back as a spreadsheet would: BOM dropped, header row, then the rows. */
function readBack(
  file: string,
  delimiter: ',' | ';' = ',',
): { header: string[]; rows: Record<string, string>[] } {
  expect(file.startsWith(BOM)).toBe(true);
  // Every line ends with CRLF; a bare LF only inside a quoted cell.
  const outsideQuotes = file.replace(/"(?:[^"]|"")*"/g, '""');
  expect(outsideQuotes).not.toMatch(/[^\r]\n/);
  expect(outsideQuotes.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parse(file, { bom: true, delimiter }) as string[][];
  return {
    header: header!,
    rows: rows.map((row) => Object.fromEntries(row.map((cell, i) => [header![i]!, cell]))),
  };
}

describe('interventions.csv', () => {
  it('has the header in the language and one row per intervention, outside the agenda last', () => {
    const record = irmRecord();
    const fr = RECORD_WORDS.fr;
    const { header, rows } = readBack(interventionsCsv(record, fr));
    expect(header).toEqual(INTERVENTION_COLUMNS.map((c) => fr.interventionHeaders[c]));
    expect(header[0]).toBe('Point');
    const expected = [...record.items.flatMap((item) => item.interventions), ...record.outsideAgenda];
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((row) => row.Orateur)).toEqual(expected.map((v) => v.speaker.name));
    expect(rows.at(-1)!.Point).toBe('');
  });

  it('writes codes, zoned times, seconds and the parts of a suspended intervention', () => {
    const { rows } = readBack(interventionsCsv(irmRecord(), RECORD_WORDS.en));
    const cept = rows.find((row) => row.Speaker === 'Ingrid Larsen')!;
    expect(cept).toMatchObject({
      Item: '2',
      'Item title': 'Reports of the RTOs on their preparations for WTDC-25',
      'No.': '3',
      Delegation: 'CEPT',
      Region: 'EUR',
      'On behalf of': 'CEPT',
      Kind: 'speak',
      Start: '2025-07-14T13:20:30+02:00',
      End: '2025-07-14T13:27:40+02:00',
      'Duration (s)': '280',
      'Time limit (s)': '300',
      'Over time (s)': '0',
      Parts:
        '2025-07-14T13:20:30+02:00/2025-07-14T13:22:10+02:00 2025-07-14T13:24:40+02:00/2025-07-14T13:27:40+02:00',
      'Parts (s)': '100 180',
      Suspended: 'true',
      'Not connected': 'false',
    });
    expect(rows.find((row) => row.Delegation === 'Egypt')!.Kind).toBe('point_of_order');
    expect(rows.find((row) => row.Delegation === 'France')!.Kind).toBe('reply');
    expect(rows.find((row) => row.Delegation === 'Brazil')!['Not connected']).toBe('true');
    expect(rows.find((row) => row.Delegation === 'Kenya')!['On behalf of']).toBe('');
    expect(rows.find((row) => row.Delegation === 'Kenya')!['Parts (s)']).toBe('150');
  });

  it('gives the parts’ own seconds, which add up to the duration, not their times’ difference', () => {
    const { rows } = readBack(interventionsCsv(roundedPartsRecord(), RECORD_WORDS.en));
    const cept = rows.find((row) => row.Speaker === 'Ingrid Larsen')!;
    expect([cept['Duration (s)'], cept['Parts (s)']]).toEqual(['23', '11 12']);
  });

  it('makes a formula cell inert and keeps a line break inside its cell', () => {
    const file = interventionsCsv(hostileRecord(), RECORD_WORDS.en);
    const { rows } = readBack(file);
    const kenya = rows.filter((row) => row.Delegation?.startsWith('Kenya'));
    expect(kenya).toHaveLength(2);
    expect(kenya[0]!.Speaker).toBe(`'${FORMULA_NAME}`);
    expect(kenya[0]!.Delegation).toBe('Kenya | Nairobi\nsecond line');
    expect(rows).toHaveLength(irmRecord().items.flatMap((i) => i.interventions).length + 1);
  });
});

describe('attendance.csv', () => {
  it('has a row per connection and one with empty times for who never connected', () => {
    const record = irmRecord();
    const ru = RECORD_WORDS.ru;
    const { header, rows } = readBack(attendanceCsv(record, ru));
    expect(header).toEqual(ATTENDANCE_COLUMNS.map((c) => ru.attendanceHeaders[c]));
    const expected = record.attendance.participants.reduce((n, p) => n + Math.max(1, p.sessions.length), 0);
    expect(rows).toHaveLength(expected);
    const name = ru.attendanceHeaders.person;
    const kenya = rows.filter(
      (row) => row[name] === 'Amina Wanjiru' && row[ru.attendanceHeaders.joined] !== '',
    );
    expect(kenya.map((row) => [row[ru.attendanceHeaders.joined], row[ru.attendanceHeaders.left]])).toEqual([
      ['2025-07-14T12:55:00+02:00', '2025-07-14T13:50:10+02:00'],
      ['2025-07-14T13:52:40+02:00', '2025-07-14T15:10:30+02:00'],
    ]);
    expect(kenya.map((row) => row[ru.attendanceHeaders.seconds])).toEqual(['3310', '4670']);
    expect(kenya.every((row) => row[ru.attendanceHeaders.totalSeconds] === '7980')).toBe(true);
    const kazakhstan = rows.find((row) => row[name] === 'Aigerim Bekova')!;
    expect(kazakhstan[ru.attendanceHeaders.joined]).toBe('');
    expect(kazakhstan[ru.attendanceHeaders.left]).toBe('');
    expect(kazakhstan[ru.attendanceHeaders.seconds]).toBe('0');
  });

  it('writes codes for role, category and region, and counts a connection still open up to the end', () => {
    const { rows } = readBack(attendanceCsv(irmRecord(), RECORD_WORDS.zh));
    const bdt = rows.find((row) => row.姓名 === 'Marie Dubois')!;
    expect(bdt).toMatchObject({ 身份: 'secretariat', 类别: 'bdt', 区域: 'none', 区域电信组织: '' });
    expect(bdt.断线时间).toBe('');
    expect(bdt['连线时长（秒）']).toBe(String(27 * 60 + 2 * 3600)); // 12:45 to 15:12, the end of the log
    const atu = rows.find((row) => row.姓名 === 'Kwame Mensah')!;
    expect(atu).toMatchObject({ 身份: 'spokesperson', 类别: 'rto', 区域: 'AFR', 区域电信组织: 'ATU' });
  });

  it('makes formula cells inert', () => {
    const { rows } = readBack(attendanceCsv(hostileRecord(), RECORD_WORDS.en));
    expect(rows.some((row) => row.Name === `'${FORMULA_NAME}`)).toBe(true);
    expect(rows.some((row) => row.Name === `'+cmd|" /C calc"!A0`)).toBe(true);
    expect(rows.every((row) => !/^[=+\-@]/.test(row.Name!))).toBe(true);
  });
});

describe('a semicolon between cells', () => {
  it('writes the same cells, split on ";", for Excel in French, Spanish or Russian settings', () => {
    const record = hostileRecord();
    for (const [render, lang] of [
      [interventionsCsv, 'fr'],
      [attendanceCsv, 'es'],
    ] as const) {
      const words = RECORD_WORDS[lang];
      const semicolon = render(record, words, ';');
      const headerLine = semicolon.slice(1, semicolon.indexOf('\r\n'));
      expect(headerLine.split(';').length).toBeGreaterThan(1);
      expect(headerLine).not.toContain(',');
      // The same cells as the comma file (a cell holding ";" quoted, so not split), byte for byte again.
      expect(readBack(semicolon, ';')).toEqual(readBack(render(record, words)));
      expect(render(record, words, ';')).toBe(semicolon);
      expect(readBack(semicolon, ';').rows.length).toBeGreaterThan(1);
    }
  });

  it('quotes a cell that holds a semicolon', () => {
    const record = irmRecord();
    const name = 'Kenya; Nairobi';
    const changed = {
      ...record,
      outsideAgenda: record.outsideAgenda.map((v) => ({ ...v, delegation: name })),
    };
    const file = interventionsCsv(changed, RECORD_WORDS.en, ';');
    expect(file).toContain(`"${name}"`);
    expect(readBack(file, ';').rows.at(-1)!.Delegation).toBe(name);
  });
});
