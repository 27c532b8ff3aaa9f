import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, type Language, type MeetingRecord } from '../../../shared';
import { FORMULA_NAME, hostileRecord, irmRecord } from './fixtures';
import { RECORD_WORDS } from './words';
import { recordWorkbook } from './xlsx';

async function readBack(record: MeetingRecord, lang: Language = 'en') {
  const buffer = await recordWorkbook(record, RECORD_WORDS[lang]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return { buffer, workbook };
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);

afterEach(() => {
  vi.useRealTimers();
});

describe('record.xlsx', () => {
  it('has the five sheets, named in the language', async () => {
    const { workbook } = await readBack(irmRecord(), 'fr');
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Points',
      'Interventions',
      'Présence',
      'Temps de parole',
      'Appels à objection',
    ]);
  });

  it('keeps every language’s sheet names within Excel’s rules', () => {
    for (const lang of LANGUAGES)
      for (const name of [
        ...Object.values(RECORD_WORDS[lang].spreadsheet.sheets),
        RECORD_WORDS[lang].consensus.sheet,
      ]) {
        expect(name.length, `${lang}: ${name}`).toBeLessThanOrEqual(31);
        expect(name, lang).not.toMatch(/[[\]:*?/\\]/);
        expect(name.trim(), lang).toBe(name);
      }
  });

  it('has bold, frozen header rows and one row per intervention, with durations as numbers', async () => {
    const record = irmRecord();
    const { workbook } = await readBack(record);
    for (const sheet of workbook.worksheets) {
      const header = rowValues(sheet, 1);
      for (let column = 1; column <= header.length; column++)
        expect(sheet.getCell(1, column).font?.bold).toBe(true);
      expect(sheet.getCell(2, 1).font?.bold).not.toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    const interventions = workbook.getWorksheet('Interventions')!;
    expect(rowValues(interventions, 1).slice(0, 4)).toEqual(['Item', 'Item title', 'No.', 'Delegation']);
    const total = record.items.reduce((n, i) => n + i.interventions.length, 0) + record.outsideAgenda.length;
    expect(interventions.actualRowCount).toBe(1 + total);
    const cept = interventions.getRows(2, total)!.find((row) => row.getCell(5).value === 'Ingrid Larsen')!;
    expect(cept.getCell(8).value).toBe('Statement'); // for people: the kind in the language
    expect(cept.getCell(11).value).toBe(280);
    expect(cept.getCell(11).type).toBe(ExcelJS.ValueType.Number);
    expect(cept.getCell(14).value).toBe(
      '2025-07-14T13:20:30+02:00/2025-07-14T13:22:10+02:00 2025-07-14T13:24:40+02:00/2025-07-14T13:27:40+02:00',
    );
    expect(cept.getCell(15).value).toBe('100 180');
    expect(cept.getCell(16).value).toBe(true);

    const items = workbook.getWorksheet('Items')!;
    expect(rowValues(items, 3).slice(0, 6)).toEqual([
      '2',
      'Reports of the RTOs on their preparations for WTDC-25',
      'Concluded',
      45,
      3150,
      true,
    ]);
    // Every deferral, a pending item's too; empty for an item never deferred.
    expect(rowValues(items, 1)[8]).toBe('Deferred');
    expect(items.getCell(4, 9).value).toBe('2025-07-14T14:30:00+02:00');
    expect(items.getCell(5, 9).value).toBe('2025-07-14T14:31:00+02:00');
    expect(items.getCell(2, 9).value).toBeNull();

    const speaking = workbook.getWorksheet('Speaking time')!;
    const africa = speaking
      .getRows(2, speaking.actualRowCount - 1)!
      .find((row) => row.getCell(1).value === 'Whole meeting' && row.getCell(4).value === 'Africa')!;
    expect(rowValues(speaking, 1)).toHaveLength(9);
    expect(rowValues(speaking, 1)[8]).toBe('Difference (percentage points)');
    expect([4, 5, 6, 7, 8, 9].map((column) => africa.getCell(column).value)).toEqual([
      'Africa',
      4,
      810,
      0.2914,
      0.2857,
      0.57,
    ]);
    expect(africa.getCell(7).numFmt).toBe('0.0%');
    // Percentage points: a signed number, never a share shown with %.
    expect(africa.getCell(9).numFmt).toBe('+0.0;-0.0;0.0');
  });

  it('lists every connection, and who never connected once', async () => {
    const record = irmRecord();
    const { workbook } = await readBack(record, 'es');
    const attendance = workbook.getWorksheet('Asistencia')!;
    const expected = record.attendance.participants.reduce((n, p) => n + Math.max(1, p.sessions.length), 0);
    expect(attendance.actualRowCount).toBe(1 + expected);
    expect(rowValues(attendance, 1)[0]).toBe('Nombre');
  });

  it('writes typed text as plain strings, never formulas', async () => {
    const { buffer, workbook } = await readBack(hostileRecord());
    const attendance = workbook.getWorksheet('Attendance')!;
    const cells = attendance.getColumn(1).values.slice(2);
    expect(cells).toContain(FORMULA_NAME);
    const cell = attendance
      .getRows(2, attendance.actualRowCount - 1)!
      .find((r) => r.getCell(1).value === FORMULA_NAME)!;
    expect(cell.getCell(1).type).toBe(ExcelJS.ValueType.String);
    const zip = await JSZip.loadAsync(buffer);
    for (const path of Object.keys(zip.files).filter((p) => p.startsWith('xl/worksheets/sheet')))
      expect(await zip.file(path)!.async('string')).not.toContain('<f>');
    expect(workbook.getWorksheet('Items')!.getCell(2, 2).value).toBe(
      'Opening of the meeting and adoption of the agenda',
    );
  });

  it('lays Arabic sheets out right to left', async () => {
    const { workbook } = await readBack(irmRecord(), 'ar');
    expect(workbook.worksheets.every((s) => s.views[0]?.rightToLeft === true)).toBe(true);
    expect(workbook.worksheets[0]!.name).toBe('البنود');
  });

  it('gives the same bytes whatever the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = await recordWorkbook(irmRecord(), RECORD_WORDS.zh);
    vi.setSystemTime(new Date('2031-06-15T08:30:17Z'));
    const second = await recordWorkbook(irmRecord(), RECORD_WORDS.zh);
    expect(second.equals(first)).toBe(true);
  });
});
