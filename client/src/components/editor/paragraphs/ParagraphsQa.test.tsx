// @vitest-environment jsdom

import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../../../../shared';
import { P } from '../../../../../shared/domain/fixtures';
import { margins, setup } from './testEditor';

beforeAll(() => {
  // jsdom does not lay out text; ProseMirror asks for rectangles when it scrolls to a selection.
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({ top: 0, left: 0, bottom: 0, right: 0 }) as DOMRect;
  document.elementFromPoint = () => null;
});
afterEach(cleanup);

/** A port whose answers wait until `release()`: a command stays pending meanwhile, as on a slow link. */
function held() {
  const waiting: (() => void)[] = [];
  return {
    wrap: (port: Parameters<NonNullable<Parameters<typeof setup>[2]>>[0]) => ({
      ...port,
      send: (command: Parameters<typeof port.send>[0]) =>
        new Promise<Ack>((resolve) => waiting.push(() => void port.send(command).then(resolve))),
    }),
    release: () =>
      act(() => {
        for (const go of waiting.splice(0)) go();
      }),
  };
}

const notBody = () => expect(document.activeElement).not.toBe(document.body);

/** axe's violations in `element` (contrast aside: jsdom draws nothing, the browser tests check it). */
async function violations(element: HTMLElement): Promise<string[]> {
  let results: axe.AxeResults | undefined;
  await act(async () => {
    results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  });
  return results!.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

describe('paragraphs in the editor, after the QA pass', () => {
  it('keeps a check’s objections on the paragraph: margin, list and details', async () => {
    const { by, room, proposalId } = setup(P.chair);
    await waitFor(() => expect(margins()).toHaveLength(3));
    act(() => by(P.chair, { type: 'consensus.ask', proposalId, paragraphIds: ['b3'] }));
    const checkId = room.meeting.consensus.checks[0]!.id;
    act(() => by(P.egypt, { type: 'consensus.object', checkId, reason: 'not before our capital answers' }));
    act(() => by(P.brazil, { type: 'consensus.object', checkId }));
    act(() => by(P.chair, { type: 'consensus.close', checkId }));

    await waitFor(() =>
      expect(margins()[1]!.textContent).toBe('2Ad ref. (Egypt)Objections: Egypt and Brazil'),
    );
    // Each delegation in its own <bdi>, the list joined in the UI language.
    const mark = margins()[1]!.querySelector('.paragraph-objected')!;
    expect([...mark.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['Egypt', 'Brazil']);
    const user = userEvent.setup();
    await user.click(
      screen.getByRole('button', { name: 'Paragraph 2: Ad ref. (Egypt) · Objections: Egypt and Brazil' }),
    );
    const last = within(screen.getByRole('region', { name: 'Paragraph 2' })).getByTestId(
      'paragraph-last-check',
    );
    expect(within(last).getByRole('heading').textContent).toBe('Latest “any objection?” check');
    expect(last.textContent).toMatch(/Objections: not agreed, .+\(meeting time\)/);
    expect(
      within(within(last).getByRole('list', { name: 'Objections' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Egypt: not before our capital answers', 'Brazil: no reason given']);
    expect(await violations(screen.getByRole('region', { name: 'Paragraphs' }))).toEqual([]);

    // Asked again: no mark while the new check runs; agreed, the details say so.
    act(() => by(P.chair, { type: 'consensus.ask', proposalId, paragraphIds: ['b3'] }));
    await waitFor(() => expect(margins()[1]!.textContent).toBe('2Ad ref. (Egypt)Under check'));
    act(() => by(P.chair, { type: 'consensus.close', checkId: room.meeting.consensus.checks[1]!.id }));
    await waitFor(() => expect(margins()[1]!.textContent).toBe('2Agreed'));
    expect(screen.getByTestId('paragraph-last-check').textContent).toMatch(/No objection: agreed/);
  });

  it('isolates the delegations of an Arabic margin and list, joined the Arabic way', async () => {
    const { by, proposalId } = setup(P.kenya, 'ar');
    act(() =>
      by(P.chair, {
        type: 'paragraph.setStatus',
        proposalId,
        paragraphId: 'b3',
        status: 'ad-referendum',
        delegations: ['Egypt', 'Brazil'],
      }),
    );
    await waitFor(() => expect(margins()[1]!.textContent).toBe('2رهن الاستشارة (Egypt وBrazil)'));
    const badge = margins()[1]!.querySelector('.paragraph-badge')!;
    expect([...badge.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['Egypt', 'Brazil']);
    const item = screen.getByRole('button', { name: /^الفقرة 2:/ });
    expect([...item.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['Egypt', 'Brazil']);
  });

  it('sends “any objection?” once on a double click, the focus kept in the details', async () => {
    const hold = held();
    const { sent } = setup(P.chair, 'en', hold.wrap);
    await waitFor(() => expect(margins()).toHaveLength(3));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Paragraph 2: Ad ref. (Egypt)' }));
    const ask = screen.getByRole('button', { name: 'Ask: any objection? — Paragraph 2' });
    await user.dblClick(ask);
    expect(ask.getAttribute('aria-disabled')).toBe('true');
    hold.release();
    await waitFor(() => expect(margins()[1]!.textContent).toContain('Under check'));
    expect(sent.filter((c) => c.type === 'consensus.ask')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Paragraph 2' }));
  });

  it('shows the link once made, with “Remove the link” instead of the form; a double click links once', async () => {
    const hold = held();
    const { room, set, sent } = setup(P.secretariat, 'en', hold.wrap);
    room.must(P.chair, { type: 'agenda.open', itemId: room.meeting.agenda[0]!.id });
    room.giveTo(P.egypt);
    act(() => set({ meeting: room.meeting }));
    await waitFor(() => expect(margins()).toHaveLength(3));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Paragraph 3: Open' }));
    const details = screen.getByRole('region', { name: 'Paragraph 3' });
    await user.dblClick(within(details).getByRole('button', { name: 'Link the intervention of Egypt' }));
    hold.release();
    await waitFor(() =>
      expect(
        within(details).queryByRole('textbox', { name: 'Note on the intervention (optional)' }),
      ).toBeNull(),
    );
    expect(sent.filter((c) => c.type === 'paragraph.linkIntervention')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    const line = details.querySelector<HTMLElement>('.paragraph-linked-line');
    expect(line?.textContent).toBe('The intervention of Egypt is linked to this paragraph.');
    expect(document.activeElement).toBe(line);
    expect(await violations(details)).toEqual([]);

    await user.click(within(details).getByRole('button', { name: 'Remove the link' }));
    hold.release();
    const note = await within(details).findByRole('textbox', { name: 'Note on the intervention (optional)' });
    await waitFor(() => expect(document.activeElement).toBe(note));
  });

  it('keeps the focus on “Set the status” when the chair reopens an agreed paragraph or sets ad ref.', async () => {
    const { room, proposalId } = setup(P.chair);
    await waitFor(() => expect(margins()).toHaveLength(3));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Paragraph 1: Agreed' }));
    const details = screen.getByRole('region', { name: 'Paragraph 1' });
    const setButton = within(details).getByRole('button', { name: 'Set the status' });
    await user.click(within(details).getByRole('radio', { name: 'Open' }));
    await user.click(setButton);
    await waitFor(() => expect(margins()[0]!.textContent).toBe('1Open'));
    expect(document.activeElement).toBe(setButton);

    await user.click(within(details).getByRole('radio', { name: 'Agreed ad referendum' }));
    const field = within(details).getByRole('combobox', { name: 'Delegation' });
    // Only the meeting's delegations: a typed name that is none is refused here, and says why.
    await user.type(field, 'Narnia{Enter}');
    expect(within(details).getByRole('alert').textContent).toBe(
      '“Narnia” is not a delegation of this meeting: pick one from the list.',
    );
    expect(field.getAttribute('aria-describedby')).toContain(within(details).getByRole('alert').id);
    expect(await violations(details)).toEqual([]);
    await user.clear(field);
    await user.type(field, 'egypt{Enter}');
    expect(within(details).getByRole('button', { name: 'Remove Egypt' })).toBeTruthy();
    expect(details.querySelectorAll(`datalist option[value="Egypt"]`)).toHaveLength(1);
    await user.click(setButton);
    await waitFor(() => expect(margins()[0]!.textContent).toBe('1Ad ref. (Egypt)'));
    expect(room.meeting.consensus.paragraphs[proposalId]!.b2!.delegations).toEqual(['Egypt']);
    notBody();
    expect(document.activeElement).toBe(setButton);
  });
});
