import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { irmRecord, largeRecord } from './fixtures';
import { RECORD_EXPORTS, renderExport } from './index';

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

  it('renders a record of 5000 interventions and 2000 participants in bounded time', async () => {
    const record = largeRecord({ interventions: 5000, participants: 2000 });
    const started = performance.now();
    const md = await renderExport('record.md', record, 'en');
    const csv = await renderExport('interventions.csv', record, 'en');
    const attendance = await renderExport('attendance.csv', record, 'en');
    const docx = await renderExport('record.docx', record, 'en');
    const xlsx = await renderExport('record.xlsx', record, 'en');
    const elapsed = performance.now() - started;
    // A few seconds on two busy cores, most of it the docx library's; the bound leaves room for a loaded machine.
    expect(elapsed).toBeLessThan(30_000);
    expect(csv.body.toString('utf8').split('\r\n').length).toBe(1 + 5000 + 1);
    expect(attendance.body.toString('utf8').split('\r\n').length).toBe(1 + 2 * 2000 + 1);
    expect(md.body.toString('utf8')).toContain('| 125 | Delegation');
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Delegate 1999');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});
