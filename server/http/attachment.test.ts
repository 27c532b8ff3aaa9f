import { describe, expect, it } from 'vitest';
import { attachment } from './attachment';

describe('attachment', () => {
  it.each([
    ['IRM-1 record.docx', 'attachment; filename="IRM-1 record.docx"'],
    ['a/b\\c:"d"\r\n.csv', 'attachment; filename="a-b-c-d-.csv"'],
    [
      'اجتماع record.md',
      `attachment; filename="______ record.md"; filename*=UTF-8''%D8%A7%D8%AC%D8%AA%D9%85%D8%A7%D8%B9%20record.md`,
    ],
    ["IRM (Q'1) *draft*.md", `attachment; filename="IRM (Q'1) -draft-.md"`],
    ['.docx', 'attachment; filename="download.docx"'],
  ])('%j → %s', (name, header) => {
    expect(attachment(name)).toBe(header);
  });

  it('cuts a long name by code points and keeps its extension', () => {
    const header = attachment(`${'𝒜'.repeat(300)} record.xlsx`);
    const utf8 = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
    const name = decodeURIComponent(utf8);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(Array.from(name.replace(/\.xlsx$/, '')).length).toBe(120);
  });
});
