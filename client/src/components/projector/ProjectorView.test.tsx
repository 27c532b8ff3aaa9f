// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type {
  CheckId,
  Consensus,
  ConsensusCheck,
  Meeting,
  Objection,
  ParticipantId,
  ProposalId,
} from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { localDocConnection } from '../../collab/docConnection';
import { blockText, seeded } from '../../collab/testDocs';
import { localRoom, renderWith } from '../../test/localRoom';
import { ProjectorView } from '../../views/ProjectorView';
import { ProjectorText } from './ProjectorText';

const BASE =
  '# Resolves\n\nto instruct the Director of BDT\n\nto invite Member States to contribute\n\nto report';
const REMOTE = 'remote';

/** Where the text panel was scrolled to, in order. */
let scrolled: number[] = [];
beforeAll(() => {
  // jsdom lays nothing out: ProseMirror and the following ask for rectangles and scrolling.
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({ top: 0, left: 0, bottom: 0, right: 0 }) as DOMRect;
  document.elementFromPoint = () => null;
  // Each row of the text (a margin and its block) 100 px below the one before, the panel at 0: the
  // scroll position tells which paragraph was followed (row n → n × 100 - 8, the outline's room).
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const inText = this.parentElement?.classList.contains('projector-doc');
    const top = inText ? Math.floor([...this.parentElement!.children].indexOf(this) / 2) * 100 : 0;
    return { top, bottom: top + 50, left: 0, right: 0, width: 0, height: 50 } as DOMRect;
  };
  Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
    if (this.classList.contains('projector-scroll') && typeof options === 'object')
      scrolled.push(options.top ?? -1);
  } as Element['scrollTo'];
});
afterEach(() => {
  cleanup();
  scrolled = [];
});

/** A room with one proposal, its text (b1 heading, b2–b4 paragraphs), and the projector over it. */
function setup() {
  const local = localRoom(P.chair, { open: true });
  local.by(P.brazil, {
    type: 'proposal.create',
    symbol: 'ACP/67A1/1',
    title: 'Resolution 31',
    submittedBy: 'APT',
  });
  const proposalId = local.room.meeting.proposals[0]!.id;
  // The server's copy; the projector's document only ever receives its updates.
  const server = seeded(BASE);
  blockText(server, 2).format(10, 13, { bracket: {} });
  const doc = new Y.Doc();
  const written: unknown[] = [];
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) written.push(origin);
  });
  const relay = () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)), REMOTE);
  server.on('update', relay);
  relay();
  const consensus = (patch: Partial<Consensus>) =>
    act(() => {
      const meeting: Meeting = local.port.getState().meeting!;
      local.set({ meeting: { ...meeting, consensus: { ...meeting.consensus, ...patch } } });
    });
  renderWith(local.port, <ProjectorView connect={() => localDocConnection(doc)} />);
  return { ...local, proposalId, server, doc, written, consensus };
}

function check(
  proposalId: ProposalId,
  paragraphIds: string[],
  patch: Partial<ConsensusCheck> = {},
): ConsensusCheck {
  const now = Date.now();
  return {
    id: 'c_1' as CheckId,
    proposalId,
    paragraphIds,
    paragraphNumbers: paragraphIds.map((id) => Number(id.slice(1)) - 1),
    procedure: 'room',
    askedBy: P.chair,
    askedAt: now,
    endsAt: now + 12_000,
    objections: [],
    result: null,
    ...patch,
  };
}

const objection = (delegation: string): Objection => ({
  participantId: `p_${delegation}` as ParticipantId,
  delegation,
  reason: '',
  at: Date.now(),
});

const text = () => screen.getByTestId('projector-text');
/** The shown blocks: the paragraphs, headings and lists of the text. */
const blocks = () => [...text().querySelectorAll('.projector-doc > .projector-block')];
/** Each block's margin as read out (its number's full label, its status), and the number shown. */
const margins = () =>
  [...text().querySelectorAll('.projector-doc > .projector-margin')].map((m) =>
    [m.querySelector('.sr-only'), m.querySelector('.projector-pstatus')]
      .map((e) => e?.textContent ?? '')
      .join(' ')
      .trim(),
  );
