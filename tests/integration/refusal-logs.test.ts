import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from '../support/client';
import { createProposal, upgradeStatus } from '../support/collab';
import { createMeetingWith } from '../support/meeting';
import { startTestServer } from '../support/server';

/** Issue 10, item 8: refused handshakes and upgrades are logged with the reason, never the token. */
describe('refused handshakes are logged', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let proposalId: string;
  const lines: unknown[][] = [];
  beforeAll(async () => {
    server = await startTestServer();
    const created = await createMeetingWith(server.url, server.adminToken, {});
    token = created.chair.token;
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
    expect(logged('unknown_proposal')).toMatchObject({ channel: 'collab' });
    expect(logged('origin')).toMatchObject({ channel: 'collab', origin: 'https://evil.example' });
    expect(JSON.stringify(lines)).not.toContain(token.slice(-20));
  });
});
