/**
 * The locale to write dates in: the browser's own variant of the interface's language when it has
 * one (en-GB writes 10/03/2026 where plain English writes 3/10/26), so a meeting's dates read the
 * way the person reads dates; else the interface's language.
 */
export function dateLocale(language: string): string {
  const own = globalThis.navigator?.languages ?? [];
  return own.find((tag) => tag.toLowerCase().startsWith(`${language.toLowerCase()}-`)) ?? language;
}
