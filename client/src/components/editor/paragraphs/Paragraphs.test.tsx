// @vitest-environment jsdom

import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { P } from '../../../../../shared/domain/fixtures';
import { rangeOf } from '../../../collab/testDocs';
import { editorOf, margins, setup } from './testEditor';

beforeAll(() => {
  // jsdom does not lay out text; ProseMirror asks for rectangles when it scrolls to a selection.
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({ top: 0, left: 0, bottom: 0, right: 0 }) as DOMRect;
  document.elementFromPoint = () => null;
});
afterEach(cleanup);

const summary = () => screen.getByTestId('paragraph-summary').textContent;

describe('paragraphs in the editor', () => {
  it('sums up the paragraphs and shows each one’s number and status in the margin, live', async () => {
    const { room, set, by, proposalId } = setup(P.kenya);
    await waitFor(() => expect(margins()).toHaveLength(3));
    expect(summary()).toBe('3 paragraphs: 1 agreed, 1 ad ref., 1 open; 1 open bracket');
    expect(margins().map((m) => m.textContent)).toEqual(['1Agreed', '2Ad ref. (Egypt)', '3Open']);
    // The margin is drawn, not read (the list says the same), and it is no content of the text.
    expect(margins().every((m) => m.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(editorOf().getText()).not.toContain('Agreed');

    room.must(P.chair, { type: 'agenda.open', itemId: room.meeting.agenda[0]!.id });
    room.giveTo(P.egypt);
    act(() => set({ meeting: room.meeting }));
    act(() =>
      by(P.chair, {
        type: 'paragraph.linkIntervention',
        proposalId,
        paragraphId: 'b4',
        note: 'delete annually',
      }),
    );
    act(() => by(P.chair, { type: 'paragraph.setStatus', proposalId, paragraphId: 'b3', status: 'agreed' }));
    await waitFor(() => expect(margins()[2]!.textContent).toBe('3Open1 intervention'));
    expect(summary()).toBe('3 paragraphs: 2 agreed, 0 ad ref., 1 open; 1 open bracket');
    const list = screen.getByRole('list', { name: 'Paragraphs of the text' });
    expect(within(list).getByRole('button', { name: 'Paragraph 3: Open · 1 intervention' })).toBeTruthy();
  });

  it('keeps agreed paragraphs as they are and says why, politely', async () => {
    const { doc } = setup(P.kenya);
    await waitFor(() => expect(margins()).toHaveLength(3));
    const editor = editorOf();
    const before = editor.getText();
    act(() => {
      editor.commands.insertContentAt(rangeOf(doc, 'instruct').from, 'not ');
    });
    expect(editor.getText()).toBe(before);
    await waitFor(() =>
      expect(screen.getByTestId('frozen-notice').textContent).toBe(
        'Paragraph 1 is agreed, so it can no longer be edited. The presiding officer can reopen it.',
      ),
    );
    expect(screen.getByTestId('frozen-notice').getAttribute('role')).toBe('status');
    // Paragraph 3 is open: it takes the edit.
    act(() => {
      editor.commands.insertContentAt(rangeOf(doc, 'report').from, 'also ');
    });
    expect(editor.getText()).toContain('to also report');
  });

  it('lets the chair set a status, ask “any objection?” and close the details with the focus back', async () => {
    const user = userEvent.setup();
    const { sent, room } = setup(P.chair);
    await waitFor(() => expect(margins()).toHaveLength(3));
    const opener = screen.getByRole('button', { name: 'Paragraph 3: Open' });
    await user.click(opener);
    const details = screen.getByRole('region', { name: 'Paragraph 3' });
    expect(document.activeElement).toBe(within(details).getByRole('heading', { name: 'Paragraph 3' }));
    expect(details.textContent).toContain('Open brackets in it: 1');

    await user.click(within(details).getByRole('radio', { name: 'Agreed ad referendum' }));
    await user.click(within(details).getByRole('button', { name: 'Set the status' }));
    expect(within(details).getByRole('alert').textContent).toBe('Add at least one delegation.');
    await user.type(within(details).getByRole('combobox', { name: 'Delegation' }), 'Brazil{Enter}');
    await user.type(within(details).getByRole('combobox', { name: 'Delegation' }), 'Kenya');
    await user.click(within(details).getByRole('button', { name: 'Add the delegation' }));
    await user.click(within(details).getByRole('button', { name: 'Remove Kenya' }));
    await user.click(within(details).getByRole('button', { name: 'Set the status' }));
    expect(sent.at(-1)).toMatchObject({
      type: 'paragraph.setStatus',
      paragraphId: 'b4',
      delegations: ['Brazil'],
    });
    // Refused: agreed ad referendum is still agreed, and a bracket is open.
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('open square bracket'));
    expect(margins()[2]!.textContent).toBe('3Open');

    await user.click(within(details).getByRole('button', { name: 'Ask: any objection? — Paragraph 3' }));
    // Refused (a bracket is open): the room's alert says so, and the focus is still in the details.
    expect(sent.at(-1)).toEqual({
      type: 'consensus.ask',
      proposalId: room.meeting.proposals[0]!.id,
      paragraphIds: ['b4'],
    });
    expect(screen.getByRole('alert').textContent).toContain('open square bracket');
    expect(details.contains(document.activeElement)).toBe(true);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Paragraph 3' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Paragraph 3: Open/ }));
  });

  it('puts a paragraph under check: read-only and marked so; the secretariat cannot reopen an agreed one', async () => {
    const { by, proposalId } = setup(P.secretariat);
    await waitFor(() => expect(margins()).toHaveLength(3));
    act(() => by(P.chair, { type: 'consensus.ask', proposalId, paragraphIds: ['b3'] }));
    await waitFor(() => expect(margins()[1]!.textContent).toBe('2Ad ref. (Egypt)Under check'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Paragraph 1: Agreed' }));
    const details = screen.getByRole('region', { name: 'Paragraph 1' });
    expect(
      within(details).getByRole('group', { name: 'Status of paragraph 1' }).hasAttribute('disabled'),
    ).toBe(true);
    expect(details.textContent).toContain('Only the presiding officer can reopen an agreed paragraph.');
    // The secretariat does not ask: that is the presiding officer's.
    expect(within(details).queryByRole('button', { name: /any objection/ })).toBeNull();
    expect(within(details).getByRole('button', { name: 'Show on the projector — Paragraph 1' })).toBeTruthy();
  });

  it('starts the status form again from a status set meanwhile, the focus staying in it', async () => {
    const user = userEvent.setup();
    const { by, proposalId } = setup(P.secretariat);
    await waitFor(() => expect(margins()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Paragraph 2: Ad ref. (Egypt)' }));
    const details = screen.getByRole('region', { name: 'Paragraph 2' });
    const radio = (name: string) => within(details).getByRole('radio', { name }) as HTMLInputElement;
    await user.click(radio('Open'));
    // The presiding officer agrees it with Brazil too: the form shows that, not the unsent choice.
    act(() =>
      by(P.chair, {
        type: 'paragraph.setStatus',
        proposalId,
        paragraphId: 'b3',
        status: 'ad-referendum',
        delegations: ['Egypt', 'Brazil'],
      }),
    );
    expect(radio('Agreed ad referendum').checked).toBe(true);
    expect(document.activeElement).toBe(radio('Open'));
    const chip = within(details).getByRole('button', { name: 'Remove Brazil' });
    chip.focus();
    // Then agrees it: the form is locked for the secretariat, the focus on why.
    act(() => by(P.chair, { type: 'paragraph.setStatus', proposalId, paragraphId: 'b3', status: 'agreed' }));
    expect(radio('Agreed').checked).toBe(true);
    expect(document.activeElement?.textContent).toBe(
      'Only the presiding officer can reopen an agreed paragraph.',
    );
  });

  it('opens the paragraph at the cursor from the keyboard (Ctrl+Alt+P)', async () => {
    const { doc } = setup(P.kenya);
    await waitFor(() => expect(margins()).toHaveLength(3));
    const editor = editorOf();
    act(() => {
      // Not the `focus` command: it focuses a frame later, after the details took the focus.
      editor.view.focus();
      editor.commands.setTextSelection(rangeOf(doc, 'Member').from);
    });
    expect(screen.getByRole('button', { name: 'Paragraph 2 (at the cursor)' })).toBeTruthy();
    const key = new KeyboardEvent('keydown', {
      key: 'p',
      code: 'KeyP',
      ctrlKey: true,
      altKey: true,
      bubbles: true,
    });
    act(() => {
      editor.view.dom.dispatchEvent(key);
    });
    const details = await screen.findByRole('region', { name: 'Paragraph 2' });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(details).getByRole('heading', { name: 'Paragraph 2' })),
    );
    // A delegate reads, and may do nothing with the paragraph.
    expect(
      within(details)
        .queryAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Go to paragraph 2 in the text', 'Close the details of paragraph 2']);
  });

  it('reads right to left in Arabic, margin and summary in the interface’s words', async () => {
    setup(P.kenya, 'ar');
    await waitFor(() => expect(margins()).toHaveLength(3));
    // The margin's words read right to left; the margin itself sits at the text's start side.
    expect(margins().every((m) => !m.hasAttribute('dir'))).toBe(true);
    expect(
      margins().every((m) => m.querySelector('.paragraph-margin-facts')?.getAttribute('dir') === 'rtl'),
    ).toBe(true);
    expect(margins()[0]!.textContent).toBe('1متفق عليها');
    expect(summary()).toBe('3 فقرات: 1 متفق عليها، 1 رهن الاستشارة، 1 مفتوحة؛ 1 قوس مفتوح');
  });
});
