// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, expect, it } from 'vitest';
import type { Proposal } from '../../../../shared';
import { P } from '../../../../shared/domain/fixtures';
import { seeded } from '../../collab/testDocs';
import { renderWith } from '../../test/localRoom';
import { CheckBanner } from './CheckBanner';
import { ConsensusMenu } from './ConsensusMenu';
import { SilenceBanner } from './SilenceBanner';
import { SilencePanel } from './SilencePanel';
import { consensusRoom } from './testRoom';

afterEach(cleanup);

it('the banner, the silence panel and the ask dialog have no axe violations', async () => {
  const local = consensusRoom(P.chair);
  const proposal = local.room.meeting.proposals.find((p) => p.id === local.proposalId) as Proposal;
  local.by(P.chair, { type: 'consensus.ask', proposalId: proposal.id, paragraphIds: ['b2'], seconds: 20 });
  local.by(P.chair, {
    type: 'consensus.ask',
    proposalId: proposal.id,
    paragraphIds: ['b1'],
    until: Date.now() + 3 * 24 * 3600_000,
  });
  local.by(P.kenya, {
    type: 'consensus.object',
    checkId: local.room.meeting.consensus.checks[0]!.id,
    reason: 'Too early',
  });
  const { container } = renderWith(
    local.port,
    <main>
      <CheckBanner />
      <ConsensusMenu proposal={proposal} doc={seeded('One\n\nTwo')} />
      <SilencePanel />
    </main>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Silence procedure…' }));
  let results: axe.AxeResults | undefined;
  await act(async () => {
    // jsdom draws nothing: contrast is checked in the browser tests.
    results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  });
  expect(results!.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

it('the silence banner a delegation sees has no axe violations', async () => {
  const local = consensusRoom(P.kenya);
  local.by(P.chair, {
    type: 'consensus.ask',
    proposalId: local.proposalId,
    paragraphIds: ['b1'],
    until: Date.now() + 3 * 24 * 3600_000,
  });
  // Outside <main>, as in the room: the banner is a landmark of its own.
  const { container } = renderWith(
    local.port,
    <>
      <SilenceBanner />
      <main>
        <SilencePanel />
      </main>
    </>,
  );
  expect(screen.getByTestId('silence-banner')).toBeTruthy();
  let results: axe.AxeResults | undefined;
  await act(async () => {
    results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  });
  expect(results!.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
