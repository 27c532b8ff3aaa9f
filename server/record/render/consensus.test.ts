import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared';
import { checksCsv } from './csv';
import { irmRecord } from './fixtures';
import { recordMarkdown } from './markdown';
import { recordOutline } from './outline';
import { RECORD_WORDS } from './words';
import { CHECK_COLUMNS } from './words/consensusTypes';
import { recordWorkbook } from './xlsx';

const markdownOf = (lang: keyof typeof RECORD_WORDS = 'en', record = irmRecord()) =>
  recordMarkdown(recordOutline(record, RECORD_WORDS[lang]), RECORD_WORDS[lang].labelEnd);

/** The rows of the table that follows `heading` after `after` (header row first, rule left out). */
function tableAfter(markdown: string, after: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading, lines.indexOf(after));
  expect(start, heading).toBeGreaterThan(0);
  const first = lines.findIndex((line, i) => i > start && line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > first && !line.startsWith('|'));
  return lines.slice(first, end).filter((_, i) => i !== 1);
}

describe('paragraph consensus in the record’s document', () => {
  const md = markdownOf();
  const afcp = '#### AFCP/31/1, paragraph by paragraph';

  it('lists each call for objections: who asked, until when, objections made and withdrawn, the result', () => {
    expect(tableAfter(md, afcp, '##### Calls for objections and silence procedures')).toEqual([
      '| No. | Procedure | Paragraphs | Asked | Asked by | Until | Objections | Result |',
      '| 1 | In the room | 1, 2 | 14:05:00 | Elnur Mammadov (Azerbaijan) | 14:05:20 | ' +
        'France 14:05:04, withdrawn 14:05:11; Egypt 14:05:09 (“Paragraph 2 must keep “\\[in consultation with the regions\\]””) | ' +
        'Not agreed: objection by Egypt; ended at the deadline, 14:05:20 |',
      '| 2 | In the room | 2 | 14:15:00 | Elnur Mammadov (Azerbaijan) | 14:15:30 | None | ' +
        'Agreed: no objection; closed early by Elnur Mammadov (Azerbaijan) at 14:15:12 |',
    ]);
  });

  it('lists the statuses, revisions and linked interventions (by their number in the item’s table)', () => {
    expect(tableAfter(md, afcp, '##### Paragraph status')).toEqual([
      '| Paragraph | Status | By | At | Call no. |',
      '| 1 | Agreed ad referendum (Kenya) | Marie Dubois (BDT) | 14:13:00 |   |',
      '| 2 | Agreed | Elnur Mammadov (Azerbaijan) | 14:15:12 | 2 |',
    ]);
    expect(tableAfter(md, afcp, '##### Revisions')).toEqual([
      '| Revision | Published | By | Paragraphs | Open | Ad referendum | Agreed |',
      '| AFCP/31/1/Rev.1 | 14:24:00 | Marie Dubois (BDT) | 3 | 1 | 1 | 1 |',
    ]);
    expect(tableAfter(md, afcp, '##### Interventions on paragraphs')).toEqual([
      '| Paragraph | Delegation | Speaker | Proposed | At | Intervention no. |',
      '| 1 | Kenya | Amina Wanjiru | proposed to add “in consultation with the regions” | 14:10:00 | 2 |',
    ]);
  });

  it('has a section for texts under no item, with a silence procedure still open and its deadline’s date', () => {
    const rows = tableAfter(
      md,
      '## Texts under no agenda item, agreed paragraph by paragraph',
      '### IRM-1/5, paragraph by paragraph',
    );
    expect(rows[1]).toBe(
      '| 1 | Silence procedure | 1, 2, 3, 4 | 15:00:00 | Elnur Mammadov (Azerbaijan) | 2025-07-21 18:00:00 (UTC+02:00) | China 15:06:00 | Still open |',
    );
  });

  it('says nothing of consensus for a meeting without it', () => {
    const record = irmRecord();
    record.unlinkedProposals = [];
    for (const item of record.items)
      for (const p of item.proposals) p.consensus = { checks: [], statuses: [], revisions: [], links: [] };
    const plain = markdownOf('en', record);
    expect(plain).not.toContain('paragraph by paragraph');
    expect(plain).not.toContain('Calls for objections');
  });

  it.each(LANGUAGES)('writes the headings in %s', (lang) => {
    const w = RECORD_WORDS[lang].consensus;
    const text = markdownOf(lang);
    for (const heading of [w.checks, w.statuses, w.revisions, w.links])
      expect(text).toContain(`##### ${heading}`);
    expect(text).toContain(`## ${w.unlinked}`);
    if (lang !== 'en') expect(w.checks).not.toBe(RECORD_WORDS.en.consensus.checks);
  });
});

describe('the checks’ table (checks.csv, the Calls for objections sheet)', () => {
  it('has a row per check, with codes in the CSV', () => {
    const fr = RECORD_WORDS.fr;
    const [header, ...rows] = parse(checksCsv(irmRecord(), fr, ';'), {
      bom: true,
      delimiter: ';',
    }) as string[][];
    expect(header).toEqual(CHECK_COLUMNS.map((c) => fr.consensus.checkHeaders[c]));
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['3', 'AFCP/31/1', '1', 'room', '1 2'],
      ['3', 'AFCP/31/1', '2', 'room', '2'],
      ['', 'IRM-1/5', '1', 'silence', '1 2 3 4'],
    ]);
    const byHeader = (row: string[]) =>
      Object.fromEntries(CHECK_COLUMNS.map((c, i) => [c, row[i]])) as Record<
        (typeof CHECK_COLUMNS)[number],
        string
      >;
    expect(byHeader(rows[0]!)).toMatchObject({
      askedAt: '2025-07-14T14:05:00+02:00',
      objections: '2',
      withdrawn: '1',
      objectedBy: 'Egypt',
      outcome: 'objected',
      closedBy: '',
      early: 'false',
    });
    expect(byHeader(rows[1]!)).toMatchObject({
      outcome: 'agreed',
      closedBy: 'Elnur Mammadov',
      early: 'true',
    });
    expect(byHeader(rows[2]!)).toMatchObject({ outcome: 'open', closedAt: '', early: '' });
  });

  it('names outcomes and procedures in the language on the sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await recordWorkbook(irmRecord(), RECORD_WORDS.es)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Consultas sobre objeciones')!;
    expect(sheet.rowCount).toBe(4);
    const row = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1);
    expect(row[CHECK_COLUMNS.indexOf('procedure')]).toBe('En la sala');
    expect(row[CHECK_COLUMNS.indexOf('outcome')]).toBe('No aprobado');
    expect(row[CHECK_COLUMNS.indexOf('objections')]).toBe(2);
  });
});
