// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDueChecks, evolve } from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { localZone } from '../../format';
import { renderWith } from '../../test/localRoom';
import { ProposalConsensusLine } from './ProposalConsensusLine';
import { SilenceBanner } from './SilenceBanner';
import { SilencePanel } from './SilencePanel';
import { consensusRoom } from './testRoom';

const NOW = Date.UTC(2025, 6, 14, 9, 0, 0);
/** Friday 18 July 2025, 15:00 UTC: 17:00 in Geneva (the demo meeting's Europe/Zurich). */
const DEADLINE = Date.UTC(2025, 6, 18, 15, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A silence procedure on paragraphs 1 and 2 of IRM-1/5, seen by `as` (in the panel, and `more`). */
function silence(as: (typeof P)[keyof typeof P], more?: ReactNode) {
  const local = consensusRoom(as);
  local.by(P.chair, {
    type: 'consensus.ask',
    proposalId: local.proposalId,
    paragraphIds: ['b1', 'b2'],
    until: DEADLINE,
  });
  const checkId = local.room.meeting.consensus.checks.at(-1)!.id;
  renderWith(
    local.port,
    <>
      {more}
      <SilencePanel />
    </>,
  );
  return { ...local, checkId };
}

const row = () => within(screen.getByTestId('silence-row'));

describe('silence procedures', () => {
  it('gives the deadline on the viewer’s clock and on the meeting’s, each labelled', () => {
    silence(P.kenya);
    expect(row().getByText('IRM-1/5')).toBeTruthy();
    expect(row().getByText(/Paragraphs 1 and 2/)).toBeTruthy();
    // The month in words (jsdom's browser is en-US): never "7/18/25", read 18 July or 7 June.
    const yours = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: localZone(),
    }).format(DEADLINE);
    expect(screen.getByTestId('deadline-yours').textContent).toBe(`${yours} (your time)`);
    expect(screen.getByTestId('deadline-meeting').textContent).toBe('Jul 18, 2025, 5:00 PM (meeting time)');
  });

  it('writes deadlines in the browser’s own variant of the UI language', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-CH', 'en-GB', 'en']);
    silence(P.kenya);
    expect(screen.getByTestId('deadline-meeting').textContent).toBe('18 Jul 2025, 17:00 (meeting time)');
  });

  it('tells a delegation, at the top, of a procedure open to its objection and takes it to the row', () => {
    const { by, checkId } = silence(P.kenya, <SilenceBanner />);
    const banner = within(screen.getByRole('region', { name: 'Silence procedures open to your objection' }));
    const item = banner.getByTestId('silence-banner-item');
    expect(item.textContent).toContain('IRM-1/5 Paragraphs 1 and 2');
    expect(banner.getByTestId('banner-deadline').textContent).toMatch(/^Jul \d+, 2025, .* \(your time\)$/);
    expect(banner.getByTestId('banner-mine').textContent).toBe('Your delegation has not objected');
    fireEvent.click(banner.getByRole('button', { name: 'Go to the procedure' }));
    expect(document.activeElement).toBe(document.querySelector(`[data-silence-title="${checkId}"]`));
    act(() => by(P.kenya, { type: 'consensus.object', checkId }));
    expect(banner.getByTestId('banner-mine').textContent).toBe('Your delegation has objected');
    cleanup();
    // Not to who may not object.
    silence(P.chair, <SilenceBanner />);
    expect(screen.queryByTestId('silence-banner')).toBeNull();
  });

  it('says under the proposal its latest revision and, apart, the silence procedure on the viewer’s clock', () => {
    const local = consensusRoom(P.kenya);
    local.by(P.chair, { type: 'proposal.publishRevision', proposalId: local.proposalId });
    local.by(P.chair, {
      type: 'consensus.ask',
      proposalId: local.proposalId,
      paragraphIds: ['b1'],
      until: DEADLINE,
    });
    const proposal = local.room.meeting.proposals.find((p) => p.id === local.proposalId)!;
    renderWith(local.port, <ProposalConsensusLine proposal={proposal} />);
    expect(screen.getByTestId('proposal-revision').textContent).toBe('Latest revision: Rev.1');
    expect(screen.getByTestId('proposal-silence').textContent).toMatch(
      /^Silence procedure until Jul \d+, 2025, .* \(your time\)$/,
    );
  });

  it('takes objections from a delegation even once the meeting is closed; the secretariat sees who objected', async () => {
    const { by, checkId, sent } = silence(P.kenya);
    act(() => by(P.chair, { type: 'meeting.close' }));
    fireEvent.click(row().getByRole('button', { name: 'Objection' }));
    const reason = row().getByRole('textbox', { name: 'Reason (optional)' });
    fireEvent.change(reason, { target: { value: 'Awaiting instructions' } });
    await act(async () => {
      fireEvent.submit(reason.closest('form')!);
    });
    expect(sent.at(-1)).toMatchObject({ type: 'consensus.object', checkId });
    expect(row().getByText('Awaiting instructions')).toBeTruthy();
    expect(row().getByRole('button', { name: 'Withdraw the objection' })).toBeTruthy();
    cleanup();

    const secretariat = silence(P.secretariat);
    act(() =>
      secretariat.by(P.kenya, {
        type: 'consensus.object',
        checkId: secretariat.checkId,
        reason: 'Awaiting instructions',
      }),
    );
    const objection = within(screen.getByTestId('objections')).getByRole('listitem');
    expect(objection.textContent).toContain('Kenya');
    expect(objection.textContent).toContain(secretariat.room.participant(P.kenya).name);
    expect(row().queryByRole('button', { name: 'Objection' })).toBeNull();
  });

  it('offers Close now to the presiding officer once the silence is broken; an ended procedure shows its outcome', async () => {
    const { room, set, by, checkId, sent } = silence(P.chair);
    const title = () => document.querySelector(`[data-silence-title="${checkId}"]`);
    expect(row().queryByRole('button', { name: 'Objection' })).toBeNull();
    // Unbroken, the silence runs to its deadline: nothing closes it early.
    expect(row().queryByRole('button', { name: 'Close now' })).toBeNull();
    act(() => by(P.egypt, { type: 'consensus.object', checkId }));
    row().getByRole('button', { name: 'Close now' }).focus();
    // Egypt withdraws: Close now goes, the focus stays on the procedure.
    act(() => by(P.egypt, { type: 'consensus.withdrawObjection', checkId }));
    expect(row().queryByRole('button', { name: 'Close now' })).toBeNull();
    expect(document.activeElement).toBe(title());
    act(() => by(P.egypt, { type: 'consensus.object', checkId }));
    await act(async () => {
      fireEvent.click(row().getByRole('button', { name: 'Close now' }));
    });
    expect(sent.at(-1)).toEqual({ type: 'consensus.close', checkId });
    // It keeps its row, which says it ended.
    expect(screen.getAllByTestId('silence-row')).toHaveLength(1);
    expect(screen.getByTestId('silence-row').querySelector('.silence-deadline')?.textContent).toBe(
      'Not agreed: objections from Egypt',
    );
    expect(document.activeElement).toBe(title());

    // Another, ended by its deadline while the process was away: agreed.
    act(() => {
      room.ctx.set(Date.now());
      room.must(P.chair, {
        type: 'consensus.ask',
        proposalId: room.meeting.proposals[0]!.id,
        paragraphIds: ['b4'],
        until: DEADLINE,
      });
      set({ meeting: room.meeting });
    });
    act(() => {
      for (const event of closeDueChecks(room.meeting, DEADLINE + 60_000))
        room.meeting = evolve(room.meeting, event);
      set({ meeting: room.meeting });
    });
    const rows = screen.getAllByTestId('silence-row');
    expect(rows.map((r) => r.querySelector('.silence-deadline')?.textContent)).toEqual([
      'Not agreed: objections from Egypt',
      'Paragraph 4 agreed',
    ]);
    expect(rows.map((r) => r.querySelector('.silence-title')?.textContent)).toEqual([
      'IRM-1/5 Paragraphs 1 and 2',
      'IRM-1/5 Paragraph 4',
    ]);
  });
});
