import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocFolder } from './folder';

const folders: DocFolder[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await folder.close();
});
const folderWith = (options?: ConstructorParameters<typeof DocFolder>[0]) => {
  const folder = new DocFolder(options);
  folders.push(folder);
  return folder;
};

/** A snapshot of `base` and the updates that type `more` after it, as a store holds them. */
function storedParts(base: string, more: string[]): { parts: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, base);
  const snapshot = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const piece of more) text.insert(text.length, piece);
  text.delete(0, 3); // deleted text must not come back, nor stay in the snapshot
  return { parts: [snapshot, ...updates], text: text.toString() };
}

const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
};

describe('DocFolder', () => {
  it('folds a snapshot and its updates into one update with the same text', async () => {
    const { parts, text } = storedParts('Base text.', [' One', ' two', ' three.']);
    const folded = await folderWith().fold(parts);
    expect(folded.skipped).toBe(0);
    expect(textOf(folded.update)).toBe(text);
  });

  it('leaves out a part that does not apply, and says how many', async () => {
    const { parts, text } = storedParts('Base text.', [' One']);
    const folded = await folderWith().fold([...parts, new Uint8Array([0xff, 0xff, 0xff])]);
    expect(folded.skipped).toBe(1);
    expect(textOf(folded.update)).toBe(text);
  });

  it('fails a fold past its time', async () => {
    const big = storedParts(
      'x'.repeat(10),
      Array.from({ length: 20_000 }, (_, i) => `${i % 10}`),
    );
    const folder = folderWith({ timeoutMs: 1, maxOldGenerationSizeMb: 128 });
    await expect(folder.fold(big.parts)).rejects.toThrow(/fold took over 1 ms/);
  });

  it('fails a fold whose worker runs out of memory, and folds the next one on a fresh worker', async () => {
    // 30 MB of text held by the decoded document, against a heap of 8 MB: the worker cannot hold it,
    // whatever its garbage collector does. Sent as many small updates, as a store holds them (one
    // large buffer would be allocated outside the heap limit).
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const text = doc.getText('t');
    for (let i = 0; i < 600; i++) text.insert((i * 7919) % (text.length + 1), 'x'.repeat(50_000));
    const folder = folderWith({ timeoutMs: 60_000, maxOldGenerationSizeMb: 8 });
    await expect(folder.fold(updates)).rejects.toThrow(/memory/);
    const { parts, text: expected } = storedParts('Base text.', [' after']);
    expect(textOf((await folder.fold(parts)).update)).toBe(expected);
  });

  it('refuses folds once closed', async () => {
    const folder = folderWith();
    await folder.close();
    await expect(folder.fold([])).rejects.toThrow(/closed/);
  });
});
