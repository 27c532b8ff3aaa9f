import { describe, expect, it } from 'vitest';
import { readRegistrationCsv } from './registrationCsv';

describe('readRegistrationCsv: hostile and careless files', () => {
  it('reads "constructor" and "__proto__" as the unknown words they are, in headers and cells', () => {
    const header = readRegistrationCsv('name,delegation,constructor,constructor\nA,Kenya,x,y\n');
    expect(header.errors).toEqual([]);
    expect(header.rows).toEqual([{ line: 2, name: 'A', delegation: 'Kenya' }]);
    const cells = readRegistrationCsv('name,delegation,role,region\nA,Kenya,constructor,__proto__\n');
    expect(cells.rows).toEqual([]);
    expect(cells.errors.map((e) => e.line)).toEqual([2]);
    expect(cells.errors[0]!.message).not.toMatch(/function|native code/);
  });

  it('refuses UTF-16 text with a way to save it as UTF-8', () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('name,delegation\nA,Kenya\n', 'utf16le'),
    ]);
    expect(readRegistrationCsv(utf16)).toEqual({
      rows: [],
      errors: [{ line: 1, message: expect.stringMatching(/UTF-16.*CSV UTF-8/), reason: { code: 'utf16' } }],
    });
  });

  it('refuses Windows-1252 bytes instead of storing broken names', () => {
    const latin1 = Buffer.from('name,delegation\nJos\xe9 Mar\xeda,Espa\xf1a\n', 'latin1');
    const { rows, errors } = readRegistrationCsv(latin1);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { line: 2, message: expect.stringMatching(/not UTF-8/), reason: { code: 'not_utf8' } },
    ]);
  });
});
