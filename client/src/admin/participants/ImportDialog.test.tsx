// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportError, ImportReason, ImportResult } from '../../../../shared';
import { LANGUAGES, setupI18n } from '../../i18n';
import { participantsApi } from './api';
import { fakeApi } from './fakeApi';
import { ImportDialog } from './ImportDialog';
import { reasonParts } from './importReasons';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setupI18n('en');
});

/** The errors as the server sends them: English words, and the reason to word (or none). */
const ERRORS: ImportError[] = [
  {
    line: 3,
    message: 'E-mail: "pedro(at)example.br" is not an e-mail address',
    reason: { code: 'bad_value', field: 'email', column: 'E-mail', value: 'pedro(at)example.br' },
  },
  {
    line: 5,
    message: 'region: "Oceania" is not a region: …',
    reason: { code: 'unknown_value', field: 'region', column: 'region', value: 'Oceania' },
  },
  {
    line: 7,
    message: 'line 4 already names this participant (the same e-mail, or name and delegation)',
    reason: { code: 'same_as_line', line: 4 },
  },
  {
    line: 8,
    message: 'Chair-designate presides: they take back or hand over the chair first',
    reason: { code: 'presides', name: 'Chair-designate' },
  },
  { line: 9, message: 'an older server says why' },
  // A code from a newer server than this client: its English words.
  {
    line: 10,
    message: 'a newer server says why',
    reason: { code: 'future' } as unknown as ImportError['reason'],
  },
];

/** The dialog in `language`, after choosing a file the server finds these errors in. */
async function preview(language: 'fr' | 'ar') {
  const user = userEvent.setup();
  const answer: ImportResult = { created: [], updated: [], unchanged: 0, errors: ERRORS };
  const fake = fakeApi({ importAnswer: () => ({ status: 200, body: answer }) });
  vi.stubGlobal('fetch', fake.fetch);
  const i18n = setupI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <ImportDialog
        api={participantsApi('tok', fake.meeting.id)}
        participants={fake.meeting.participants}
        onImported={() => {}}
        onClose={() => {}}
        fallbackFocus={() => null}
      />
    </I18nextProvider>,
  );
  const dialog = screen.getByRole('dialog');
  const input = dialog.querySelector('input[type="file"]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
  await user.upload(input, new File(['name,delegation\n'], 'list.csv', { type: 'text/csv' }));
  const list = await within(dialog).findByRole('region', { name: i18n.t('people.import.errorsHeading') });
  return within(list).getAllByRole('listitem');
}

/** The `<bdi>`s of a line: what the file (or a participant) wrote, isolated from the sentence. */
const isolated = (item: HTMLElement) => [...item.querySelectorAll('bdi')].map((b) => b.textContent);

