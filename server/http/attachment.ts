/** Characters a file system or a header would choke on, and control and format characters. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu;
/** Code points of a name's stem: long titles are cut, their extension kept. */
const MAX_STEM = 120;

/**
 * `Content-Disposition` for a download named `name` (a meeting's title in any script): `attachment;
 * filename="…"` in ASCII for every client, and when the name is not ASCII also `filename*` in UTF-8
 * (RFC 6266, RFC 5987) for the clients that read it, which is all current browsers.
 * @example attachment('IRM-1 record.docx') // 'attachment; filename="IRM-1 record.docx"'
 */
export function attachment(name: string): string {
  const safe = safeFileName(name);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_');
  if (ascii === safe) return `attachment; filename="${safe}"`;
  const utf8 = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** The name without what a file system or a header would choke on, its stem cut by code points. */
function safeFileName(name: string): string {
  const clean = name.replace(UNSAFE, '-').replace(/\s+/g, ' ').trim();
  const ext = /\.[a-z0-9]{1,5}$/i.exec(clean)?.[0] ?? '';
  // By code points: cutting between the halves of a surrogate pair would leave a name no encoder takes.
  const stem = Array.from(clean.slice(0, clean.length - ext.length))
    .slice(0, MAX_STEM)
    .join('')
    .trim();
  return `${stem || 'download'}${ext}`;
}
