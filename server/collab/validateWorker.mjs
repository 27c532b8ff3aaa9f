// Validates Yjs updates off the main thread (server/collab/validate.ts starts it). Plain JavaScript on
// purpose: it runs as is under `node`, `tsx` and Vitest, without a TypeScript loader in the worker.
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { Mirror, Refusal } from './worker/mirror.mjs';

/**
 * Without a document (`check`): decoding the update fully and applying it to an empty document is
 * where crafted updates loop or allocate without bound (yjs issue 687; or a megabyte of subdocument
 * structs, each a new Y.Doc). If that happens here, the pool's timeout or this thread's heap limit
 * ends it, and the main thread never sees the update.
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

/** Live documents this worker judges (the pool sends each document's updates to one worker). */
const mirrors = new Map();
const limits = workerData?.limits;

function drop(docId) {
  mirrors.get(docId)?.destroy();
  mirrors.delete(docId);
}

/** Tries the update on the document's mirror; a refused one that got in drops the mirror. */
function judge({ id, docId, update, state, writer }) {
  if (state) {
    drop(docId);
    try {
      mirrors.set(docId, new Mirror(state, limits));
    } catch (error) {
      const detail = `document state does not load: ${error instanceof Error ? error.message : error}`;
      return parentPort?.postMessage({ id, ok: false, kind: 'error', detail, dropped: true });
    }
  }
  const mirror = mirrors.get(docId);
  if (!mirror) return parentPort?.postMessage({ id, ok: false, kind: 'nomirror', detail: 'no mirror' });
  try {
    const ms = mirror.judge(update, writer);
    parentPort?.postMessage({ id, ok: true, ms });
  } catch (error) {
    const refusal = error instanceof Refusal;
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    const dropped = mirror.broken || !refusal;
    if (dropped) drop(docId);
    parentPort?.postMessage({ id, ok: false, kind: refusal ? error.kind : 'invalid', detail, dropped });
  }
}

parentPort?.on('message', (message) => {
  switch (message.type) {
    case 'judge':
      return judge(message);
    case 'track': {
      const mirror = mirrors.get(message.docId);
      if (!mirror) return;
      try {
        mirror.track(message.update);
        if (mirror.broken) drop(message.docId);
      } catch {
        drop(message.docId); // reloaded from the main thread on its next update
      }
      return;
    }
    case 'drop':
      return drop(message.docId);
    default: {
      const { id, update } = message;
      try {
        check(update);
        parentPort?.postMessage({ id, ok: true });
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        parentPort?.postMessage({ id, ok: false, detail: detail.slice(0, 200) });
      }
    }
  }
});