describe('ImportDialog: why a line cannot be imported, in the interface’s language', () => {
  it('says it in French, with the cell isolated and quoted, and the English words when there is no known code', async () => {
    const items = await preview('fr');
    expect(items.map((li) => li.textContent)).toEqual([
      'Ligne 3 : E-mail : « pedro(at)example.br » n’est pas une adresse électronique.',
      'Ligne 5 : region : « Oceania » n’est pas une région. Indiquez l’une des valeurs suivantes : ' +
        'ARB, EUR, ASP, AMS, AFR, CIS, none.',
      'Ligne 7 : La ligne 4 désigne déjà ce participant (même adresse électronique, ou même nom et même ' +
        'délégation) : ne gardez que l’une des deux lignes.',
      'Ligne 8 : Chair-designate assure la présidence : son rôle ne peut changer qu’après la passation de ' +
        'la présidence.',
      'Ligne 9 : an older server says why',
      'Ligne 10 : a newer server says why',
    ]);
    expect(isolated(items[0]!)).toEqual(['E-mail', 'pedro(at)example.br']);
    expect(isolated(items[1]!)).toEqual(['region', 'Oceania', 'ARB, EUR, ASP, AMS, AFR, CIS, none']);
    expect(isolated(items[3]!)).toEqual(['Chair-designate']);
    for (const item of items.slice(4)) {
      expect(item.querySelector('bdi')?.getAttribute('lang')).toBe('en');
    }
    expect(items[0]!.querySelector('[lang="en"]')).toBeNull();
  });

  it('says it in Arabic, right to left, with the Latin cell in its own <bdi>', async () => {
    const items = await preview('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(items[1]!.textContent).toBe(
      'السطر 5: region: «Oceania» ليست منطقة. اكتب إحدى القيم التالية: ARB, EUR, ASP, AMS, AFR, CIS, none.',
    );
    expect(isolated(items[1]!)).toEqual(['region', 'Oceania', 'ARB, EUR, ASP, AMS, AFR, CIS, none']);
    expect(items[0]!.textContent).toBe('السطر 3: E-mail: «pedro(at)example.br» ليس عنوان بريد إلكتروني.');
    // No English left where the reason is known.
    expect(
      items
        .slice(0, 4)
        .map((li) => li.textContent)
        .join(' '),
    ).not.toMatch(/is not|already names|presides/);
  });

  it('has words for every code in the six languages, each value in its place', () => {
    const every: ImportReason[] = [
      { code: 'too_large', maxMiB: 1 },
      { code: 'utf16' },
      { code: 'not_utf8' },
      { code: 'csv_syntax', problem: 'unclosed_quote', separator: ',' },
      { code: 'csv_syntax', problem: 'stray_quote', separator: ';' },
      { code: 'csv_syntax', problem: 'text_after_quote', separator: 'tab' },
      { code: 'csv_syntax', problem: 'unreadable', separator: ',' },
      { code: 'empty_file', separator: ';' },
      { code: 'missing_columns', columns: ['delegation'], separator: ',' },
      { code: 'missing_columns', columns: ['name', 'delegation'], separator: ',' },
      { code: 'duplicate_column', column: 'email' },
      { code: 'too_many_rows', rows: 2001, max: 2000 },
      { code: 'ragged_row', cells: 4, header: 8, separator: ';' },
      { code: 'empty', field: 'name', column: 'Nom' },
      { code: 'too_long', field: 'name', column: 'name', max: 200 },
      { code: 'invisible_character', field: 'delegation', column: 'delegation', codePoint: 'U+202E' },
      { code: 'combining_marks', field: 'name', column: 'name' },
      { code: 'bad_value', field: 'email', column: 'email', value: 'a@@b' },
      { code: 'bad_value', field: 'name', column: 'name', value: 'x' },
      ...(['role', 'category', 'region', 'rto', 'lang'] as const).map(
        (field): ImportReason => ({ code: 'unknown_value', field, column: field, value: 'zz' }),
      ),
      { code: 'unreadable_row' },
      { code: 'same_as_line', line: 12 },
      { code: 'appointment', role: 'chair' },
      { code: 'appointment', role: 'vice-chair' },
      { code: 'appointment', role: 'secretariat' },
      { code: 'handling', role: 'chair' },
      { code: 'handling', role: 'vice-chair' },
      { code: 'not_manager' },
      { code: 'own_role' },
      { code: 'presides', name: 'Amina' },
      { code: 'rto_needed' },
      { code: 'email_taken', name: 'Amina', delegation: 'Kenya' },
      { code: 'quota', max: 2000 },
    ];
    const i18n = setupI18n('en');
    for (const { code: language } of LANGUAGES) {
      const t = i18n.getFixedT(language);
      for (const reason of every) {
        const parts = reasonParts(reason, t);
        const text = parts?.map((p) => ('text' in p ? p.text : p.isolated)).join('') ?? '';
        expect(text, `${language} ${JSON.stringify(reason)}`).not.toMatch(
          /\{\{|importReasons|[\uE000-\uE0FF]|^$/,
        );
        const values = parts?.flatMap((p) => ('isolated' in p ? [p.isolated] : []));
        for (const [key, value] of Object.entries(reason)) {
          if (['column', 'value', 'name', 'delegation', 'codePoint'].includes(key))
            expect(values).toContain(value);
        }
      }
    }
    expect(reasonParts({ code: 'refused' }, i18n.t)).toBeNull();
    expect(reasonParts(undefined, i18n.t)).toBeNull();
  });
});
