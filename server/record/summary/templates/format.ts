/**
 * Dates, numbers and lists in a locale, through Intl. Formatters are cached: building one costs far
 * more than using it, and a large meeting's summary formats thousands of names.
 */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(
  key: string,
  make: () => F,
): F {
  let found = cache.get(key) as F | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

/** A calendar date "YYYY-MM-DD" (already in the meeting's zone) in words: "14 July 2025". */
export function formatDate(locale: string, isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const format = cached(
    `date:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  // Noon UTC of that date: the date is the meeting's own, so no zone may move it to another day.
  return format.format(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12));
}

export const formatNumber = (locale: string, n: number): string =>
  cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(n);

/** "A, B and C" in the locale's words. */
export const formatList = (locale: string, items: string[]): string =>
  cached(`list:${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' })).format(
    items,
  );
