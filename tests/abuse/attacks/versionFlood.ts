import { firstParagraph, openEditor, waitUntil } from '../../support/collab';
import { offenderRoom } from '../../support/offenderRoom';
import type { Attack, AttackContext, RunningAttack } from './types';

/** What the offender got from its version flood. */
export interface VersionFloodResult {
  /** Characters of the text when the saves began (the attack tries for 900 000). */
  textLength: number;
  /** HTTP status → count. */
  statuses: Map<number, number>;
  /** Refusal messages → count. */
  messages: Map<string, number>;
  /** Versions the proposal holds afterwards (the base text included). */
  stored: number;
}

const SAVES = 300;
const TEXT = 900_000;

/**
 * The delegate: grows a proposal's text to about 900 KB (as far as the server lets it),
 * then fires 300 `POST /api/proposals/:id/versions` at once, each a copy of the whole text.
 */
export async function startVersionFlood(
  ctx: AttackContext,
): Promise<RunningAttack & { result: () => Promise<VersionFloodResult> }> {
  // The offender's own meeting and proposal (tests/support/offenderRoom.ts); its chair is not needed.
  const room = await offenderRoom(ctx.url, ctx.adminToken, 'Base.');
  room.close();
  const { proposalId } = room;
  const token = room.offender.token;
  const editor = openEditor(ctx.url, proposalId, token);
  await editor.synced;
  const text = () => firstParagraph(editor.doc);
  await waitUntil(() => text().length > 0, 'the base text');
  text().insert(text().length, 'x'.repeat(TEXT));
  // Best effort: the text size limit may refuse it (and close the editor); then the text is smaller.
  const reader = openEditor(ctx.url, proposalId, token);
  await reader.synced;
  await Promise.race([
    waitUntil(() => firstParagraph(reader.doc).length > TEXT, 'the big text stored', 10_000),
    editor.closed,
  ]).catch(() => {});
  const result: VersionFloodResult = {
    textLength: firstParagraph(reader.doc).length,
    statuses: new Map(),
    messages: new Map(),
    stored: 0,
  };
  editor.destroy();
  reader.destroy();
  const post = async (n: number) => {
    const res = await fetch(`${ctx.url}/api/proposals/${proposalId}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Flood ${n}` }),
    });
    result.statuses.set(res.status, (result.statuses.get(res.status) ?? 0) + 1);
    const body = (await res.json()) as { error?: { message: string } };
    const message = body.error?.message.replace(/\d+ s$/, 'N s');
    if (message) result.messages.set(message, (result.messages.get(message) ?? 0) + 1);
  };
  const flood = Promise.allSettled(Array.from({ length: SAVES }, (_, n) => post(n)));
  const finish = async (): Promise<VersionFloodResult> => {
    await flood;
    const listed = await fetch(`${ctx.url}/api/proposals/${proposalId}/versions`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json() as Promise<{ versions: unknown[] }>);
    result.stored = listed.versions.length;
    return result;
  };
  let finished: Promise<VersionFloodResult> | undefined;
  const once = () => {
    finished ??= finish();
    return finished;
  };
  return {
    result: once,
    stop: async () => {
      const r = await once();
      const statuses = [...r.statuses].map(([s, n]) => `${s}×${n}`).join(', ');
      return `text ${r.textLength} chars; ${statuses}; ${r.stored} versions stored`;
    },
  };
}

export const attack: Attack = {
  name: 'version-flood',
  summary: 'one delegate saves 300 versions of a 900 KB text at once',
  start: startVersionFlood,
};
