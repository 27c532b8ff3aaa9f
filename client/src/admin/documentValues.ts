import { type AgendaDocument, LANGUAGES, type Language } from '../../../shared';
import type { Problems } from './meetingForm';

/**
 * A document of an agenda item as its form holds it, and the checks a person can fix there. The
 * server checks the whole list again (shared/protocol/secretariat.ts `agendaDocumentSchema`).
 */
export interface DocumentValues {
  symbol: string;
  title: string;
  url: string;
  languages: Language[];
}

export const DOCUMENT_FIELDS = ['symbol', 'title', 'url', 'languages'] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

/** The longest symbol the server takes. */
export const SYMBOL_MAX = 60;

export const emptyDocument = (): DocumentValues => ({ symbol: '', title: '', url: '', languages: [] });

export const documentValues = (doc: AgendaDocument): DocumentValues => ({
  ...doc,
  languages: [...doc.languages],
});

/** The document, with its languages in the ITU's order whatever order they were ticked in; or what to fix. */
export function checkDocument(
  values: DocumentValues,
): { ok: true; document: AgendaDocument } | { ok: false; problems: Problems<DocumentField> } {
  const problems: Problems<DocumentField> = {};
  const symbol = values.symbol.trim();
  const title = values.title.trim();
  const url = values.url.trim();
  if (!symbol) problems.symbol = 'required';
  if (!title) problems.title = 'required';
  if (!url) problems.url = 'required';
  else if (!isHttps(url)) problems.url = 'notHttps';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const languages = LANGUAGES.filter((l) => values.languages.includes(l));
  return { ok: true, document: { symbol, title, url, languages } };
}

function isHttps(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The list with the document at `index` moved by `step` (−1 up, +1 down); unchanged at an end. */
export function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const to = index + step;
  const out = [...list];
  if (to < 0 || to >= list.length) return out;
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}
