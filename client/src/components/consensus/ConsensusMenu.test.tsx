// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Proposal } from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { wallTimeOf } from '../../admin/wallClock';
import { seeded } from '../../collab/testDocs';
import { localZone } from '../../format';
import { renderWith } from '../../test/localRoom';
import { ConsensusMenu } from './ConsensusMenu';
import { consensusRoom } from './testRoom';

afterEach(cleanup);

function setup(as: (typeof P)[keyof typeof P]) {
  const local = consensusRoom(as);
  const proposal = local.room.meeting.proposals.find((p) => p.id === local.proposalId) as Proposal;
  // The live text: pids b1, b2 as the server seeds them.
  const doc = seeded('Recognizing the digital divide\n\nInvites Member States to cooperate');
  renderWith(local.port, <ConsensusMenu proposal={proposal} doc={doc} />);
  return local;
}

describe('asking "any objection?"', () => {
  it('asks on the paragraphs chosen by number, with the window given', async () => {
    const { sent, proposalId } = setup(P.chair);
    fireEvent.click(screen.getByRole('button', { name: 'Any objection?…' }));
    expect(screen.getByRole('dialog', { name: 'Any objection? on IRM-1/5' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'These paragraphs:' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Paragraph 2 Invites Member States/ }));
    fireEvent.change(screen.getByRole('spinbutton', { name: /Window in seconds/ }), {
      target: { value: '30' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Ask now' }));
    });
    expect(sent.at(-1)).toEqual({ type: 'consensus.ask', proposalId, paragraphIds: ['b2'], seconds: 30 });
    expect(screen.queryByRole('dialog')).toBeNull();
    // A check is under way: asking again is not offered, and says why.
    expect(screen.getByRole('button', { name: 'Any objection?…' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    expect(screen.getByText('A check is under way in the room.')).toBeTruthy();
  });

  it('starts a silence procedure with a deadline read on the chair’s clock, shown on both', async () => {
    const { sent, proposalId } = setup(P.chair);
    fireEvent.click(screen.getByRole('button', { name: 'Silence procedure…' }));
    const date = screen.getByLabelText('Date') as HTMLInputElement;
    fireEvent.change(date, { target: { value: '2020-01-01' } });
    expect(screen.getByTestId('deadline-shown').textContent).toBe(
      'The deadline must be at least 1 hour away.',
    );
    const later = new Date(Date.now() + 5 * 24 * 3600_000).toISOString().slice(0, 10);
    fireEvent.change(date, { target: { value: later } });
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: '18:00' } });
    const shown = screen.getByTestId('deadline-shown').textContent ?? '';
    expect(shown).toMatch(/^Ends .*6:00 PM \(your time\), that is .* \(meeting time\)\.$/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Start the silence procedure' }));
    });
    const ask = sent.at(-1) as { type: string; until: number };
    expect(ask).toMatchObject({ type: 'consensus.ask', proposalId });
    // 18:00 on the chair's own clock, whatever zone the test runs in.
    expect(wallTimeOf(ask.until, localZone())).toEqual({ date: later, time: '18:00' });
  });

  it('is not offered to a delegate', () => {
    setup(P.kenya);
    expect(screen.queryByRole('button', { name: 'Any objection?…' })).toBeNull();
  });
});
