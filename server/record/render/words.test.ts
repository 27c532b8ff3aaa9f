import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared';
import { irmRecord } from './fixtures';
import { RECORD_EXPORTS, renderExport } from './index';
import { RECORD_WORDS } from './words';

/** Every word of a table, by its path; a function's word with sample values. */
function leaves(node: unknown, path = ''): [string, unknown][] {
  if (typeof node === 'function') return [[path, node(7, '0:42:10')]];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  return [[path, node]];
}

describe('the record’s words', () => {
  it('has every word, in every language, as text', () => {
    const english = leaves(RECORD_WORDS.en).map(([path]) => path);
    for (const lang of LANGUAGES) {
      const words = leaves(RECORD_WORDS[lang]);
      expect(
        words.map(([path]) => path),
        lang,
      ).toEqual(english);
      for (const [path, word] of words) {
        expect(typeof word, `${lang} ${path}`).toBe('string');
        expect((word as string).trim(), `${lang} ${path}`).not.toBe('');
      }
    }
  });

  it('is translated, not copied from English', () => {
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const words = RECORD_WORDS[lang];
      expect(words.title('X'), lang).not.toBe(RECORD_WORDS.en.title('X'));
      for (const [key, value] of Object.entries(words.sections))
        expect(value, `${lang} ${key}`).not.toBe(
          RECORD_WORDS.en.sections[key as keyof typeof words.sections],
        );
      expect(words.interventionHeaders.durationSeconds, lang).not.toBe(
        RECORD_WORDS.en.interventionHeaders.durationSeconds,
      );
    }
  });

  it('writes Arabic minutes in the number the numeral asks for', () => {
    const planned = (n: number) => RECORD_WORDS.ar.plannedVsSpent(n, '1:00');
    expect(planned(1)).toContain('دقيقة واحدة');
    expect(planned(2)).toContain('دقيقتان');
    expect(planned(10)).toContain('10 دقائق');
    expect(planned(45)).toContain('45 دقيقة');
    expect(planned(103)).toContain('103 دقائق');
  });

  it.each(LANGUAGES)('renders every export in %s without a missing word', async (lang) => {
    const record = irmRecord();
    for (const name of RECORD_EXPORTS.filter((n) => n.endsWith('.md') || n.endsWith('.csv'))) {
      const text = (await renderExport(name, record, lang)).body.toString('utf8');
      expect(text, `${lang} ${name}`).not.toMatch(/undefined|NaN|\[object|\bnull\b/);
    }
    const md = (await renderExport('record.md', record, lang)).body.toString('utf8');
    const words = RECORD_WORDS[lang];
    for (const heading of Object.values(words.sections)) expect(md).toContain(`## ${heading}`);
    expect(md).toContain(words.kinds.point_of_order);
    expect(md).toContain(words.proposalStatus.agreed);
    expect(md).toContain(words.regions.AFR);
  });
});
