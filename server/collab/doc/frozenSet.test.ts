import { describe, expect, it } from 'vitest';
import { asId, type Meeting, type ParagraphRecord, type ProposalId } from '../../../shared';
import { demoMeeting } from '../../../shared/domain/fixtures';
import { sortedFrozenIds } from './frozenSet';

const A = asId<ProposalId>('pr_a');
const B = asId<ProposalId>('pr_b');
const agreed: ParagraphRecord = { status: 'agreed', delegations: [], setAt: 0, setBy: null, checkId: null };
const withAgreed = (m: Meeting, proposalId: ProposalId, pids: string[]): Meeting => ({
  ...m,
  consensus: {
    ...m.consensus,
    paragraphs: {
      ...m.consensus.paragraphs,
      [proposalId]: Object.fromEntries(pids.map((pid) => [pid, agreed])),
    },
  },
});

describe('sortedFrozenIds', () => {
  it('sorts once per meeting state and proposal, and follows a new state', () => {
    const meeting = withAgreed(demoMeeting(), A, ['b9', 'b10', 'b2']);
    const first = sortedFrozenIds(meeting, A);
    expect(first).toEqual(['b10', 'b2', 'b9']);
    // The same state: the same array, not computed again (judge.ts compares by identity).
    expect(sortedFrozenIds(meeting, A)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(sortedFrozenIds(meeting, B)).toEqual([]);
    // A new state (an event stored): computed again, for it.
    const next = withAgreed(meeting, A, ['b2']);
    expect(sortedFrozenIds(next, A)).toEqual(['b2']);
    expect(sortedFrozenIds(meeting, A)).toBe(first);
  });
});
