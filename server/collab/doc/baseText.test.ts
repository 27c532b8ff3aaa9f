import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asId, type ProposalId } from '../../../shared';
import { DOC_FIELDS, docParagraphs, plainText } from '../../../shared/collab/schema';
import { draftSummary } from '../../record/summary/draft';
import { IRM1_RECORD } from '../../record/summary/fixtures';
import { UpdateValidator } from '../validate';
import { baseTextUpdate } from './baseText';

const DOC_ID = asId<ProposalId>('x_cs1');
const bracketed = (doc: Y.Doc) =>
  docParagraphs(doc).flatMap((b) => b.runs.filter((r) => r.marks.includes('bracket')).map((r) => r.text));

describe('a base text with square brackets and isolates', () => {
  const validator = new UpdateValidator({ workers: 1, timeoutMs: 5000, maxOldGenerationSizeMb: 64 });
  afterAll(() => validator.close());
  // The Arabic draft of the chair's summary: placeholders in brackets, Latin names isolated.
  const { text } = draftSummary(IRM1_RECORD, 'ar');
  const once = () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, baseTextUpdate(DOC_ID, text));
    return doc;
  };

  it('seeds the same marks however often it is seeded, so two seedings merge into one text', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, baseTextUpdate(DOC_ID, text));
    Y.applyUpdate(doc, baseTextUpdate(DOC_ID, text));
    expect(plainText(doc)).toBe(plainText(once()));
    expect(bracketed(doc)).toEqual(bracketed(once()));
    expect(bracketed(doc)).toContain('النقاط الرئيسية التي أثارتها منطقة أفريقيا');
  });

  it('is accepted by the co-editing server’s checks when a delegate edits it: isolates and all', async () => {
    const server = new Y.Doc();
    Y.applyUpdate(server, baseTextUpdate(DOC_ID, text));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    // The first placeholder: a paragraph all in brackets.
    const placeholder = docParagraphs(client).findIndex((b) =>
      b.runs.every((r) => r.marks.includes('bracket')),
    );
    const words = (client.getXmlFragment(DOC_FIELDS.text).get(placeholder) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    // Takes its brackets away (agreed), and starts it with a name copied from the draft, isolates and all.
    words.format(0, words.length, { bracket: null });
    words.insert(0, '\u2068Egypt\u2069 ');
    const update = Y.encodeStateAsUpdate(client, before);
    const writer = {
      participantId: 'p_egypt',
      name: 'أحمد حسن',
      delegation: 'Egypt',
      displayName: 'أحمد حسن (Egypt)',
      moderates: false,
    };
    const verdict = await validator.validate(update, {
      docId: DOC_ID,
      writer,
      state: () => Y.encodeStateAsUpdate(server),
    });
    expect(verdict).toEqual({ ok: true });
    Y.applyUpdate(server, update);
    expect(docParagraphs(server)[placeholder]!.runs).toEqual([
      { text: `\u2068Egypt\u2069 ${bracketed(once())[0]}`, marks: [] },
    ]);
  });
});
