import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from './index';
import { en } from './locales/en';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Strings that are the same in every language: names and codes, not words. */
const SAME_EVERYWHERE = new Set([
  'units.hm',
  'units.ms',
  'units.s',
  // File formats are named by their own names; "{{name}}, {{time}}" has no words at all.
  'export.markdown',
  'export.docx',
  'versions.by',
]);

/**
 * Words that are spelt the same as in English because they are the same word in that language
 * (checked, not forgotten). Anything else equal to English fails the test.
 */
const SAME_WORD: Partial<Record<string, Set<string>>> = {
  fr: new Set([
    'regions.EUR',
    'agenda.description',
    'participants.heading',
    'stats.count',
    'versions.heading',
    'admin.list.dates',
    'admin.list.participants',
    'admin.list.actions',
    'admin.when.date',
    'admin.speaking.minutes',
    'admin.workspace.participants',
  ]),
};

const english = flatten(en as unknown as Tree);

describe.each(LANGUAGES.filter((l) => l.code !== 'en'))('$name ($code)', ({ code }) => {
  const strings = flatten(resources[code].translation as unknown as Tree);

  it('has every English key and no other', () => {
    expect([...strings.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('translates every string (none left in English, none empty)', () => {
    const untranslated = [...english].filter(
      ([key, value]) =>
        !SAME_EVERYWHERE.has(key) &&
        !SAME_WORD[code]?.has(key) &&
        /[a-z]{3}/i.test(value) &&
        strings.get(key) === value,
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
    expect([...strings].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('keeps the same {{placeholders}}', () => {
    const wrong = [...english].filter(([key, value]) => {
      const other = strings.get(key);
      return other !== undefined && placeholders(other).join() !== placeholders(value).join();
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });
});

it('offers exactly the six ITU languages, Arabic right to left', () => {
  expect(LANGUAGES.map((l) => l.code).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  expect(LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar']);
});
