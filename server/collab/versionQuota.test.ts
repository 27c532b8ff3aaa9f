import { describe, expect, it } from 'vitest';
import { asId, type ParticipantId, type ProposalId } from '../../shared';
import type { DocVersionMeta } from '../store/types';
import { VersionQuota } from './versionQuota';

/** An in-memory version list per proposal, and a clock that moves when told. */
function setup(limits = { perProposal: 10, perParticipant: 4, burst: 2, refillMs: 1000 }) {
  const versions = new Map<string, DocVersionMeta[]>();
  let now = 0;
  const quota = new VersionQuota(limits, { list: async (id) => versions.get(id) ?? [] }, () => now);
  const save = (whoId: string, proposalId: string, allIds = [proposalId]) => {
    const [who, proposal] = [asId<ParticipantId>(whoId), asId<ProposalId>(proposalId)];
    return quota.run(who, proposal, allIds.map(asId<ProposalId>), async () => {
      const list = versions.get(proposal) ?? [];
      list.push({ id: `v${list.length}`, name: 'n', createdBy: who, createdAt: now });
      versions.set(proposal, list);
      return list.length;
    });
  };
  return { save, advance: (ms: number) => (now += ms), versions };
}

describe('VersionQuota', () => {
  it('takes a burst, then one save per refill interval, per participant', async () => {
    const q = setup();
    expect((await q.save('a', 'x')).ok).toBe(true);
    expect((await q.save('a', 'x')).ok).toBe(true);
    expect(await q.save('a', 'x')).toEqual({
      ok: false,
      message:
        'version save rate: at most 2 saves at once and then 1 every 1 s per participant; try again in 1 s',
    });
    expect((await q.save('b', 'x')).ok).toBe(true); // someone else's bucket
    q.advance(1000);
    expect((await q.save('a', 'x')).ok).toBe(true);
    expect((await q.save('a', 'x')).ok).toBe(false);
  });

  it('counts a participant’s versions over all the meeting’s proposals', async () => {
    const q = setup({ perProposal: 10, perParticipant: 3, burst: 10, refillMs: 1000 });
    for (const p of ['x', 'y', 'z']) expect((await q.save('a', p, ['x', 'y', 'z'])).ok).toBe(true);
    expect(await q.save('a', 'x', ['x', 'y', 'z'])).toEqual({
      ok: false,
      message: 'version quota reached: at most 3 versions per participant in a meeting',
    });
  });

  it('holds the caps under parallel saves of one participant', async () => {
    const q = setup({ perProposal: 3, perParticipant: 100, burst: 100, refillMs: 1000 });
    const results = await Promise.all(Array.from({ length: 10 }, () => q.save('a', 'x')));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(q.versions.get('x')).toHaveLength(3);
  });
});
