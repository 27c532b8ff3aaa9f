import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { withEntryTimes } from './zipTimes';

/** A zip as the Office libraries write one, its entries stamped with `date`. */
const zipAt = (date: Date) => {
  const zip = new JSZip();
  zip.file('word/document.xml', '<w:document/>', { date });
  zip.file('docProps/core.xml', '<cp:coreProperties/>', { date });
  zip.file('media/名前.txt', 'non-ASCII name, so an extra field is written', { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
};

describe('withEntryTimes', () => {
  it('gives the same bytes to zips packed at different times', async () => {
    const early = await zipAt(new Date('2030-01-01T10:00:00Z'));
    const late = await zipAt(new Date('2031-02-03T04:05:06Z'));
    expect(late.equals(early)).toBe(false);
    const at = '2025-07-14T15:12:34+02:00';
    expect(withEntryTimes(late, at).equals(withEntryTimes(early, at))).toBe(true);
  });

  it('stamps every entry with the wall clock of the time, and keeps the contents', async () => {
    const fixed = withEntryTimes(await zipAt(new Date('2030-01-01T10:00:00Z')), '2025-07-14T15:12:34+02:00');
    const zip = await JSZip.loadAsync(fixed, { checkCRC32: true });
    // DOS times have no zone and a 2-second step: JSZip reads them as UTC.
    for (const entry of Object.values(zip.files))
      expect(entry.date.toISOString()).toBe('2025-07-14T15:12:34.000Z');
    expect(await zip.file('word/document.xml')!.async('string')).toBe('<w:document/>');
    expect(await zip.file('media/名前.txt')!.async('string')).toContain('non-ASCII');
  });

  it('refuses what is not a zip', () => {
    expect(() =>
      withEntryTimes(Buffer.from('not a zip at all, just some text here'), '2025-07-14T15:12:34+02:00'),
    ).toThrow(/not a zip/);
  });
});
