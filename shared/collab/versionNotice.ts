import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';

/**
 * A y-websocket message type of our own (y-websocket uses 0–3): the server tells every connection of
 * a document that a version was saved, so the versions list is live for everyone with the text open
 * (docs/collab.md, "Versions saved"). Only the server sends it; the server skips it from clients,
 * and a stock provider that does not know it logs and ignores it.
 */
export const VERSION_SAVED_MESSAGE = 100;

/** What the notice carries: the saved version's metadata, as `GET …/versions` lists it. */
const versionNoticeSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  createdBy: z.string().min(1).max(200).nullable(),
  createdAt: z.number().int().nonnegative(),
});

/** A saved version as the notice announces it. */
export type VersionNotice = z.infer<typeof versionNoticeSchema>;

/** The whole notice: the message type, then the version as JSON. */
export function encodeVersionNotice(version: VersionNotice): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, VERSION_SAVED_MESSAGE);
  encoding.writeVarString(encoder, JSON.stringify(versionNoticeSchema.parse(version)));
  return encoding.toUint8Array(encoder);
}

/**
 * Reads a notice's body (the decoder is past the message type, as y-websocket hands it to a message
 * handler); null when it is not a valid notice, which the client then ignores.
 */
export function readVersionNotice(decoder: decoding.Decoder): VersionNotice | null {
  try {
    const parsed = versionNoticeSchema.safeParse(JSON.parse(decoding.readVarString(decoder)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
