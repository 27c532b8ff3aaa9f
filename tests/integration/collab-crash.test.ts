import fs from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainText } from '../../shared/collab/schema';
import { connect } from '../support/client';
import { createProposal, type Editor, firstParagraph, openEditor, waitUntil } from '../support/collab';
import { type ServerProcess, spawnServer } from '../support/process';
import { tempDir } from '../support/server';
import { delay } from '../support/wait';

describe('collab: kill -9 and restart', () => {
  const cleanup: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  async function start(dataDir: string): Promise<ServerProcess> {
    const server = await spawnServer(dataDir);
    cleanup.push(() => server.child.kill('SIGKILL'));
    return server;
  }
  const editor = (e: Editor) => {
    cleanup.push(() => e.destroy());
    return e;
  };

  it('loses no update that another client has received', async () => {
    const dataDir = await tempDir('irm-collab-crash-');
    cleanup.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const first = await start(dataDir);
    const chairToken = first.links.find((l) => l.role === 'chair')!.token;
    const [alice, bob, carol] = first.links.filter((l) => l.role === 'delegate');
    const chair = await connect(first.url, chairToken);
    cleanup.push(() => chair.close());
    const proposalId = await createProposal(chair, { symbol: 'IRM1/DT/99', baseText: 'Crash test:' });

    const writer = editor(openEditor(first.url, proposalId, alice!.token));
    const reader = editor(openEditor(first.url, proposalId, bob!.token));
    await Promise.all([writer.synced, reader.synced]);
    await waitUntil(() => plainText(writer.doc) === 'Crash test:', 'the base text');

    // The writer types without pause; the server dies while updates are in flight.
    let typing = true;
    const typed = (async () => {
      for (let i = 0; typing; i++) {
        const text = firstParagraph(writer.doc);
        text.insert(text.length, String.fromCharCode(97 + (i % 26)));
        await delay(1); // typing pace
      }
    })();
    await waitUntil(
      () => plainText(reader.doc).length > 'Crash test:'.length + 150,
      'the reader to get 150 chars',
    );
    first.child.kill('SIGKILL');
    await first.exited;
    typing = false;
    await typed;
    // Everything the reader holds came from the server, so the server had stored it.
    const received = plainText(reader.doc);
    const receivedVector = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
    writer.provider.disconnect();
    reader.provider.disconnect();

    const second = await start(dataDir);
    const fresh = editor(openEditor(second.url, proposalId, carol!.token));
    await fresh.synced;
    const restored = plainText(fresh.doc);
    expect(restored.startsWith(received)).toBe(true);
    const restoredVector = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
    for (const [client, clock] of receivedVector)
      expect(restoredVector.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
    console.info(
      `collab crash: reader had ${received.length} chars at kill -9, restart has ${restored.length} ` +
        `(the writer typed ${plainText(writer.doc).length})`,
    );
  });
});
