import { describe, expect, it } from 'vitest';
import { commandSchema } from './commands';
import { addParticipantSchema, createMeetingSchema } from './secretariat';
import { invisibleInLongText, invisibleInName } from './text';

/** Real names and titles in the six languages and beyond, with their combining marks. */
const LEGIT = [
  'محمد بن سلمان', // Arabic
  'مُحَمَّد', // Arabic with harakat (combining marks)
  '李明', // Chinese
  '国际电信联盟', // Chinese title
  'Алексей Дмитриевич Ёлкин', // Russian
  'José Núñez', // Spanish, precomposed
  'Jose\u0301 Nu\u0303n\u0303ez', // the same with combining accents
  'François-Xavier d’Aubigné', // French
  'Nguyễn Thị Minh Khai', // Vietnamese, stacked diacritics
  'श्रीनिवास रामानुजन', // Devanagari (virama, vowel signs)
  'ภาษาไทย', // Thai
  'ישראל כהן', // Hebrew
  'བོད་སྐད་', // Tibetan
  'Bảo Đại 🇻🇳', // a flag emoji (regional indicators, no joiner)
  'Draft Resolution 31 (Rev. Hyderabad, 2022) — ACP/67A1/1',
];

/** Invisible characters and what the refusal must name. */
const REFUSED: Array<[string, string, string]> = [
  ['right-to-left override', 'Fra\u202Ence', 'U+202E right-to-left override'],
  ['left-to-right embedding', '\u202AKenya', 'U+202A left-to-right embedding'],
  ['pop directional formatting', 'Kenya\u202C', 'U+202C pop directional formatting'],
  ['right-to-left isolate', 'Ken\u2067ya\u2069', 'U+2067 right-to-left isolate'],
  ['first strong isolate', '\u2068Kenya', 'U+2068 first strong isolate'],
  ['zero width space', 'Ken\u200Bya', 'U+200B zero width space'],
  ['noncharacter (XML cannot hold it)', 'Proposal\uFFFE', 'U+FFFE noncharacter'],
  ['noncharacter of another plane', 'Kenya\u{10FFFF}', 'U+10FFFF noncharacter'],
  ['noncharacter of the FDD0 block', 'Ken\uFDD0ya', 'U+FDD0 noncharacter'],
  ['zero width non-joiner', 'می\u200Cخواهم', 'U+200C zero width non-joiner'],
  ['zero width joiner', 'Ke\u200Dnya', 'U+200D zero width joiner'],
  ['word joiner', 'Ke\u2060nya', 'U+2060 word joiner'],
  ['BOM', 'Ken\uFEFFya', 'U+FEFF zero width no-break space (BOM)'],
  ['Arabic letter mark', 'كينيا\u061C', 'U+061C Arabic letter mark'],
  ['right-to-left mark', 'Kenya\u200F', 'U+200F right-to-left mark'],
  ['C0 control', 'Ken\u0007ya', 'U+0007 control character'],
  ['newline', 'Ken\nya', 'U+000A control character'],
  ['C1 control', 'Ken\u0085ya', 'U+0085 control character'],
  ['soft hyphen', 'Ke\u00ADnya', 'U+00AD soft hyphen'],
  ['tag character', 'Kenya\u{E0041}', 'U+E0041 invisible character'],
  ['line separator', 'Ken\u2028ya', 'U+2028 line separator'],
  ['Hangul filler', '\u3164', 'U+3164 invisible character'],
  ['lone surrogate', 'Ken\uD800ya', 'U+D800 invisible character'],
];

describe('names and titles', () => {
  it.each(LEGIT)('accepts %s', (name) => {
    expect(invisibleInName(name)).toBeNull();
    expect(addParticipantSchema.safeParse({ name, delegation: name, role: 'delegate' }).success).toBe(true);
  });

  it.each(REFUSED)('refuses a %s, naming it', (_label, name, named) => {
    expect(invisibleInName(name)).toContain(named);
    const parsed = addParticipantSchema.safeParse({ name, delegation: 'Kenya', role: 'delegate' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['name'],
      message: expect.stringContaining(named),
    });
  });

  it('refuses a pile of combining marks (zalgo), accepts stacked diacritics', () => {
    expect(invisibleInName(`Z${'\u0301'.repeat(9)}`)).toContain('combining marks');
    expect(invisibleInName(`Z${'\u0301'.repeat(8)}`)).toBeNull();
  });

  it('is the rule of every schema with a name or title', () => {
    const bad = 'Fra\u202Ence';
    const refused = (r: { success: boolean }) => expect(r.success).toBe(false);
    refused(createMeetingSchema.safeParse({ title: bad }));
    refused(createMeetingSchema.safeParse({ title: 'IRM', chairName: bad }));
    refused(createMeetingSchema.safeParse({ title: 'IRM', chairDelegation: bad }));
    refused(addParticipantSchema.safeParse({ name: 'A', delegation: bad, role: 'delegate' }));
    const commands = [
      { type: 'agenda.add', title: bad },
      { type: 'agenda.add', title: 'Item', number: `4${'\u200B'}` },
      { type: 'agenda.add', title: 'Item', description: `a${'\u202E'}b` },
      { type: 'agenda.update', itemId: 'i_1', title: bad },
      { type: 'agenda.conclude', itemId: 'i_1', outcome: `noted${'\u2066'}` },
      { type: 'proposal.create', symbol: bad, title: 'T', submittedBy: 'APT' },
      { type: 'proposal.create', symbol: 'S', title: bad, submittedBy: 'APT' },
      { type: 'proposal.create', symbol: 'S', title: 'T', submittedBy: bad },
      { type: 'proposal.update', proposalId: 'x_1', title: bad },
      { type: 'proposal.update', proposalId: 'x_1', symbol: bad },
      { type: 'proposal.update', proposalId: 'x_1', submittedBy: bad },
    ];
    for (const c of commands) refused(commandSchema.safeParse({ id: 'c1', ...c }));
  });
});

describe('long texts (description, outcome)', () => {
  it('keep line breaks, tabs and bidi marks, refuse overrides, isolates and zero-width characters', () => {
    expect(invisibleInLongText('First line\n\tSecond line\r\n')).toBeNull();
    expect(invisibleInLongText('قرار 31\u200F (ACP)\u200E و\u061C')).toBeNull();
    expect(invisibleInLongText('a\u202Eb')).toContain('U+202E right-to-left override');
    expect(invisibleInLongText('a\u2067b')).toContain('U+2067');
    expect(invisibleInLongText('a\u200Bb')).toContain('U+200B');
    expect(invisibleInLongText('a\u0000b')).toContain('U+0000 control character');
    const ok = commandSchema.safeParse({
      id: 'c',
      type: 'agenda.conclude',
      itemId: 'i',
      outcome: 'Noted.\nAgreed.',
    });
    expect(ok.success).toBe(true);
  });
});
