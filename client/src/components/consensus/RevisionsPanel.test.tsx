// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { type Proposal, revisionVersionId } from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { registerAuthor } from '../../collab/authors';
import { recordEdits } from '../../collab/editLog';
import { blockText, seeded, sync } from '../../collab/testDocs';
import type { Version, VersionsApi } from '../../collab/versions';
import { renderWith } from '../../test/localRoom';
import { RevisionsPanel } from './RevisionsPanel';
import { holdAnswers } from './slowPort';
import { consensusRoom } from './testRoom';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/**
 * The versions API over texts kept in memory (the server's side is tested in tests/integration):
 * `keep` stores a text as a version, as the co-editing server does when a revision is published.
 */
function memoryVersions() {
  const states = new Map<string, Uint8Array>();
  const versions: Version[] = [];
  const keep = (id: string, doc: Y.Doc) => {
    states.set(id, Y.encodeStateAsUpdate(doc));
    versions.push({ id, name: id, createdBy: null, createdAt: Date.now() });
  };
  const api: VersionsApi = {
    list: async () => [...versions],
    save: async () => {
      throw new Error('not used');
    },
    load: async (id) => {
      const state = states.get(id);
      if (!state) throw new Error('not_found');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      return doc;
    },
  };
  return { api, keep };
}

/** What the panel offered as a download: the file's name and its word/document.xml. */
function captureDownloads() {
  const files: Array<{ name: string; xml: Promise<string> }> = [];
  let last: Blob | null = null;
  // jsdom has no object URLs: the blob is kept instead, and the link's click only names the file.
  URL.createObjectURL = (blob: Blob) => {
    last = blob;
    return 'blob:test';
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = last!;
    files.push({
      name: this.download,
      xml: JSZip.loadAsync(blob).then((zip) => zip.file('word/document.xml')!.async('string')),
    });
  });
  return files;
}

/** The base text, and a delegate's edit of it (with the edit log recording who and when). */
async function texts() {
  const base = seeded('Recognizing the digital divide\n\nto instruct the Director', 1);
  const edited = new Y.Doc();
  edited.clientID = 20;
  sync(base, edited);
  registerAuthor(edited, { participantId: P.kenya, name: 'Amina Diallo', delegation: 'Kenya' });
  const recorder = recordEdits(edited, { now: () => Date.UTC(2025, 6, 14, 9, 30), flushAfterMs: 10_000 });
  const paragraph = blockText(edited, 1);
  paragraph.delete(3, 'instruct'.length);
  paragraph.insert(3, 'request');
  await new Promise<void>((resolve) => queueMicrotask(resolve));
  recorder.flush();
  recorder.stop({ flush: true });
  return { base, edited };
}

function setup(as: (typeof P)[keyof typeof P]) {
  const local = consensusRoom(as);
  const store = memoryVersions();
  const proposal = local.room.meeting.proposals.find((p) => p.id === local.proposalId) as Proposal;
  renderWith(local.port, <RevisionsPanel proposal={proposal} api={store.api} />);
  return { ...local, ...store };
}

