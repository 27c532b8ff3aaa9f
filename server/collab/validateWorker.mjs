// Validates Yjs updates off the main thread (server/collab/validate.ts starts it). Plain JavaScript on
// purpose: it runs as is under `node`, `tsx` and Vitest, without a TypeScript loader in the worker.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

/**
 * Decoding the update fully and applying it to an empty document is where crafted updates loop or
 * allocate without bound (yjs issue 687; or a megabyte of subdocument structs, each a new Y.Doc).
 * If that happens here, the pool's timeout or this thread's heap limit ends it, and the main thread
 * never sees the update. Proposal texts have no subdocuments, so updates that carry one are refused.
 */
function check(update) {
  const { structs } = Y.decodeUpdate(update);
  if (structs.some((struct) => struct instanceof Y.Item && struct.content instanceof Y.ContentDoc)) {
    throw new Error('subdocuments are not allowed');
  }
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  doc.destroy();
}

parentPort?.on('message', ({ id, update }) => {
  try {
    check(update);
    parentPort?.postMessage({ id, ok: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    parentPort?.postMessage({ id, ok: false, detail: detail.slice(0, 200) });
  }
});
