/**
 * The file name a `Content-Disposition` header gives (`filename*=UTF-8''…` first, as RFC 6266
 * prefers, then `filename="…"`), or `fallback`. Path separators are dropped: a name, not a path.
 */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  let name: string | undefined;
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = undefined;
    }
  }
  name ??= /filename\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(disposition)?.[1]?.replace(/\\(.)/g, '$1');
  name ??= /filename\s*=\s*([^;\s]+)/.exec(disposition)?.[1];
  const clean = name?.replace(/[/\\]/g, '_').trim();
  return clean || fallback;
}

/** Saves `blob` as a download named `fileName`, as a link the page clicks. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Long after the download has read it; the blob is small.
  const revoke = URL.revokeObjectURL.bind(URL);
  setTimeout(() => revoke(url), 60_000);
}
