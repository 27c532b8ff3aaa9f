import { describe, expect, it } from 'vitest';
import {
  type CheckId,
  type Consensus,
  type ConsensusCheck,
  EMPTY_CONSENSUS,
  type ParticipantId,
  type ProposalId,
} from '../../../../shared';
import { followedParagraph, OUTCOME_SHOWN_MS, paragraphMarks, shownCheck } from './following';

const A = 'p_a' as ProposalId;
const B = 'p_b' as ProposalId;
const NOW = 1_760_000_000_000;

/** A check as the state holds it; open unless `closedAt` is given. */
function check(
  id: string,
  proposalId: ProposalId,
  paragraphIds: string[],
  opts: {
    procedure?: 'room' | 'silence';
    askedAt?: number;
    closedAt?: number;
    outcome?: 'agreed' | 'objected';
  } = {},
): ConsensusCheck {
  const askedAt = opts.askedAt ?? NOW - 5000;
  return {
    id: id as CheckId,
    proposalId,
    paragraphIds,
    paragraphNumbers: paragraphIds.map((_, i) => i + 1),
    procedure: opts.procedure ?? 'room',
    askedBy: 'chair' as ParticipantId,
    askedAt,
    endsAt: askedAt + 20_000,
    objections: [],
    result:
      opts.closedAt === undefined
        ? null
        : {
            outcome: opts.outcome ?? 'agreed',
            closedAt: opts.closedAt,
            appliedAt: opts.closedAt,
            closedBy: null,
            early: false,
            objections: [],
          },
  };
}

const state = (patch: Partial<Consensus>): Consensus => ({ ...EMPTY_CONSENSUS, ...patch });

describe('the paragraph the projector follows', () => {
  it.each([
    ['nothing on the screen', state({}), null],
    ['the paragraph pointed at', state({ screen: { proposalId: A, paragraphId: 'b2' } }), 'b2'],
    ['the proposal, no paragraph', state({ screen: { proposalId: A, paragraphId: null } }), null],
    [
      'a room check goes before the paragraph pointed at: its first paragraph',
      state({ screen: { proposalId: A, paragraphId: 'b2' }, checks: [check('c1', A, ['b4', 'b5'])] }),
      'b4',
    ],
    [
      'the latest of two open room checks',
      state({ checks: [check('c1', A, ['b1']), check('c2', A, ['b3'], { askedAt: NOW - 1000 })] }),
      'b3',
    ],
    [
      'a closed check is not followed',
      state({
        screen: { proposalId: A, paragraphId: 'b2' },
        checks: [check('c1', A, ['b4'], { closedAt: NOW })],
      }),
      'b2',
    ],
    [
      'a silence procedure does not take the screen',
      state({
        screen: { proposalId: A, paragraphId: 'b2' },
        checks: [check('c1', A, ['b4'], { procedure: 'silence' })],
      }),
      'b2',
    ],
    [
      'a check on another proposal is not followed here',
      state({ screen: { proposalId: A, paragraphId: 'b2' }, checks: [check('c1', B, ['b4'])] }),
      'b2',
    ],
    ['the screen points at another proposal', state({ screen: { proposalId: B, paragraphId: 'b2' } }), null],
  ])('%s', (_name, consensus, expected) => {
    expect(followedParagraph(consensus, A)).toBe(expected);
  });
});

describe('what the margin says of each paragraph', () => {
  it('recorded statuses, then "under check" for any open check (room or silence), open otherwise', () => {
    const record = (status: 'open' | 'agreed' | 'ad-referendum') => ({
      status,
      delegations: [],
      setAt: NOW,
      setBy: null,
      checkId: null,
    });
    const consensus = state({
      paragraphs: {
        [A]: { b1: record('agreed'), b2: record('ad-referendum'), b3: record('open'), b4: record('agreed') },
      },
      checks: [
        check('c1', A, ['b4']),
        check('c2', A, ['b5'], { procedure: 'silence' }),
        check('c3', A, ['b6'], { closedAt: NOW }),
        check('c4', B, ['b7']),
      ],
    });
    expect(Object.fromEntries(paragraphMarks(consensus, A))).toEqual({
      b1: 'agreed',
      b2: 'ad-referendum',
      b4: 'checking',
      b5: 'checking',
    });
  });
});

describe('the check the countdown shows', () => {
  it.each([
    ['none', [], null],
    ['the open room check', [check('c1', A, ['b1'])], 'c1'],
    ['not a silence procedure', [check('c1', A, ['b1'], { procedure: 'silence' })], null],
    [
      'the open one that ends first, on any proposal',
      [check('c1', A, ['b1'], { askedAt: NOW - 1000 }), check('c2', B, ['b1'], { askedAt: NOW - 9000 })],
      'c2',
    ],
    ['an outcome just applied', [check('c1', A, ['b1'], { closedAt: NOW - 1000 })], 'c1'],
    ['an outcome shown long enough', [check('c1', A, ['b1'], { closedAt: NOW - OUTCOME_SHOWN_MS })], null],
    [
      'an open check before an outcome',
      [check('c1', A, ['b1'], { closedAt: NOW - 1000 }), check('c2', A, ['b2'])],
      'c2',
    ],
  ])('%s', (_name, checks, expected) => {
    expect(shownCheck(state({ checks }), NOW)?.id ?? null).toBe(expected);
  });
});
