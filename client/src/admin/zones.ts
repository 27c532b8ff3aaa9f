/**
 * The time zones a meeting can be held in: the browser's IANA list (`Intl.supportedValuesOf`), and
 * a search over it that also finds a zone by a city the IANA database does not name. Its zones are
 * named after one city each, so Geneva (ITU's headquarters, where IRMs are run from) is
 * Europe/Zurich, and a secretariat typing "Geneva" must still find it.
 */

/**
 * Cities people look for, and the IANA zone they keep the time of; compared without accents or
 * case, so "geneve" and "GENÈVE" find Geneva too.
 */
const CITIES: Record<string, string> = {
  geneva: 'Europe/Zurich',
  genève: 'Europe/Zurich',
  genf: 'Europe/Zurich',
  ginevra: 'Europe/Zurich',
  ginebra: 'Europe/Zurich',
  женева: 'Europe/Zurich',
  جنيف: 'Europe/Zurich',
  日内瓦: 'Europe/Zurich',
  bern: 'Europe/Zurich',
  baku: 'Asia/Baku',
  'new york': 'America/New_York',
  washington: 'America/New_York',
  beijing: 'Asia/Shanghai',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
};

let cached: string[] | null = null;

/** Every zone the browser knows, sorted, with UTC first (some browsers leave it out of the list). */
export function allZones(): string[] {
  if (!cached) {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    cached = ['UTC', ...[...listed].filter((z) => z !== 'UTC').sort()];
  }
  return cached;
}

/** For comparing: no accents (decomposed, marks dropped), lower case, a space for an underscore. */
const normalize = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replaceAll('_', ' ');

const CITY_KEYS = Object.entries(CITIES).map(([city, zone]) => [normalize(city), zone] as const);

/**
 * The zones whose name contains `query` (any case, with or without accents; a space matches the
 * underscore of `America/New_York`), and those of the cities it names, those first. An empty query
 * matches all.
 */
export function searchZones(query: string, zones: readonly string[] = allZones()): string[] {
  const q = normalize(query);
  if (!q) return [...zones];
  const byCity = CITY_KEYS.filter(([city]) => city.startsWith(q) || (q.length >= 3 && city.includes(q)))
    .map(([, zone]) => zone)
    .filter((zone) => zones.includes(zone));
  const byName = zones.filter((zone) => normalize(zone).includes(q));
  return [...new Set([...byCity, ...byName])];
}
