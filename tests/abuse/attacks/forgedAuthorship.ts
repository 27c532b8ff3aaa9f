import type * as Y from 'yjs';
import { registerAuthor } from '../../../client/src/collab/authors';
import { addComment, replyTo } from '../../../client/src/collab/comments';
import { writerName } from '../../../shared/collab/limits';
import { type BracketLogEntry, DOC_FIELDS } from '../../../shared/collab/schema';
import { closeOrRoundTrip, type Editor, openEditor, waitUntil } from '../../support/collab';
import { CloseTally, type OffenderRoom, offenderRoom } from '../../support/offenderRoom';
import { delay } from '../../support/wait';
import type { Attack, AttackContext, RunningAttack } from './types';

const VICTIM = { name: 'Victim', delegation: 'Utopia' };
const OFFENDER = { name: 'Offender', delegation: 'Atlantis' };

const comments = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(DOC_FIELDS.comments);
const bracketLog = (doc: Y.Doc) => doc.getArray<BracketLogEntry>(DOC_FIELDS.bracketLog);
const authors = (doc: Y.Doc) => doc.getMap<unknown>(DOC_FIELDS.authors);

/** What the offender tries, one stock editor each (each is closed for it). */
export const FORGERIES: Array<{
  name: string;
  forge: (doc: Y.Doc, victimId: string, victimClient: number) => void;
}> = [
  {
    name: 'rename the author of a comment',
    forge: (doc) => comments(doc).get(0).set('authorName', 'Offender'),
  },
  { name: 'rewrite the text of a comment', forge: (doc) => comments(doc).get(0).set('text', 'I withdraw.') },
  { name: 'erase a comment', forge: (doc) => comments(doc).delete(0, 1) },
  {
    name: 'comment in the name of another',
    forge: (doc, victimId) =>
      addComment(doc, {
        from: 1,
        to: 3,
        quote: 'Th',
        text: 'I agree to everything.',
        author: { id: victimId, name: writerName(VICTIM) },
      }),
  },
  {
    name: 'rewrite a reply',
    forge: (doc) => {
      const replies = comments(doc).get(0).get('replies') as Y.Array<Record<string, unknown>>;
      const reply = replies.get(0);
      doc.transact(() => {
        replies.delete(0, 1);
        replies.insert(0, [{ ...reply, text: 'Changed my mind.' }]);
      });
    },
  },
  { name: 'erase a bracket log entry', forge: (doc) => bracketLog(doc).delete(0, 1) },
  {
    name: 'log agreement in the name of another',
    forge: (doc, victimId) =>
      bracketLog(doc).push([{ by: victimId, byName: writerName(VICTIM), at: Date.now(), text: 'all of it' }]),
  },
  {
    name: "claim another's Yjs client in authors",
    forge: (doc, _victimId, victimClient) =>
      authors(doc).set(String(victimClient), { participantId: 'p_offender', ...OFFENDER }),
  },
  {
    name: 'name someone else for its own Yjs client',
    forge: (doc, victimId) => authors(doc).set(String(doc.clientID), { participantId: victimId, ...VICTIM }),
  },
];

/** The document's parts that name people, as JSON (what must not change). */
export const authorship = (doc: Y.Doc) =>
  JSON.stringify([comments(doc).toJSON(), bracketLog(doc).toJSON(), authors(doc).toJSON()]);

export interface RunningForgery extends RunningAttack {
  room: OffenderRoom;
  tally: CloseTally;
  /** The authorship JSON once the victim wrote (before any forgery). */
  honest: string;
  /** Forgeries tried, in order (with repetition when the attack runs long). */
  tried: string[];
}

async function synced(editor: Editor, check: () => boolean) {
  await editor.synced;
  await waitUntil(check, 'the editor has the document');
}

export async function startForgedAuthorship({ url, adminToken }: AttackContext): Promise<RunningForgery> {
  const room = await offenderRoom(url, adminToken, 'The text under discussion.');
  // The victim writes with the real client code: a comment, a reply, a bracket log entry, its author.
  const victim = openEditor(url, room.proposalId, room.victim.token);
  await synced(victim, () => victim.doc.getXmlFragment(DOC_FIELDS.text).length > 0);
  const me = { id: room.victim.participantId, name: writerName(VICTIM) };
  registerAuthor(victim.doc, { participantId: me.id, ...VICTIM });
  const id = addComment(victim.doc, { from: 1, to: 4, quote: 'The', text: 'Which text?', author: me })!;
  replyTo(victim.doc, id, 'This one.', me);
  bracketLog(victim.doc).push([{ by: me.id, byName: me.name, at: Date.now(), text: 'under discussion' }]);
  const honest = authorship(victim.doc);
  const victimClient = victim.doc.clientID;
  const check = openEditor(url, room.proposalId, room.chairToken);
  await synced(check, () => authorship(check.doc) === honest);
  check.destroy();
  if ((await closeOrRoundTrip(victim.provider.ws, victim.closed)) !== null)
    throw new Error('the victim was closed for honest writes');

  const tally = new CloseTally();
  const tried: string[] = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      // Within the participant's upgrade budget (2/s after a burst; many-collab tests going faster):
      // a refused upgrade would be the first close the editor reports, not the forgery's.
      // A pause, not a wait: it keeps the upgrades under the budget.
      if (i >= 20) await delay(600);
      const forgery = FORGERIES[i % FORGERIES.length]!;
      const offender = openEditor(url, room.proposalId, room.offender.token);
      try {
        await synced(offender, () => authorship(offender.doc) === honest);
        tried.push(forgery.name);
        forgery.forge(offender.doc, me.id, victimClient);
        // Null (tallied as 0) when the server answered a round trip after the forgery instead.
        const closed = await closeOrRoundTrip(offender.provider.ws, offender.closed);
        tally.add(closed?.code ?? 0);
      } finally {
        offender.destroy();
      }
    }
  })();
  return {
    room,
    tally,
    honest,
    tried,
    stop: async () => {
      running = false;
      await loop.catch(() => {});
      victim.destroy();
      room.close();
      return `${tried.length} forgeries; closed: ${tally}`;
    },
  };
}

export const attack: Attack = {
  name: 'forged-authorship',
  summary:
    "rewrites or erases another participant's comment, reply, bracket log entry and authors entry with raw Yjs changes",
  start: startForgedAuthorship,
};
