import { screen } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import type { ParticipantId } from '../../../../../shared';
import { paragraphFacts } from '../../../../../shared/collab/paragraphs';
import { P } from '../../../../../shared/domain/fixtures';
import { localDocConnection } from '../../../collab/docConnection';
import { CollabProvider } from '../../../collab/hooks';
import { seeded } from '../../../collab/testDocs';
import type { RoomPort } from '../../../room/roomClient';
import { localRoom, renderWith } from '../../../test/localRoom';
import { RefusalAlert } from '../../Announcer';
import { ProposalEditor } from '../ProposalEditor';

// Seeded pids: the heading b1, then paragraphs 1, 2, 3 are b2, b3, b4.
const BASE = '# Resolves\n\nto instruct BDT\n\nto invite Member States\n\nto report [annually]';

/**
 * A room with one proposal open in the editor, its paragraph 1 agreed and paragraph 2 agreed ad
 * referendum by Egypt; the text's facts are what the server would read (`DecideContext.text`).
 * `port` may wrap the room's port (to hold commands' answers back, say).
 */
export function setup(
  as: ParticipantId,
  language: 'en' | 'ar' = 'en',
  port: (port: RoomPort) => RoomPort = (p) => p,
) {
  const local = localRoom(as, { open: true });
  local.by(P.brazil, {
    type: 'proposal.create',
    symbol: 'ACP/67A1/1',
    title: 'Resolution 31',
    submittedBy: 'APT',
  });
  const proposalId = local.room.meeting.proposals[0]!.id;
  const doc = seeded(BASE);
  local.room.ctx.text = paragraphFacts(doc, proposalId);
  local.by(P.chair, { type: 'paragraph.setStatus', proposalId, paragraphId: 'b2', status: 'agreed' });
  local.by(P.chair, {
    type: 'paragraph.setStatus',
    proposalId,
    paragraphId: 'b3',
    status: 'ad-referendum',
    delegations: ['Egypt'],
  });
  renderWith(
    port(local.port),
    <CollabProvider connect={() => localDocConnection(doc)}>
      <RefusalAlert />
      <ProposalEditor proposalId={proposalId} onClose={() => undefined} />
    </CollabProvider>,
    language,
  );
  return { ...local, proposalId, doc };
}

const textbox = () => screen.getByRole('textbox', { name: /ACP\/67A1\/1/ });
export const editorOf = () => (textbox() as unknown as { editor: Editor }).editor;
export const margins = () => [...textbox().querySelectorAll<HTMLElement>('.paragraph-margin')];
