// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import type { ParticipantId } from '../../../../shared';
import { type BracketLogEntry, DOC_FIELDS } from '../../../../shared/collab/schema';
import { P } from '../../../../shared/domain/fixtures';
import { isolate } from '../../collab/bidi';
import { listComments } from '../../collab/comments';
import { localDocConnection } from '../../collab/docConnection';
import { CollabProvider } from '../../collab/hooks';
import { blockText, seeded } from '../../collab/testDocs';
import { localRoom, renderWith } from '../../test/localRoom';
import { ProposalEditor } from './ProposalEditor';

beforeAll(() => {
  // jsdom does not lay out text; ProseMirror asks for rectangles when it scrolls to a selection.
  const rect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: 0,
    right: 0,
    width: 0,
    height: 0,
    toJSON: () => ({}),
  });
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = rect as () => DOMRect;
  document.elementFromPoint = () => null;
});
afterEach(cleanup);

const BASE = '# Resolves\n\nto instruct the Director of BDT\n\nto invite Member States to contribute';

/** A room with one proposal, and its text with "instruct" and "Member States" in brackets. */
function setup(as: ParticipantId = P.kenya) {
  const local = localRoom(as, { open: true });
  local.by(P.brazil, {
    type: 'proposal.create',
    symbol: 'ACP/67A1/1',
    title: 'Resolution 31',
    submittedBy: 'APT',
  });
  const proposalId = local.room.meeting.proposals[0]!.id;
  const doc = seeded(BASE);
  blockText(doc, 1).format(3, 8, { bracket: {} });
  blockText(doc, 2).format(10, 13, { bracket: {} });
  const onClose = vi.fn();
  renderWith(
    local.port,
    <CollabProvider connect={() => localDocConnection(doc)}>
      <ProposalEditor proposalId={proposalId} onClose={onClose} />
    </CollabProvider>,
  );
  return { ...local, proposalId, doc, onClose };
}

const textbox = () => screen.getByRole('textbox', { name: 'Text of ACP/67A1/1' });

