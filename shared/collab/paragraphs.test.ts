import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asId, type ProposalId } from '../ids';
import { paragraphFacts } from './paragraphs';
import { DOC_FIELDS, seedDoc } from './schema';

const PROPOSAL = asId<ProposalId>('x_1');

/** A top-level block with `pid` and `text`, its `[…]` runs bracketed as the editor marks them. */
function block(doc: Y.Doc, pid: string | null, text: string, name = 'paragraph') {
  const element = new Y.XmlElement(name);
  if (pid) element.setAttribute('pid', pid);
  const xml = new Y.XmlText();
  element.insert(0, [xml]);
  doc.getXmlFragment(DOC_FIELDS.text).push([element]);
  const runs = text.split(/(\[[^\]]*\])/).filter(Boolean);
  xml.applyDelta(
    runs.map((run) =>
      run.startsWith('[') ? { insert: run.slice(1, -1), attributes: { bracket: {} } } : { insert: run },
    ),
  );
}

describe('paragraph facts', () => {
  it('numbers paragraphs from 1 without headings, counts bracketed runs, and cuts long excerpts', () => {
    const doc = new Y.Doc();
    seedDoc(doc, `# Resolves\n\nto [instruct] the [Director]\n\nto invite\n\n${'word '.repeat(40)}`);
    expect(paragraphFacts(doc, PROPOSAL)).toEqual({
      proposalId: PROPOSAL,
      paragraphs: [
        { id: 'b2', number: 1, openBrackets: 2, excerpt: 'to instruct the Director' },
        { id: 'b3', number: 2, openBrackets: 0, excerpt: 'to invite' },
        { id: 'b4', number: 3, openBrackets: 0, excerpt: expect.stringMatching(/^(word ){15}word…$/) },
      ],
    });
  });

  it('counts a block without a pid but cannot name it', () => {
    const doc = new Y.Doc();
    block(doc, null, 'from an older text');
    block(doc, 'p2', 'second');
    expect(paragraphFacts(doc, PROPOSAL).paragraphs).toEqual([
      { id: 'p2', number: 2, openBrackets: 0, excerpt: 'second' },
    ]);
  });

  it('names a pid seen twice by its first block, with the brackets of every copy', () => {
    const doc = new Y.Doc();
    block(doc, 'p1', 'agreed words');
    block(doc, 'p2', 'other');
    // A forged copy of p1 holding a bracket (the editor never writes one).
    block(doc, 'p1', 'Decides that [every Member State shall pay]');
    // A block copying a heading's pid is not the heading's paragraph.
    block(doc, 'h1', 'Title', 'heading');
    block(doc, 'h1', '[hidden]');
    expect(paragraphFacts(doc, PROPOSAL).paragraphs).toEqual([
      { id: 'p1', number: 1, openBrackets: 1, excerpt: 'agreed words' },
      { id: 'p2', number: 2, openBrackets: 0, excerpt: 'other' },
    ]);
  });
});
