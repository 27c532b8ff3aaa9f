import type { ZonedTime } from '../../../shared';

// ZIP file format (PKWARE APPNOTE 4.3): signatures and where each record keeps its DOS time and date.
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** MS-DOS time and date of a wall-clock time (2-second resolution, years from 1980). */
function dosTimeAndDate(at: ZonedTime): { time: number; date: number } {
  const [year, month, day, hour, minute, second] = [
    at.slice(0, 4),
    at.slice(5, 7),
    at.slice(8, 10),
    at.slice(11, 13),
    at.slice(14, 16),
    at.slice(17, 19),
  ].map(Number) as [number, number, number, number, number, number];
  if (year < 1980) return { time: 0, date: (1 << 5) | 1 }; // 1980-01-01, the format's first day
  return {
    time: (hour << 11) | (minute << 5) | (second >> 1),
    date: ((year - 1980) << 9) | (month << 5) | day,
  };
}

function endOfCentralDirectory(zip: Buffer): number {
  const last = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = zip.length - END_RECORD_SIZE; at >= last; at--)
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  throw new Error('not a zip file: no end of central directory');
}

/**
 * A copy of `zip` whose entries all carry the time `at` (its wall clock, as ZIP stores local time),
 * in the central directory and in each local header. The zip libraries behind docx and exceljs
 * (JSZip) stamp every entry with the time of packing, so without this the same record would give
 * different bytes from one second to the next. Only those fields change: the compressed data and
 * its CRCs are untouched. Entries must be plain ZIP (not ZIP64), as files this small are.
 */
export function withEntryTimes(zip: Buffer, at: ZonedTime): Buffer {
  const out = Buffer.from(zip);
  const { time, date } = dosTimeAndDate(at);
  const end = endOfCentralDirectory(out);
  const entries = out.readUInt16LE(end + 10);
  let entry = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(entry) !== CENTRAL_ENTRY)
      throw new Error(`zip: no central directory entry at ${entry}`);
    out.writeUInt16LE(time, entry + 12);
    out.writeUInt16LE(date, entry + 14);
    const local = out.readUInt32LE(entry + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip: no local header at ${local}`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    entry += 46 + out.readUInt16LE(entry + 28) + out.readUInt16LE(entry + 30) + out.readUInt16LE(entry + 32);
  }
  return out;
}