describe('the proposal editor', () => {
  it('shows the shared text, counts its square brackets and lists them', async () => {
    const { doc } = setup();
    await waitFor(() => expect(textbox().textContent).toContain('to instruct the Director of BDT'));
    expect(textbox().getAttribute('dir')).toBe('auto');
    expect(textbox().querySelectorAll('span.bracket[data-bracket]')).toHaveLength(2);
    expect(screen.getByTestId('bracket-count').textContent).toBe('Open brackets: 2');
    const list = screen.getByRole('list', { name: 'Bracketed text' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Go to bracket 1: instruct', 'Go to bracket 2: Member States']);
    // Someone else brackets more text: the count follows.
    act(() => blockText(doc, 0).format(0, 8, { bracket: {} }));
    await waitFor(() => expect(screen.getByTestId('bracket-count').textContent).toBe('Open brackets: 3'));
  });

  it('has a toolbar with names, shortcuts and pressed states', async () => {
    setup();
    await waitFor(() => textbox());
    const toolbar = screen.getByRole('toolbar', { name: 'Text formatting' });
    const brackets = within(toolbar).getByRole('button', { name: 'Square brackets' });
    expect(brackets.getAttribute('aria-keyshortcuts')).toMatch(/^(Control|Meta)\+Shift\+B$/);
    expect(brackets.getAttribute('aria-pressed')).toBe('false');
    for (const name of [
      'Paragraph',
      'H1 Heading 1',
      'H2 Heading 2',
      'Bold',
      'Italic',
      'Underline',
      'Bulleted list',
      '1. Numbered paragraphs',
    ])
      expect(within(toolbar).getByRole('button', { name })).toBeTruthy();
    // Every name contains the text the button shows (WCAG 2.5.3: say what you see).
    for (const button of within(toolbar).getAllByRole('button')) {
      const visible = button.textContent?.trim() ?? '';
      if (/[\p{L}\p{N}]/u.test(visible)) expect(button.getAttribute('aria-label')).toContain(visible);
    }
    // One tab stop; arrows, Home and End move along the toolbar.
    expect(
      within(toolbar)
        .getAllByRole('button')
        .filter((b) => b.tabIndex === 0),
    ).toHaveLength(1);
    const user = userEvent.setup();
    within(toolbar).getByRole('button', { name: 'Paragraph' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(within(toolbar).getByRole('button', { name: 'H1 Heading 1' }));
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Redo');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Paragraph');
  });

  it('jumps to a bracket, comments on it, and removing the brackets logs the agreed text', async () => {
    const user = userEvent.setup();
    const { doc } = setup();
    await waitFor(() => textbox());
    const comment = screen.getByRole('button', { name: 'Comment on the selected text' });
    expect((comment as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Go to bracket 1: instruct' }));
    // The bracket is selected: commenting (which needs a selection) is possible, the bracket button is on.
    await waitFor(() => expect((comment as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByRole('button', { name: 'Square brackets' }).getAttribute('aria-pressed')).toBe('true');

    await user.click(comment);
    expect(screen.getByText(`On “${isolate('instruct')}”`)).toBeTruthy();
    await user.type(screen.getByLabelText('Comment'), 'Which Director?');
    await user.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(listComments(doc)).toMatchObject([
      { quote: 'instruct', text: 'Which Director?', authorName: 'Amina (Kenya)' },
    ]);
    const comments = screen.getByTestId('comments');
    expect(comments.textContent).toContain('Which Director?');
    await waitFor(() => expect(textbox().querySelector('.comment-range')?.textContent).toBe('instruct'));
    await user.type(within(comments).getByLabelText(`Reply to ${isolate('Amina (Kenya)')}`), 'BDT');
    await user.click(within(comments).getByRole('button', { name: 'Reply' }));
    expect(listComments(doc)[0]!.replies.map((r) => r.text)).toEqual(['BDT']);

    // Agreement: the brackets come off "instruct"; the log says who and what.
    await user.click(screen.getByRole('button', { name: 'Go to bracket 1: instruct' }));
    await user.click(screen.getByRole('button', { name: 'Square brackets' }));
    await waitFor(() => expect(screen.getByTestId('bracket-count').textContent).toBe('Open brackets: 1'));
    const log = doc.getArray<BracketLogEntry>(DOC_FIELDS.bracketLog).toArray();
    expect(log).toMatchObject([{ by: P.kenya, byName: 'Amina (Kenya)', text: 'instruct' }]);
    expect(screen.getByTestId('agreed-list').textContent).toContain('instruct');

    await user.click(within(comments).getByRole('button', { name: 'Resolve' }));
    expect(listComments(doc)[0]!.resolved).toBe(true);
  });

  it('becomes read-only the moment the chair locks the proposal, and editable when unlocked', async () => {
    const { by, proposalId } = setup();
    await waitFor(() => expect(textbox().getAttribute('contenteditable')).toBe('true'));
    expect(screen.queryByTestId('read-only-banner')).toBeNull();
    act(() => by(P.chair, { type: 'proposal.lock', proposalId }));
    await waitFor(() => expect(textbox().getAttribute('contenteditable')).toBe('false'));
    expect(textbox().getAttribute('aria-readonly')).toBe('true');
    expect(screen.getByTestId('read-only-banner').textContent).toContain('Locked: agreed text.');
    expect((screen.getByRole('button', { name: 'Bold' }) as HTMLButtonElement).disabled).toBe(true);
    act(() => by(P.chair, { type: 'proposal.unlock', proposalId }));
    await waitFor(() => expect(textbox().getAttribute('contenteditable')).toBe('true'));
    expect(screen.queryByTestId('read-only-banner')).toBeNull();
  });

  it('moves the focus to the status that explains a lock that lands under the cursor', async () => {
    const user = userEvent.setup();
    const { by, proposalId } = setup();
    await waitFor(() => expect(textbox().getAttribute('contenteditable')).toBe('true'));
    await user.click(textbox());
    textbox().focus();
    expect(textbox().contains(document.activeElement)).toBe(true);
    act(() => by(P.chair, { type: 'proposal.lock', proposalId }));
    const banner = await screen.findByTestId('read-only-banner');
    await waitFor(() => expect(document.activeElement).toBe(banner));
    // A space typed on it does not scroll the page away from the text.
    const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    banner.dispatchEvent(space);
    expect(space.defaultPrevented).toBe(true);
  });

  it('is read-only for everyone once the meeting is closed', async () => {
    const { by } = setup();
    await waitFor(() => expect(textbox().getAttribute('contenteditable')).toBe('true'));
    act(() => by(P.chair, { type: 'meeting.close' }));
    await waitFor(() => expect(textbox().getAttribute('contenteditable')).toBe('false'));
    expect(screen.getByTestId('read-only-banner').textContent).toContain('The meeting is closed');
  });

  it('tells observers they can read but not edit', async () => {
    setup(P.observer);
    await waitFor(() => expect(textbox().getAttribute('contenteditable')).toBe('false'));
    expect(screen.getByTestId('read-only-banner').textContent).toContain('Observers can read but not edit.');
  });

  it('takes the focus on its heading and closes with Escape', async () => {
    const user = userEvent.setup();
    const { onClose } = setup();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /ACP\/67A1\/1/ }));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('records who writes, for revision marks', async () => {
    const { doc } = setup();
    await waitFor(() => textbox());
    const authors = (doc as Y.Doc).getMap('authors').toJSON();
    expect(authors[String(doc.clientID)]).toMatchObject({
      participantId: P.kenya,
      name: 'Amina',
      delegation: 'Kenya',
    });
  });
});
