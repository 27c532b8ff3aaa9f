import { describe, expect, it } from 'vitest';
import type { Proposal, ProposalId } from '../../../shared';
import { demoMeeting, P } from '../../../shared/domain/fixtures';
import { readOnlyReason } from './readOnly';

const text = (kind: Proposal['kind'], locked = false): Proposal => ({
  id: 'x_1' as ProposalId,
  kind,
  symbol: kind === 'chair-summary' ? 'CS/1' : 'ACP/1',
  title: 'T',
  submittedBy: 'Chair',
  itemId: null,
  status: 'draft',
  locked,
  createdBy: null,
  createdAt: 0,
});

describe('readOnlyReason', () => {
  const meeting = demoMeeting();
  const as = (id: string) => meeting.participants.find((p) => p.id === id);

  it("tells a delegation that the chair's summary is its writers', and observers that they observe", () => {
    expect(readOnlyReason(meeting, text('chair-summary'), as(P.kenya))).toBe('summary');
    expect(readOnlyReason(meeting, text('chair-summary'), as(P.observer))).toBe('observer');
    expect(readOnlyReason(meeting, text('chair-summary'), as(P.secretariat))).toBeNull();
    expect(readOnlyReason(meeting, text('chair-summary', true), as(P.secretariat))).toBe('locked');
  });

  it('lets a delegation edit a proposal until it is locked', () => {
    expect(readOnlyReason(meeting, text('proposal'), as(P.kenya))).toBeNull();
    expect(readOnlyReason(meeting, text('proposal', true), as(P.kenya))).toBe('locked');
    expect(readOnlyReason(meeting, text('proposal'), undefined)).toBe('observer');
  });
});
