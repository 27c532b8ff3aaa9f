import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { asId, LIMITS, type ProposalId } from '../../shared';
import { paragraphFacts } from '../../shared/collab/paragraphs';
import { seedDoc } from '../../shared/collab/schema';
import { IRM1 } from './irm1';

describe('the demo text IRM1/DT/1', () => {
  it('is a heading and six paragraphs; paragraph 2 can be asked at once, 4 and 5 hold brackets', () => {
    const baseText = IRM1.proposals[0].baseText;
    expect(baseText.length).toBeLessThanOrEqual(LIMITS.baseText);
    const doc = new Y.Doc();
    seedDoc(doc, baseText);
    const facts = paragraphFacts(doc, asId<ProposalId>('p_demo'));
    expect(facts.paragraphs.map((p) => [p.id, p.number, p.openBrackets])).toEqual([
      ['b2', 1, 0],
      ['b3', 2, 0],
      ['b4', 3, 0],
      ['b5', 4, 3],
      ['b6', 5, 1],
      ['b7', 6, 0],
    ]);
    expect(facts.paragraphs[1]!.excerpt).toMatch(/^Recognizing that one third/);
  });
});
