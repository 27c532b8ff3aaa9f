// Renders the record's exports off the main thread (server/record/renderPool.ts starts it). The
// renderers are TypeScript: tsx loads them here, in this thread only, so the worker runs the same
// under `npm start`, `node --import tsx` and Vitest whatever loader the main thread has (the pool
// starts it with no execArgv).
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { renderExport } = await tsImport('./render/index.ts', import.meta.url);

/**
 * The body's bytes as an ArrayBuffer of their own, to transfer: a small Buffer is a view into
 * Node's shared allocation pool, which must not be detached, so it is copied (a few kilobytes).
 */
function ownBuffer(body) {
  const whole = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  return whole ? body.buffer : body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
}

parentPort?.on('message', async ({ id, name, record, lang }) => {
  try {
    const { body, contentType, fileName } = await renderExport(name, record, lang);
    const bytes = ownBuffer(body);
    parentPort?.postMessage({ kind: 'rendered', id, bytes, contentType, fileName }, [bytes]);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 300);
    parentPort?.postMessage({ kind: 'threw', id, detail });
  }
});
// Last: the pool sends its first job once the renderers are loaded.
parentPort?.postMessage({ kind: 'ready' });
