import { toString as qrSvg } from 'qrcode';

/**
 * The QR code of `text` as an SVG data URL, for an `<img>` with an alt text: drawn by the
 * `qrcode` package in script (no canvas), with a quiet zone for phone cameras.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await qrSvg(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
