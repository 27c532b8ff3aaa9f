import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from '../support/client';
import { createProposal, upgradeStatus } from '../support/collab';
import { createMeetingWith } from '../support/meeting';
import { startTestServer } from '../support/server';

/** Issue 10, item 8: refused handshakes and upgrades are logged with the reason, never the token. */
describe('refused handshakes are logged', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let meetingId: string;
  let proposalId: string;
  const lines: unknown[][] = [];
  beforeAll(async () => {
    server = await startTestServer();
    const created = await createMeetingWith(server.url, server.adminToken, {});
    token = created.chair.token;
    meetingId = created.meetingId;
    const chair = await connect(server.url, token);
    proposalId = await createProposal(chair, { symbol: 'LOG/1' });
    chair.close();
    for (const level of ['info', 'warn'] as const) {
      vi.spyOn(server.log, level).mockImplementation(((...args: unknown[]) => {
        lines.push(args);
      }) as never);
    }
  });
  afterAll(() => server.stop());

  const logged = (reason: string) =>
    lines.find((args) => (args[0] as { reason?: string } | undefined)?.reason === reason)?.[0] as
      | Record<string, unknown>
      | undefined;

  it('Socket.IO: bad token, unknown participant, foreign origin', async () => {
    const foreign = `${token.slice(0, -4)}AAAA`;
    await expect(connect(server.url, foreign)).rejects.toThrow('unauthorized');
    await expect(connect(server.url, token, { origin: 'https://evil.example' })).rejects.toThrow();
    // Well signed, but naming nobody: a participant that does not exist, a meeting that does not.
    const nobody = await server.tokens.sign({ meetingId, participantId: 'p_nobody', role: 'delegate' });
    await expect(connect(server.url, nobody)).rejects.toThrow('unauthorized');
    const nowhere = await server.tokens.sign({
      meetingId: 'm_nowhere',
      participantId: 'p_x',
      role: 'delegate',
    });
    await expect(connect(server.url, nowhere)).rejects.toThrow('unauthorized');
    expect(logged('unknown_participant')).toMatchObject({ meetingId, participantId: 'p_nobody' });
    expect(logged('unknown_meeting')).toMatchObject({ meetingId: 'm_nowhere' });
    await expect(connect(server.url, token, { auth: { protocol: 99 } })).rejects.toThrow('protocol_mismatch');
    expect(logged('protocol_mismatch')).toMatchObject({ channel: 'socket.io' });
    expect(JSON.stringify(lines)).not.toContain(nobody.slice(-20));
    expect(logged('bad_token')).toMatchObject({ channel: 'socket.io', remote: expect.any(String) });
    expect(logged('origin')).toMatchObject({ channel: 'socket.io', origin: 'https://evil.example' });
    expect(JSON.stringify(lines)).not.toContain(token.slice(-20));
    expect(JSON.stringify(lines)).not.toContain(foreign.slice(-20));
  });

  it('/collab: bad token, unknown proposal, foreign origin', async () => {
    lines.length = 0;
    expect((await upgradeStatus(server.url, `/collab/${proposalId}?token=nope`)).status).toBe(401);
    expect((await upgradeStatus(server.url, `/collab/pr_nothing?token=${token}`)).status).toBe(404);
    const evil = await upgradeStatus(server.url, `/collab/${proposalId}?token=${token}`, {
      origin: 'https://evil.example',
    });
    expect(evil.status).toBe(403);
    expect(logged('bad_token')).toMatchObject({ channel: 'collab', remote: expect.any(String) });
    expect(logged('unknown_proposal')).toMatchObject({ channel: 'collab', proposalId: 'pr_nothing' });
    expect(logged('origin')).toMatchObject({ channel: 'collab', origin: 'https://evil.example' });
    expect(JSON.stringify(lines)).not.toContain(token.slice(-20));
  });
});