describe('the revisions panel', () => {
  it('publishes Rev.1 once confirmed, however often pressed, and lists it with when, by whom and its paragraphs by status', async () => {
    const { by, proposalId, port } = setup(P.secretariat);
    act(() => by(P.chair, { type: 'paragraph.setStatus', proposalId, paragraphId: 'b1', status: 'agreed' }));
    act(() =>
      by(P.chair, {
        type: 'paragraph.setStatus',
        proposalId,
        paragraphId: 'b2',
        status: 'ad-referendum',
        delegations: ['Brazil'],
      }),
    );
    expect(screen.getByText('No revision published yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Publish Rev.1' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Publish IRM-1/5/Rev.1?' }));
    expect(dialog.getByText('Its number is kept for good.')).toBeTruthy();
    const held = holdAnswers(port);
    const confirm = dialog.getByRole('button', { name: 'Publish Rev.1' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    expect(held.sent).toEqual([{ type: 'proposal.publishRevision', proposalId }]);
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    await act(held.answer);
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = within(screen.getByTestId('revision'));
    expect(row.getByText('IRM-1/5/Rev.1')).toBeTruthy();
    expect(row.getByText(/^Published .* \(meeting time\)/)).toBeTruthy();
    expect(row.getByTestId('revision-counts').textContent).toBe('4 paragraphs: 1 agreed, 1 ad ref., 2 open');
    expect(screen.getByRole('status').textContent).toBe('IRM-1/5/Rev.1 published.');
    expect(screen.getByRole('button', { name: 'Publish Rev.2' })).toBeTruthy();
  });

  it('offers no publishing to a delegate, and nothing at all before a revision exists', () => {
    setup(P.kenya);
    expect(screen.queryByTestId('revisions')).toBeNull();
  });

  it('exports a revision clean, and compared with the base text and with Rev.1 as tracked changes with their authors', async () => {
    const files = captureDownloads();
    const { by, proposalId, keep } = setup(P.chair);
    const { base, edited } = await texts();
    keep(`v_base_${proposalId}`, base);
    act(() => by(P.chair, { type: 'paragraph.setStatus', proposalId, paragraphId: 'b1', status: 'agreed' }));
    act(() =>
      by(P.chair, {
        type: 'paragraph.setStatus',
        proposalId,
        paragraphId: 'b2',
        status: 'ad-referendum',
        delegations: ['Brazil', 'Egypt'],
      }),
    );
    act(() => by(P.chair, { type: 'proposal.publishRevision', proposalId }));
    keep(revisionVersionId(proposalId, 1), edited);

    fireEvent.click(screen.getByRole('button', { name: 'Download .docx' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toBe('IRM-1-5-Rev.1.docx');
    const clean = await files[0]!.xml;
    expect(clean).toContain('request the Director');
    expect(clean).not.toContain('<w:ins ');
    // The statuses as Rev.1 froze them, before the text.
    const statuses = [
      'Paragraph status in IRM-1/5/Rev.1',
      'Paragraph 1: Agreed',
      'Paragraph 2: Agreed ad referendum (Brazil and Egypt)',
      'Paragraph 3: Open',
    ];
    for (const line of statuses) expect(clean).toContain(`>${line}</w:t>`);
    expect(clean.indexOf('Paragraph 3: Open')).toBeLessThan(clean.indexOf('request the Director'));

    fireEvent.click(screen.getByRole('button', { name: 'Comparison with the base text (.docx)' }));
    await waitFor(() => expect(files).toHaveLength(2));
    expect(files[1]!.name).toBe('IRM-1-5-Rev.1-compared.docx');
    const compared = await files[1]!.xml;
    expect(compared).toMatch(/<w:ins [^>]*w:author="Amina Diallo \(Kenya\)"/);
    expect(compared).toMatch(/<w:del [^>]*w:author="Amina Diallo \(Kenya\)"/);
    expect(compared).toContain('instruct</w:delText>');
    for (const line of statuses) expect(compared).toContain(`>${line}</w:t>`);

    // Rev.2, after Brazil's edit of Rev.1: compared with Rev.1, only Brazil's change shows.
    const later = new Y.Doc();
    later.clientID = 30;
    sync(edited, later);
    registerAuthor(later, { participantId: P.brazil, name: 'Ana Souza', delegation: 'Brazil' });
    blockText(later, 0).insert(0, 'Also ');
    act(() => by(P.chair, { type: 'proposal.publishRevision', proposalId }));
    keep(revisionVersionId(proposalId, 2), later);
    const rev2 = within(screen.getAllByTestId('revision')[0]!);
    fireEvent.click(rev2.getByRole('button', { name: 'Comparison with Rev.1 (.docx)' }));
    await waitFor(() => expect(files).toHaveLength(3));
    expect(files[2]!.name).toBe('IRM-1-5-Rev.2-compared.docx');
    const second = await files[2]!.xml;
    expect(second).toMatch(/<w:ins [^>]*w:author="Ana Souza \(Brazil\)"/);
    expect(second).not.toContain('Amina Diallo');
  });

  it('says so when the text of a revision cannot be read yet', async () => {
    const { by, proposalId } = setup(P.chair);
    act(() => by(P.chair, { type: 'proposal.publishRevision', proposalId }));
    fireEvent.click(screen.getByRole('button', { name: 'Download .docx' }));
    expect((await screen.findByRole('alert')).textContent).toContain('could not be read');
  });
});
