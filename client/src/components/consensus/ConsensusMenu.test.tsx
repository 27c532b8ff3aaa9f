// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Proposal, ROOM_CHECK_SECONDS } from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { wallTimeOf } from '../../admin/wallClock';
import { seeded } from '../../collab/testDocs';
import { localZone } from '../../format';
import { renderWith } from '../../test/localRoom';
import { ConsensusMenu } from './ConsensusMenu';
import { holdAnswers } from './slowPort';
import { consensusRoom } from './testRoom';

afterEach(cleanup);

function setup(as: (typeof P)[keyof typeof P]) {
  const local = consensusRoom(as);
  const proposal = local.room.meeting.proposals.find((p) => p.id === local.proposalId) as Proposal;
  // The live text as the domain sees it (testRoom.ts): b1, b2, b3 with open brackets, b4.
  const doc = seeded(
    'Recognizing the digital divide\n\nInvites Member States to cooperate\n\nInstructs the Director [of BDT]\n\nDecides to review progress',
  );
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

  it('asks by default, by id, on every paragraph that can be agreed now, in the domain’s default window', async () => {
    const { proposalId, port } = setup(P.chair);
    fireEvent.click(screen.getByRole('button', { name: 'Any objection?…' }));
    const every = screen.getByRole('radio', {
      name: 'Every paragraph that can be agreed now',
    }) as HTMLInputElement;
    expect(every.checked).toBe(true);
    // Paragraph 3 has open brackets: left out, and the choice says which are in.
    expect(screen.getByTestId('askable').textContent).toBe('Paragraphs 1, 2, and 4');
    const seconds = screen.getByRole('spinbutton', { name: /Window in seconds/ }) as HTMLInputElement;
    expect(seconds.value).toBe(String(ROOM_CHECK_SECONDS.default));
    const held = holdAnswers(port);
    const ask = screen.getByRole('button', { name: 'Ask now' });
    fireEvent.click(ask);
    fireEvent.click(ask);
    expect(held.sent).toEqual([
      {
        type: 'consensus.ask',
        proposalId,
        paragraphIds: ['b1', 'b2', 'b4'],
        seconds: ROOM_CHECK_SECONDS.default,
      },
    ]);
    expect(ask.getAttribute('aria-disabled')).toBe('true');
    await act(held.answer);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says a refusal in the dialog, which stays open with the focus in it', async () => {
    const { by, proposalId, port } = setup(P.chair);
    fireEvent.click(screen.getByRole('button', { name: 'Any objection?…' }));
    // Meanwhile another check starts in the room (from the chair's other window).
    act(() => by(P.chair, { type: 'consensus.ask', proposalId, paragraphIds: ['b1'], seconds: 20 }));
    const dialog = within(screen.getByRole('dialog'));
    const ask = dialog.getByRole('button', { name: 'Ask now' });
    ask.focus();
    await act(async () => {
      fireEvent.click(ask);
    });
    expect(dialog.getByTestId('dialog-refusal').textContent).toMatch(/^Asking "any objection\?": not done\./);
    expect(port.getState().refusal).toBeNull();
    expect(document.activeElement).toBe(ask);
  });

  it('offers no "every paragraph" when none can be agreed now, and says why', () => {
    const { by, proposalId } = setup(P.chair);
    for (const paragraphId of ['b1', 'b2', 'b4'])
      act(() => by(P.chair, { type: 'paragraph.setStatus', proposalId, paragraphId, status: 'agreed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Silence procedure…' }));
    const every = screen.getByRole('radio', {
      name: 'Every paragraph that can be agreed now',
    }) as HTMLInputElement;
    expect(every.disabled).toBe(true);
    expect(screen.getByTestId('askable').textContent).toMatch(/^None now/);
    expect(screen.getAllByRole('checkbox').every((c) => (c as HTMLInputElement).disabled)).toBe(true);
  });

  it('is not offered to a delegate', () => {
    setup(P.kenya);
    expect(screen.queryByRole('button', { name: 'Any objection?…' })).toBeNull();
  });
});
