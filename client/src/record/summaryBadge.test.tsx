// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { draftChairSummary, evolve } from '../../../shared';
import { P } from '../../../shared/domain/fixtures';
import { ProposalsPanel } from '../components/ProposalsPanel';
import { localRoom, renderWith } from '../test/localRoom';

afterEach(cleanup);

/** The demo room with a delegation's proposal and a draft of the chair's summary. */
function roomWithSummary() {
  const local = localRoom(P.kenya);
  local.by(P.kenya, {
    type: 'proposal.create',
    symbol: 'AFR/31/1',
    title: 'Amendment',
    submittedBy: 'Kenya',
  });
  const decision = draftChairSummary(
    local.room.meeting,
    local.room.participant(P.secretariat),
    { title: 'Chair’s summary of IRM-1', submittedBy: 'Chair', text: 'Item 1.' },
    local.room.ctx,
  );
  if (!decision.ok) throw new Error(decision.error.message);
  for (const event of decision.events) local.room.meeting = evolve(local.room.meeting, event)!;
  local.set({ meeting: local.room.meeting });
  return local;
}

const rowOf = (symbol: string) =>
  screen
    .getAllByTestId('proposal')
    .find((row) => row.querySelector('.proposal-symbol')?.textContent === symbol)!;

it('marks a chair’s summary among the proposals, in words, and no other text', () => {
  renderWith(roomWithSummary().port, <ProposalsPanel onOpen={() => undefined} />);
  expect(within(rowOf('CS/1')).getByTestId('chair-summary-badge').textContent).toBe('Chair’s summary');
  expect(within(rowOf('AFR/31/1')).queryByTestId('chair-summary-badge')).toBeNull();
});

it('translates the badge (French, Arabic)', () => {
  const local = roomWithSummary();
  renderWith(local.port, <ProposalsPanel onOpen={() => undefined} />, 'fr');
  expect(within(rowOf('CS/1')).getByTestId('chair-summary-badge').textContent).toBe('Résumé du Président');
  cleanup();
  renderWith(local.port, <ProposalsPanel onOpen={() => undefined} />, 'ar');
  expect(within(rowOf('CS/1')).getByTestId('chair-summary-badge').textContent).toBe('ملخص الرئيس');
});
