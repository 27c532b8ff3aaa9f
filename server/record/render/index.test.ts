import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { irmRecord, largeRecord } from './fixtures';
import { RECORD_EXPORTS, type RecordExport, renderExport } from './index';

describe('renderExport', () => {
  it('names each file after the meeting in the language, with its type', async () => {
    const record = irmRecord();
    const expected = {
      'record.docx': [
        'IRM-1 for WTDC-25 compte rendu.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      'record.md': ['IRM-1 for WTDC-25 compte rendu.md', 'text/markdown; charset=utf-8'],
      'interventions.csv': ['IRM-1 for WTDC-25 interventions.csv', 'text/csv; charset=utf-8'],
      'attendance.csv': ['IRM-1 for WTDC-25 présence.csv', 'text/csv; charset=utf-8'],
      'checks.csv': ['IRM-1 for WTDC-25 appels à objection.csv', 'text/csv; charset=utf-8'],
      'record.xlsx': [
        'IRM-1 for WTDC-25 compte rendu.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    } as const;
    for (const name of RECORD_EXPORTS) {
      const rendered = await renderExport(name, record, 'fr');
      expect([rendered.fileName, rendered.contentType], name).toEqual(expected[name]);
      expect(rendered.body.length, name).toBeGreaterThan(100);
    }
    expect((await renderExport('attendance.csv', record, 'zh')).fileName).toBe(
      'IRM-1 for WTDC-25 出席情况.csv',
    );
  });

  it('keeps a file name short and on one line, whatever the title', async () => {
    const record = irmRecord();
    record.meeting.title = `${'Inter-Regional Meeting '.repeat(6)}\nsecond line\u0007 😀`;
    const { fileName } = await renderExport('record.md', record, 'en');
    expect(fileName).toMatch(/^Inter-Regional Meeting .{30,} record\.md$/);
    expect([...fileName].length).toBeLessThanOrEqual(60 + ' record.md'.length);
    expect(fileName).not.toContain('\n');
    expect(fileName).not.toContain('\u0007');
    record.meeting.title = ' ';
    expect((await renderExport('record.md', record, 'en')).fileName).toBe('meeting record.md');
  });

  it('renders every row of a longer record (times: npm run bench:record)', async () => {
    const record = largeRecord({ interventions: 300, participants: 120 });
    const text = async (name: RecordExport) => (await renderExport(name, record, 'en')).body.toString('utf8');
    // Each participant joined twice: two rows of attendance each.
    expect((await text('interventions.csv')).split('\r\n').length).toBe(1 + 300 + 1);
    expect((await text('attendance.csv')).split('\r\n').length).toBe(1 + 2 * 120 + 1);
    expect((await text('record.md')).match(/^\| \d+ \| Delegation /gm)).toHaveLength(300);

    const docx = await renderExport('record.docx', record, 'en');
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Delegate 119');
    expect(xml).toContain('Agenda item 38');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await renderExport('record.xlsx', record, 'en')).body as unknown as ArrayBuffer,
    );
    expect(workbook.getWorksheet('Interventions')!.rowCount).toBe(1 + 300);
    expect(workbook.getWorksheet('Attendance')!.rowCount).toBe(1 + 2 * 120);
  });
});