const shownNumbers = () =>
  [...text().querySelectorAll('.projector-pnum [aria-hidden="true"]')].map((n) => n.textContent);
const followed = () => text().querySelectorAll('.is-followed');

async function axeViolations(container: Element) {
  // jsdom draws nothing: contrast is checked by the browser tests.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the projector', () => {
  it('shows the floor as before while nothing is on the screen', () => {
    setup();
    expect(screen.queryByTestId('projector-text')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Next speakers' })).toBeTruthy();
    expect(screen.getByTestId('projector-check').textContent).toBe('');
  });

  it('shows the proposal on the screen read-only, numbered with each status, following the paragraph pointed at', async () => {
    const { proposalId, consensus } = setup();
    consensus({
      screen: { proposalId, paragraphId: 'b3' },
      paragraphs: {
        [proposalId]: {
          b2: { status: 'agreed', delegations: [], setAt: 1, setBy: P.chair, checkId: null },
        },
      },
    });
    await waitFor(() => expect(blocks()).toHaveLength(4));
    expect(screen.getByRole('heading', { name: 'ACP/67A1/1 Resolution 31' })).toBeTruthy();
    // The heading is not numbered; paragraphs count from 1, as the server counts them.
    expect(margins()).toEqual(['', 'Para. 1 Agreed', 'Para. 2 Open', 'Para. 3 Open']);
    // The margin shows the digits only (it stays narrow); the label is for screen readers.
    expect(shownNumbers()).toEqual(['1', '2', '3']);
    const editor = text().querySelector('.projector-doc')!;
    expect(editor.getAttribute('contenteditable')).toBe('false');
    expect(editor.querySelectorAll('span.bracket[data-bracket]')).toHaveLength(1);
    expect([...followed()].map((b) => b.textContent)).toEqual(['to invite Member States to contribute']);
    // The followed paragraph (row 2)'s start at the panel's top, not its middle.
    await waitFor(() => expect(scrolled).toEqual([192]));
    // The speakers stay, in a strip.
    expect(document.querySelector('.projector-floor.compact')).toBeTruthy();
  });

  it('follows the first paragraph of an open check, which the margin shows under check; edits elsewhere do not move it', async () => {
    const { proposalId, consensus, server, doc, written } = setup();
    consensus({ screen: { proposalId, paragraphId: 'b2' } });
    await waitFor(() => expect(scrolled).toEqual([92]));
    consensus({ checks: [check(proposalId, ['b4', 'b3'])] });
    await waitFor(() => expect(followed()[0]?.textContent).toBe('to report'));
    expect(margins()).toEqual(['', 'Para. 1 Open', 'Para. 2 Under check', 'Para. 3 Under check']);
    expect(scrolled).toEqual([92, 292]);
    // Someone types in paragraph 1 (not frozen): the text follows, the screen does not move.
    act(() => blockText(server, 1).insert(0, 'also '));
    await waitFor(() => expect(blocks()[1]!.textContent).toBe('also to instruct the Director of BDT'));
    expect(scrolled).toHaveLength(2);
    // The projector never wrote into its copy of the text.
    expect(written).toEqual([]);
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(server));
  });

  it('counts the check down, lists the objecting delegations, then shows the outcome', async () => {
    const { proposalId, consensus } = setup();
    consensus({ checks: [check(proposalId, ['b3', 'b4'])] });
    const panel = within(screen.getByTestId('projector-check'));
    expect(panel.getByText('Is there any objection?')).toBeTruthy();
    // In the banner's words.
    expect(panel.getByText('Paragraphs 2 and 3')).toBeTruthy();
    const seconds = Number(panel.getByTestId('check-seconds').textContent);
    expect(seconds).toBeGreaterThanOrEqual(11);
    expect(seconds).toBeLessThanOrEqual(12);
    expect(panel.getByTestId('check-seconds').getAttribute('role')).toBe('timer');
    expect(panel.getByText('No objection so far')).toBeTruthy();
    consensus({
      checks: [check(proposalId, ['b3'], { objections: [objection('Egypt'), objection('Kenya')] })],
    });
    expect(panel.getByText('Objections (2):')).toBeTruthy();
    expect(panel.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Egypt', 'Kenya']);
    // The whole screen, text and countdown together, is axe-clean.
    consensus({ screen: { proposalId, paragraphId: null } });
    await waitFor(() => expect(blocks()).toHaveLength(4));
    expect(await axeViolations(document.body)).toEqual([]);
    const now = Date.now();
    const result = { closedAt: now, appliedAt: now, closedBy: null, early: false };
    consensus({
      checks: [
        check(proposalId, ['b3'], {
          result: { ...result, outcome: 'objected', objections: [objection('Egypt')] },
        }),
      ],
    });
    expect(panel.getByTestId('check-outcome').textContent).toBe('There are objections: the text stays open');
    expect(panel.queryByTestId('check-seconds')).toBeNull();
    expect(panel.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Egypt']);
    // An outcome from long ago is not shown.
    consensus({
      checks: [
        check(proposalId, ['b3'], {
          result: {
            ...result,
            closedAt: now - 60_000,
            appliedAt: now - 60_000,
            outcome: 'agreed',
            objections: [],
          },
        }),
      ],
    });
    expect(screen.getByTestId('projector-check').textContent).toBe('');
  });

  it('marks the changes since the base text, then since the latest revision', async () => {
    const local = localRoom(P.chair, { open: true });
    local.by(P.brazil, {
      type: 'proposal.create',
      symbol: 'ACP/67A1/1',
      title: 'Resolution 31',
      submittedBy: 'APT',
    });
    const proposalId = local.room.meeting.proposals[0]!.id;
    const doc = seeded(BASE);
    blockText(doc, 2).delete(0, 10); // "to invite " struck
    blockText(doc, 3).insert(9, ' yearly'); // "to report yearly"
    const versions = { list: async () => [], save: vi.fn(), load: vi.fn(async () => seeded(BASE)) };
    const meeting = local.port.getState().meeting!;
    local.set({
      meeting: {
        ...meeting,
        consensus: {
          ...meeting.consensus,
          screen: { proposalId, paragraphId: null },
          checks: [check(proposalId, ['b2'], { objections: [objection('Egypt')] })],
        },
      },
    });
    renderWith(
      local.port,
      <ProjectorText
        proposal={local.port.getState().meeting!.proposals[0]!}
        connect={() => localDocConnection(doc)}
        versions={versions}
      />,
    );
    await waitFor(() => expect(text().querySelector('del')?.textContent).toBe('to invite '));
    expect(versions.load).toHaveBeenCalledWith(`v_base_${proposalId}`);
    expect(text().querySelector('ins')?.textContent?.trim()).toBe('yearly');
    expect(
      screen.getByText('Changes since the base text: insertions underlined, deletions struck through'),
    ).toBeTruthy();
    // Once Rev.1 is published, the marks are against it.
    act(() => {
      const m = local.port.getState().meeting!;
      const revision = {
        number: 1,
        symbol: 'ACP/67A1/1/Rev.1',
        versionId: `v_rev1_${proposalId}`,
        publishedAt: Date.now(),
        publishedBy: P.chair,
        paragraphs: [],
      };
      local.set({
        meeting: { ...m, consensus: { ...m.consensus, revisions: { [proposalId]: [revision] } } },
      });
    });
    await waitFor(() => expect(versions.load).toHaveBeenLastCalledWith(`v_rev1_${proposalId}`));
    await waitFor(() =>
      expect(
        screen.getByText('Changes since ACP/67A1/1/Rev.1: insertions underlined, deletions struck through'),
      ).toBeTruthy(),
    );
  });
});
