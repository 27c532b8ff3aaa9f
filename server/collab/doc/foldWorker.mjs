// Folds a document's stored snapshot and updates into one update, off the main thread
// (server/collab/doc/folder.ts starts it). Plain JavaScript, like validateWorker.mjs, so it runs as is
// under node, tsx and Vitest.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort?.on('message', ({ id, parts }) => {
  // gc: deleted text is dropped from the snapshot, so the stored form does not grow with deletions.
  const doc = new Y.Doc({ gc: true });
  try {
    let skipped = 0;
    for (const part of parts) {
      try {
        Y.applyUpdate(doc, part);
      } catch {
        skipped++; // everything stored was validated; an update that does not apply is left out
      }
    }
    const folded = Y.encodeStateAsUpdate(doc);
    parentPort?.postMessage({ id, ok: true, folded, skipped }, [folded.buffer]);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    parentPort?.postMessage({ id, ok: false, detail });
  } finally {
    doc.destroy();
  }
});
