import { describe, expect, it } from 'vitest';
import { HOSTILE_TITLE, hostileRecord, irmRecord, roundedPartsRecord, twoDayRecord } from './fixtures';
import { recordMarkdown } from './markdown';
import { recordOutline } from './outline';
import { RECORD_WORDS } from './words';

const markdownOf = (record = irmRecord(), lang: keyof typeof RECORD_WORDS = 'en') =>
  recordMarkdown(recordOutline(record, RECORD_WORDS[lang]), RECORD_WORDS[lang].labelEnd);

/** The lines of the table that follows `heading` (its header row first). */
function tableAfter(markdown: string, heading: string, from = 0): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading, from);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const first = lines.findIndex((line, i) => i > start && line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > first && !line.startsWith('|'));
  return lines.slice(first, end);
}

/** The `|` that separate cells: those not escaped with a backslash. */
const separators = (row: string) => row.match(/(?<!\\)\|/g)?.length ?? 0;

describe('record.md', () => {
  it('has the title, the meeting in its zone with the offset, and every item as "number title"', () => {
    const md = markdownOf();
    expect(md.startsWith('# IRM-1 for WTDC-25: record of the meeting\n')).toBe(true);
    expect(md).toContain('- **Time zone**: Europe/Zurich');
    expect(md).toContain('- **Opened**: 2025-07-14 13:00 (UTC+02:00)');
    expect(md).toContain('- **Suspensions**: 2025-07-14 14:35–14:50 (UTC+02:00)');
    expect(md).toContain('- **Chair**: Elnur Mammadov (Azerbaijan)');
    for (const item of irmRecord().items) expect(md).toContain(`\n### ${item.number} ${item.title}\n`);
  });

  it('gives each item its status, times, plan against time spent, outcome and documents', () => {
    const md = markdownOf();
    expect(md).toContain('- **Time**: 45 min planned, 52:30 spent; over plan');
    expect(md).toContain('- **Time**: 60 min planned, 28:00 spent\n');
    expect(md).toContain('- **Status**: Deferred');
    expect(md).toContain('- **Consideration**: 2025-07-14 14:02–14:30 (UTC+02:00); deferred');
    expect(md).toContain(
      '- **Outcome**: The meeting took note of the reports of the RTOs.\\\n  The Chair invited the RTOs',
    );
    expect(md).toContain(
      'IRM-1/1 Draft agenda (AR, ZH, EN, FR, RU, ES) https://www.itu.int/md/D22-IRM1-C-0001/en',
    );
    expect(md).toContain('- **Points of order**: 1\n- **Rights of reply**: 1');
  });

  it('lists the interventions of an item in a table, a row each, with the suspended parts and the RTO', () => {
    const md = markdownOf();
    const item2 = md.split('\n').indexOf('### 2 Reports of the RTOs on their preparations for WTDC-25');
    const table = tableAfter(md, '#### Interventions', item2);
    const reports = irmRecord().items[1]!;
    expect(table).toHaveLength(2 + reports.interventions.length);
    expect(table[0]).toBe(
      '| No. | Delegation | Speaker | On behalf of | Kind | Start | Duration | Over time | Suspended: parts spoken |',
    );
    expect(table[1]).toBe('| ---: | --- | --- | --- | --- | --- | ---: | ---: | --- |');
    expect(table[2]).toBe('| 1 | ATU | Kwame Mensah | ATU | Statement | 13:10:00 | 5:20 | 0:20 |   |');
    expect(table[4]).toBe(
      '| 3 | CEPT | Ingrid Larsen | CEPT | Statement | 13:20:30 | 4:40 |   | 13:20:30–13:22:10 (1:40); 13:24:40–13:27:40 (3:00) |',
    );
    expect(table[5]).toBe('| 4 | Egypt | عمر الفاروق |   | Point of order | 13:22:15 | 2:15 | 0:15 |   |');
    expect(table[8]).toBe('| 7 | France | Luc Martin |   | Right of reply | 13:37:00 | 1:10 |   |   |');
    expect(table[10]).toContain('| Statement; floor given while not connected |');
  });

  it('gives each part its own seconds, which add up to the duration, not its rounded times’ difference', () => {
    const row = markdownOf(roundedPartsRecord())
      .split('\n')
      .find((line) => line.startsWith('| 3 | CEPT |'))!;
    expect(row).toContain('| 0:23 |');
    expect(row).toContain('| 13:20:30–13:20:42 (0:11); 13:24:40–13:24:52 (0:12) |');
  });

  it('says when an item was deferred, also while it was still pending', () => {
    const md = markdownOf();
    const aob = md.slice(md.indexOf('### 4 Any other business'), md.indexOf('### 5 Date and place'));
    // Deferred before it was taken up, then concluded: its one stretch of consideration says nothing of it.
    expect(aob).toContain('- **Deferred**: 2025-07-14 14:31 (UTC+02:00)\n');
    expect(aob).not.toContain('**Consideration**');
    const resolution = md.slice(md.indexOf('### 3 Draft revision'), md.indexOf('### 4 Any other business'));
    expect(resolution).toContain('- **Deferred**: 2025-07-14 14:30 (UTC+02:00)\n');
    const opening = md.slice(md.indexOf('### 1 Opening'), md.indexOf('### 2 Reports'));
    expect(opening).not.toContain('**Deferred**');
    expect(markdownOf(irmRecord(), 'fr')).toContain(
      '- **Report de l’examen**\u00a0: 2025-07-14 14:31 (UTC+02:00)',
    );
  });

  it('dates a time in a table that is not on the day of the item’s opening (a meeting over two days)', () => {
    const md = markdownOf(twoDayRecord());
    const resolution = md.split('\n').indexOf('### 3 Draft revision of Resolution 31 (Rev. Kigali, 2022)');
    const table = tableAfter(md, '#### Interventions', resolution);
    expect(table[2]).toContain('| Statement | 14:05:00 | 3:00 |');
    expect(table[5]).toBe(
      '| 4 | Egypt | عمر الفاروق |   | Statement | 2025-07-15 09:05:00 (UTC+02:00) | 3:30 | 0:30 | ' +
        '2025-07-15 09:05:00–09:07:00 (UTC+02:00) (2:00); 2025-07-15 09:08:00–09:09:30 (UTC+02:00) (1:30) |',
    );
    expect(table[6]).toContain('| Point of order | 2025-07-15 09:07:05 (UTC+02:00) | 0:45 |');
    expect(md).toContain(
      '- **Consideration**: 2025-07-14 14:02–14:30 (UTC+02:00); deferred\\\n  2025-07-15 09:00–09:40 (UTC+02:00); concluded',
    );
    const participants = tableAfter(md, '### Participants');
    expect(participants).toContain(
      '| Amina Wanjiru | Kenya | Delegate | Member State | Africa |   | ' +
        '12:55:00–13:50:10; 13:52:40–15:10:30; 2025-07-15 08:55:00 (UTC+02:00)–still connected | 3:08:00 |',
    );
  });

  it('shows the proposals with their status history and lock', () => {
    const table = tableAfter(markdownOf(), '#### Proposals considered');
    expect(table).toHaveLength(2 + 3);
    expect(table[2]).toContain(
      '| ACP/67A1/1 | MOD Resolution 31: regional preparations for WTDC | APT | Under consideration | No | 2025-07-10 09:00:00 (UTC+02:00) Draft; 14:03:00 Under consideration |',
    );
    expect(table[3]).toContain(
      '| Agreed | Yes | 14:03:30 Under consideration; 14:20:00 locked; 14:21:00 unlocked; 14:25:00 Agreed; 14:26:00 locked |',
    );
  });

  it('counts attendance by region, RTO and category and lists every participant with their sessions', () => {
    const md = markdownOf();
    expect(md).toContain('17 participants registered, of whom 16 attended.');
    expect(tableAfter(md, '### By region')).toContain('| Africa | 4 | 4 |');
    expect(tableAfter(md, '### By RTO')).toContain('| No RTO | 12 | 11 |');
    expect(tableAfter(md, '### By category')).toContain('| Academia | 1 | 1 |');
    const participants = tableAfter(md, '### Participants');
    expect(participants).toHaveLength(2 + irmRecord().attendance.participants.length);
    expect(participants).toContain(
      '| Amina Wanjiru | Kenya | Delegate | Member State | Africa |   | 12:55:00–13:50:10; 13:52:40–15:10:30 | 2:13:00 |',
    );
    expect(participants).toContain(
      '| Marie Dubois | BDT | Secretariat | BDT (secretariat) | No region |   | 12:45:00–still connected | 2:27:00 |',
    );
    expect(participants).toContain(
      '| Aigerim Bekova | Kazakhstan | Delegate | Member State | CIS |   | Did not connect | 0:00 |',
    );
    expect(participants.some((row) => row.startsWith('| Amina Wanjiru (removed) |'))).toBe(true);
  });

  it('gives speaking time against the share of participants, for the meeting and per item', () => {
    const md = markdownOf();
    expect(md).toContain('Total speaking time: 46:20');
    const lines = md.split('\n');
    const whole = lines.indexOf('### Whole meeting');
    const byRegion = tableAfter(md, '#### By region', whole);
    expect(byRegion[0]).toContain('| Share of participants | Difference (percentage points) |');
    // 14 who speak for someone attended (the chair and the secretariat not counted), 4 from Africa.
    expect(byRegion).toContain('| Africa | 4 | 13:30 | 29.1% | 28.6% | +0.6 |');
    expect(byRegion).toContain('| Americas | 1 | 2:00 | 4.3% | 7.1% | -2.8 |');
    expect(tableAfter(md, '#### By RTO', whole)).toContain('| ATU | 1 | 5:20 | 11.5% | 14.3% | -2.8 |');
    expect(tableAfter(md, '#### By RTO', whole)).toContain('| CITEL | 0 | 0:00 | 0% | 0% | 0 |');
    expect(tableAfter(md, '#### By delegation', whole)[2]).toBe('| Kenya | 2 | 6:10 | 13.3% | 7.1% | +6.2 |');
    const aob = lines.lastIndexOf('### 4 Any other business');
    expect(tableAfter(md, '#### By delegation', aob)).toContain('| GSMA | 1 | 3:00 | 100% | 7.1% | +92.9 |');
    // Points, not a share: no per cent sign in the last column.
    for (const row of byRegion.slice(2)) expect(row.split('|').at(-2)).not.toContain('%');
    const pending = lines.lastIndexOf('### 5 Date and place of the next meeting');
    expect(lines[pending + 2]).toBe('No interventions.');
  });

  it('ends with the interventions made outside the agenda', () => {
    const md = markdownOf();
    const table = tableAfter(md, '## Interventions outside the agenda');
    expect(table[2]).toBe('| 1 | BDT | Marie Dubois |   | Statement | 13:00:30 | 1:00 |   |   |');
    const withoutThem = { ...irmRecord(), outsideAgenda: [] };
    expect(markdownOf(withoutThem)).not.toContain('outside the agenda');
  });

  it('escapes typed text so it cannot split a table, open HTML, make a link or start a block', () => {
    const md = markdownOf(hostileRecord());
    expect(HOSTILE_TITLE).toContain('<img');
    expect(md.split('\n')[0]).toBe('# \\| \\<img src=x\\> \\[a\\](javascript:x): record of the meeting');
    expect(md).not.toMatch(/(?<!\\)<(img|script|b)\b/);
    expect(md).not.toMatch(/(?<!\\)\[a\]\(javascript/);
    expect(md).toContain(
      '### 2 \\*\\*Bold\\*\\* \\_it\\_ \\`code\\` \\<script\\>alert(1)\\</script\\> \\~\\~gone\\~\\~ \\$x\\$ \\&amp; \\#',
    );
    // The outcome's lines start no heading, list, numbered item or quote.
    expect(md).toContain(
      '- **Outcome**: \\# Not a heading\\\n  \\- not a list\\\n  1\\. not numbered\\\n  \\> not a quote\\\n  \\<b\\>no html\\</b\\>',
    );
    // A delegation with "|" and a line break stays in its cell, on its row.
    const participants = tableAfter(md, '### Participants');
    const kenya = participants.find((row) => row.includes('Kenya \\| Nairobi second line'))!;
    expect(separators(kenya)).toBe(separators(participants[0]!));
    for (const row of participants) expect(separators(row)).toBe(9);
    // Characters that are not text are gone.
    expect(md).not.toContain('\u0000');
    expect(md).not.toContain('\u0007');
    expect(md).toContain('### 1 Opening of the meeting and adoption of the agenda');
  });
});
