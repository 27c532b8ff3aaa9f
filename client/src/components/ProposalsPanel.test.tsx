// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ITEM, P } from '../../../shared/domain/fixtures';
import { localRoom, renderWith } from '../test/localRoom';
import { ProposalsPanel } from './ProposalsPanel';

afterEach(cleanup);

const proposal = {
  type: 'proposal.create',
  symbol: 'ACP/67A1/1',
  title: 'Revision of Resolution 31',
  submittedBy: 'APT',
} as const;

describe('proposals panel', () => {
  it('lets a delegate submit a proposal with a base text, then opens it', async () => {
    const user = userEvent.setup();
    const { port, room, sent } = localRoom(P.kenya, { openItem: ITEM.resolution31 });
    const onOpen = vi.fn();
    renderWith(port, <ProposalsPanel onOpen={onOpen} />);
    expect(screen.getByText('No proposals yet.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New proposal' }));
    // The form takes the focus; the delegation and the current item are filled in.
    expect(document.activeElement).toBe(screen.getByLabelText('Symbol'));
    expect((screen.getByLabelText('Submitted by') as HTMLInputElement).value).toBe('Kenya');
    expect((screen.getByLabelText('Agenda item') as HTMLSelectElement).value).toBe(ITEM.resolution31);
    await user.type(screen.getByLabelText('Symbol'), 'AFCP/42/1');
    await user.type(screen.getByLabelText('Title'), 'Resolution 31: regional initiatives');
    await user.type(screen.getByLabelText('Base text (optional)'), 'resolves to instruct the Director');
    await user.click(screen.getByRole('button', { name: 'Create proposal' }));
    expect(sent.at(-1)).toEqual({
      type: 'proposal.create',
      symbol: 'AFCP/42/1',
      title: 'Resolution 31: regional initiatives',
      submittedBy: 'Kenya',
      itemId: ITEM.resolution31,
      baseText: 'resolves to instruct the Director',
    });
    const created = room.meeting.proposals[0]!;
    expect(onOpen).toHaveBeenCalledWith(created.id);
    const row = screen.getByTestId('proposal');
    expect(row.textContent).toContain('AFCP/42/1');
    expect(row.textContent).toContain('Draft');
    expect(row.textContent).toContain('agenda item 3');
    // Delegates do not manage statuses or locks.
    expect(within(row).queryByRole('button', { name: /Lock/ })).toBeNull();
    await user.click(within(row).getByRole('button', { name: 'Open text AFCP/42/1' }));
    expect(onOpen).toHaveBeenLastCalledWith(created.id);
  });

  it('lets the chair set the status and lock an agreed text', async () => {
    const user = userEvent.setup();
    const { port, room, by } = localRoom(P.chair, { open: true });
    by(P.brazil, proposal);
    renderWith(port, <ProposalsPanel onOpen={() => undefined} />);
    const id = room.meeting.proposals[0]!.id;
    await user.selectOptions(screen.getByLabelText('Status of ACP/67A1/1'), 'agreed');
    expect(room.meeting.proposals[0]!.status).toBe('agreed');
    await user.click(screen.getByRole('button', { name: 'Lock ACP/67A1/1 (agreed text)' }));
    expect(room.meeting.proposals[0]).toMatchObject({ id, locked: true });
    expect(screen.getByTestId('proposal').textContent).toContain('Locked');
    await user.click(screen.getByRole('button', { name: 'Unlock ACP/67A1/1' }));
    expect(room.meeting.proposals[0]!.locked).toBe(false);
  });

  it('gives the secretariat the same controls, and observers no "New proposal"', () => {
    const secretariat = localRoom(P.secretariat, { open: true });
    secretariat.by(P.brazil, proposal);
    renderWith(secretariat.port, <ProposalsPanel onOpen={() => undefined} />);
    expect(screen.getByLabelText('Status of ACP/67A1/1')).toBeTruthy();
    cleanup();
    const observer = localRoom(P.observer, { open: true });
    observer.by(P.brazil, proposal);
    renderWith(observer.port, <ProposalsPanel onOpen={() => undefined} />);
    expect(screen.queryByRole('button', { name: 'New proposal' })).toBeNull();
    expect(screen.queryByLabelText('Status of ACP/67A1/1')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open text ACP/67A1/1' })).toBeTruthy();
  });

  it('gives the focus back to "New proposal" when the form closes by Escape or Cancel', async () => {
    const user = userEvent.setup();
    const { port, sent } = localRoom(P.secretariat, { open: true });
    renderWith(port, <ProposalsPanel onOpen={() => undefined} />);
    const opener = () => screen.getByRole('button', { name: 'New proposal' });
    await user.click(opener());
    await user.type(screen.getByLabelText('Symbol'), 'A/1');
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Symbol')).toBeNull();
    expect(document.activeElement).toBe(opener());
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(opener());
    expect(sent.filter((c) => c.type === 'proposal.create')).toEqual([]);
  });
});
